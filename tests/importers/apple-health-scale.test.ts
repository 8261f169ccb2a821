// The generated export (scripts/gen-apple-export.mjs) against its ground truth, read in random
// chunk sizes and out of export.zip; and zip archives that are not what they claim to be.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CycleLog } from '../../src/core/log.ts';
import { InputError } from '../../src/errors.ts';
import { appleHealthImporter } from '../../src/importers/apple-health/index.ts';
import { readFileChunks } from '../../src/importers/apple-health/read-chunks.ts';
import type { ImportResult } from '../../src/log/import-contract.ts';
import {
  HEAD_BYTES,
  inputFromBytes,
  openInputFile,
  type InputFile,
} from '../../src/io/input-file.ts';

interface Truth {
  bytes: number;
  cycleRecords: number;
  log: CycleLog;
  counts: Record<string, { mapped: number; dropped: number }>;
  unknownTypes: Record<string, number>;
  appNotes: { date: string; text: string }[];
  gaps: string[];
}

let dir: string;
let xmlPath: string;
let zipPath: string;
let truth: Truth;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyclecheck-apple-'));
  xmlPath = join(dir, 'export.xml');
  const out = execFileSync(
    process.execPath,
    ['scripts/gen-apple-export.mjs', xmlPath, '4', '20250315', '--zip', '--zip-writer=node'],
    { encoding: 'utf8' },
  );
  zipPath = (JSON.parse(out) as { zip: string }).zip;
  truth = JSON.parse(readFileSync(join(dir, 'export.truth.json'), 'utf8')) as Truth;
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A file's bytes streamed in seeded random chunk sizes between 1 byte and `max`. */
function randomlyChunked(bytes: Buffer, seed: number, max: number): InputFile {
  return {
    name: 'export.xml',
    path: undefined,
    size: bytes.length,
    head: bytes.subarray(0, HEAD_BYTES),
    readAll: () => Promise.resolve(bytes),
    async *stream() {
      let a = seed >>> 0;
      for (let offset = 0; offset < bytes.length;) {
        a = (a * 1664525 + 1013904223) >>> 0;
        const size = 1 + (a % max);
        yield bytes.subarray(offset, offset + size);
        offset += size;
      }
    },
  };
}

function expectTruth(result: ImportResult): void {
  expect(result.log.profile).toEqual(truth.log.profile);
  expect(result.log.days).toHaveLength(truth.log.days.length);
  expect(result.log.days).toEqual(truth.log.days);
  expect(result.appNotes).toEqual(truth.appNotes);
  expect(result.gaps.map((g) => g.fact)).toEqual(truth.gaps);
  const counts = Object.fromEntries(
    result.summary
      .filter((row) => row.note !== 'unknown type' && !row.what.startsWith('other'))
      .map((row) => [row.what, { mapped: row.mapped, dropped: row.dropped }]),
  );
  expect(counts).toEqual(truth.counts);
  const unknown = result.summary
    .filter((row) => row.note === 'unknown type')
    .map((row) => [`HKCategoryTypeIdentifier${row.what}`, row.dropped]);
  expect(Object.fromEntries(unknown)).toEqual(truth.unknownTypes);
}

describe('a generated export against its ground truth', () => {
  test('the generator made a realistic file: several MB, grouped cycle records, escapes and non-ASCII', () => {
    const xml = readFileSync(xmlPath, 'utf8');
    expect(truth.bytes).toBeGreaterThan(4 * 1024 * 1024 - 1024);
    expect(truth.cycleRecords).toBeGreaterThan(800);
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE HealthData [\n<!-- HealthKit Export Version:',
      ),
    ).toBe(true);
    expect(xml).toContain('&lt;&lt;HKDevice:');
    expect(xml).toContain('Anna&#8217;s iPhone');
    expect(xml).toContain('\u202F');
    expect(xml).toMatch(/ -0700"/);
    expect(xml).toContain('<HeartRateVariabilityMetadataList>');
    expect(truth.log.days.some((d) => d.notes?.includes('Cycle\u202FTracker <beta> & "Co"'))).toBe(
      true,
    );
  });

  test('read from disk in 1 MB chunks, the import equals the truth exactly', async () => {
    expectTruth(await appleHealthImporter.read(await openInputFile(xmlPath), { forced: false }));
  });

  test.each([
    [1, 97],
    [2, 4096],
    [3, 65_536],
  ])(
    'read in random chunks (seed %i, up to %i bytes), the import equals the truth exactly',
    async (seed, max) => {
      const bytes = readFileSync(xmlPath);
      expectTruth(
        await appleHealthImporter.read(randomlyChunked(bytes, seed, max), { forced: false }),
      );
    },
    60_000,
  );

  test('read through two reused buffers (the file reader), the import equals the truth exactly', async () => {
    const input: InputFile = {
      ...randomlyChunked(readFileSync(xmlPath), 0, 1),
      stream: () => readFileChunks(xmlPath, 65_536 + 7),
    };
    expectTruth(await appleHealthImporter.read(input, { forced: false }));
  });

  test('read straight out of export.zip, the import equals the truth exactly', async () => {
    const input = await openInputFile(zipPath);
    const result = await appleHealthImporter.read(input, { forced: false });
    expectTruth(result);
    expect(result.warnings[0]?.file).toBe(`${zipPath} (apple_health_export/export.xml)`);
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-built zips.

interface ZipEntrySpec {
  name: string;
  data: Buffer;
  deflate?: boolean;
  /** Override the declared uncompressed size (written as zip64 when over 4 GiB). */
  declaredSize?: number;
}

function buildZip(entries: ZipEntrySpec[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const body = entry.deflate ? deflateRawSync(entry.data) : entry.data;
    const crc = zlib.crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const zip64 = size > 0xfffffffe;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(zip64 ? 0xffffffff : size, 22);
    local.writeUInt16LE(name.length, 26);
    const extra = Buffer.alloc(zip64 ? 12 : 0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
    }
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(zip64 ? 45 : 20, 4);
    cd.writeUInt16LE(zip64 ? 45 : 20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(zip64 ? 0xffffffff : size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt16LE(extra.length, 30);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name, extra);
    parts.push(local, name, body);
    offset += local.length + name.length + body.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cdBytes, end]);
}

const SMALL_EXPORT = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE HealthData [\n<!-- HealthKit Export Version: 14 -->\n<!ELEMENT HealthData (ExportDate,Me,(Record)*)>\n]>\n<HealthData locale="de_DE">\n' +
    ' <Record type="HKCategoryTypeIdentifierSexualActivity" sourceName="Health" startDate="2024-10-01 22:00:00 +0200" endDate="2024-10-01 22:30:00 +0200" value="HKCategoryValueNotApplicable"/>\n' +
    '</HealthData>\n',
);

async function importZip(bytes: Buffer, name = 'export.zip'): Promise<ImportResult> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return appleHealthImporter.read(await openInputFile(path), { forced: true });
}

async function zipRejection(bytes: Buffer): Promise<InputError> {
  try {
    await importZip(bytes);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected the zip to be rejected');
}

describe('export.zip', () => {
  test.each([
    ['stored, under another folder', [{ name: 'Export 2025/export.xml', data: SMALL_EXPORT }]],
    [
      'deflated, after other entries',
      [
        { name: 'apple_health_export/export_cda.xml', data: Buffer.from('<x/>') },
        { name: 'apple_health_export/workout-routes/route_1.gpx', data: Buffer.from('<gpx/>') },
        { name: 'apple_health_export/export.xml', data: SMALL_EXPORT, deflate: true },
      ],
    ],
  ])('export.xml is found: %s', async (_what, entries) => {
    const result = await importZip(buildZip(entries));
    expect(result.log.days).toEqual([{ date: '2024-10-01', sex: true }]);
  });

  test('a zip without export.xml lists what it contains', async () => {
    const error = await zipRejection(
      buildZip([
        { name: 'apple_health_export/export_cda.xml', data: Buffer.from('<x/>') },
        { name: 'holiday.jpg', data: Buffer.from('jpeg') },
      ]),
    );
    expect(error.message).toBe(
      `${join(dir, 'export.zip')}: this zip has no export.xml, so it is not an Apple Health export: it contains apple_health_export/export_cda.xml, holiday.jpg`,
    );
  });

  test('two export.xml files are not guessed between', async () => {
    const error = await zipRejection(
      buildZip([
        { name: 'a/export.xml', data: SMALL_EXPORT },
        { name: 'b/export.xml', data: SMALL_EXPORT },
      ]),
    );
    expect(error.message).toMatch(
      /this zip holds several export\.xml files \(a\/export\.xml, b\/export\.xml\)/,
    );
  });

  test('a file that starts like a zip but is not one', async () => {
    const bytes = Buffer.concat([
      buildZip([{ name: 'apple_health_export/export.xml', data: SMALL_EXPORT }]).subarray(0, 60),
    ]);
    const error = await zipRejection(bytes);
    expect(error.message).toMatch(/: not a readable zip file \(/);
  });

  test('a zip bomb (over 8 GiB and over 100× its compressed size) is refused before inflating', async () => {
    const error = await zipRejection(
      buildZip([
        {
          name: 'apple_health_export/export.xml',
          data: SMALL_EXPORT,
          deflate: true,
          declaredSize: 9 * 1024 ** 3,
        },
      ]),
    );
    expect(error.message).toMatch(
      /\(apple_health_export\/export\.xml\): this zip entry would inflate to 9663676416 bytes from \d+ \(over 100× and 8 GiB\): refused as a possible zip bomb$/,
    );
  });

  test('an entry that inflates past its declared size is refused', async () => {
    const error = await zipRejection(
      buildZip([
        {
          name: 'apple_health_export/export.xml',
          data: SMALL_EXPORT,
          deflate: true,
          declaredSize: 100,
        },
      ]),
    );
    expect(error.message).toMatch(
      /this zip entry inflates to more bytes than the zip declares: the zip is damaged$/,
    );
  });

  test('a damaged deflate stream is an input error, not a crash', async () => {
    const zip = buildZip([
      { name: 'apple_health_export/export.xml', data: SMALL_EXPORT, deflate: true },
    ]);
    const dataStart = 30 + 'apple_health_export/export.xml'.length;
    zip.fill(0xff, dataStart, dataStart + 8);
    const error = await zipRejection(zip);
    expect(error.message).toMatch(/: the zip is damaged \(/);
  });

  test('a zip on standard input is refused with what to do instead', async () => {
    const bytes = buildZip([{ name: 'apple_health_export/export.xml', data: SMALL_EXPORT }]);
    await expect(
      appleHealthImporter.read(inputFromBytes('<stdin>', bytes), { forced: false }),
    ).rejects.toThrow(
      '<stdin>: an Apple Health export.zip must be given as a file path, not on standard input',
    );
  });
});

describe('the fixtures used in help examples', () => {
  test('fixtures/apple/export.xml and export.zip give the same log: 7 periods, an IUD of unknown type', async () => {
    const xml = await appleHealthImporter.read(await openInputFile('fixtures/apple/export.xml'), {
      forced: false,
    });
    const zipped = await appleHealthImporter.read(
      await openInputFile('fixtures/apple/export.zip'),
      { forced: false },
    );
    expect(zipped.log).toEqual(xml.log);
    expect(xml.log.days.filter((d) => d.period === true).map((d) => d.date)).toEqual([
      '2024-09-02',
      '2024-09-30',
      '2024-10-28',
      '2024-11-25',
      '2024-12-23',
      '2025-01-20',
      '2025-02-17',
    ]);
    expect(xml.log.days.filter((d) => d.date >= '2025-01-08' && d.date <= '2025-01-09')).toEqual([
      { date: '2025-01-08', sex: true },
      { date: '2025-01-09', bleeding: 'spotting' },
    ]);
    expect(xml.log.profile).toEqual({
      birth_date: '1993-07-21',
      contraception: [{ method: 'iud', start: '2024-06-10' }],
    });
    expect(xml.gaps.map((g) => g.fact)).toEqual(['iud-type', 'menopause']);
  });
});
