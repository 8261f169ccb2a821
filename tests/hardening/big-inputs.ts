/**
 * Builders for inputs too big to commit: compression bombs and huge files, made cheaply by
 * repeating one small compressed piece (gzip members concatenate; raw deflate blocks flushed
 * with Z_SYNC_FLUSH from a fresh compressor only refer back inside themselves, so they can be
 * chained) rather than by compressing gigabytes at test time.
 */
import { readFileSync } from 'node:fs';
import { constants, crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { buildZip } from './zip-writer.ts';

const MB = 1024 * 1024;

/** A Periodical backup whose gzip members inflate to `megabytes` MB (one 1 MB member repeated). */
export function gzipBomb(megabytes: number): Buffer {
  const head = gzipSync(
    '[{"version":"6"},{"data":[{"eventtype":"1","eventdate":"20250101","intensity":"2"}]},{"notes":[{"eventdate":"20250101","content":"',
  );
  const member = gzipSync(Buffer.alloc(MB, 0x61));
  return Buffer.concat([head, ...Array.from({ length: megabytes }, () => member)]);
}

/** Deflate blocks for `data` that can be followed by more blocks. */
function deflateOpen(data: Buffer): Buffer {
  return deflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH });
}

export const APPLE_XML = readFileSync(new URL('../../fixtures/apple/export.xml', import.meta.url));

/** 1 MB of step-count records, the kind of data that makes real exports gigabytes. */
function stepRecords(): Buffer {
  const record =
    ' <Record type="HKQuantityTypeIdentifierStepCount" sourceName="Phone" unit="count" ' +
    'creationDate="2024-09-01 08:14:09 +0200" startDate="2024-09-01 08:12:31 +0200" ' +
    'endDate="2024-09-01 08:13:31 +0200" value="62"/>\n';
  const count = Math.floor(MB / record.length);
  return Buffer.from(record.repeat(count) + ' '.repeat(MB - count * record.length));
}

/**
 * An honest export.zip whose export.xml is the fixture with `megabytes` MB of step-count
 * records after its first record: it inflates far beyond what memory may hold.
 */
export function bigAppleZip(megabytes: number): Buffer {
  const xml = APPLE_XML.toString('utf8');
  const at = xml.indexOf('</Record>', xml.indexOf('<Record')) + '</Record>\n'.length;
  const head = Buffer.from(xml.slice(0, at));
  const tail = Buffer.from(xml.slice(at));
  const filler = stepRecords();
  const fillerBlocks = deflateOpen(filler);
  let crc = crc32(head);
  for (let i = 0; i < megabytes; i++) crc = crc32(filler, crc);
  crc = crc32(tail, crc);
  const deflated = Buffer.concat([
    deflateOpen(head),
    ...Array.from({ length: megabytes }, () => fillerBlocks),
    deflateRawSync(tail),
  ]);
  return buildZip([
    {
      name: 'apple_health_export/export.xml',
      deflated,
      claimedSize: head.length + megabytes * MB + tail.length,
      crc,
    },
  ]);
}

/** A zip whose header claims `claimedBytes` (zip64 past 4 GiB) for a small deflated entry. */
export function claimedSizeZip(claimedBytes: number): Buffer {
  return buildZip([
    {
      name: 'apple_health_export/export.xml',
      deflated: deflateRawSync(Buffer.alloc(MB, 0x20)),
      claimedSize: claimedBytes,
      crc: 0,
    },
  ]);
}

/** A zip whose header claims a tiny entry that really inflates to `megabytes` MB. */
export function lyingSizeZip(megabytes: number): Buffer {
  const blocks = deflateOpen(Buffer.alloc(MB, 0x20));
  return buildZip([
    {
      name: 'apple_health_export/export.xml',
      deflated: Buffer.concat([
        deflateOpen(APPLE_XML.subarray(0, 200)),
        ...Array.from({ length: megabytes }, () => blocks),
        deflateRawSync(Buffer.alloc(0)),
      ]),
      claimedSize: 1000,
      crc: 0,
    },
  ]);
}
