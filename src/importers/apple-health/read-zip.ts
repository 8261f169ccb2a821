/**
 * Reads export.xml straight out of Apple's export.zip, inflating as we scan (zlib works on the
 * thread pool, so inflating and scanning overlap). Nothing is unpacked to disk.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { InputError } from '../../errors.ts';
import type { InputFile } from '../../io/input-file.ts';
import { sanitizeInline } from '../../render/sanitize.ts';

/**
 * Zip-bomb rule: an entry that would inflate to more than 8 GiB and more than 100 times its
 * compressed size is refused before reading. Real exports compress 10–30×; a 4 GB export
 * passes. The inflated bytes are also held to the size the zip declares.
 */
export const ZIP_MAX_INFLATED_BYTES = 8 * 1024 ** 3;
export const ZIP_MAX_RATIO = 100;

const READ_CHUNK = 256 * 1024;
const INFLATE_CHUNK = 1024 * 1024;
const LISTED_NAMES = 12;

export interface ZippedExport {
  /** How messages name the XML: `export.zip (apple_health_export/export.xml)`. */
  name: string;
  chunks: AsyncIterable<Buffer>;
}

function isExportXml(fileName: string): boolean {
  return fileName === 'export.xml' || fileName.endsWith('/export.xml');
}

/** Opens the export.xml inside `input` (a zip file on disk). */
export async function openZippedExport(input: InputFile): Promise<ZippedExport> {
  if (input.path === undefined) {
    throw new InputError(
      input.name,
      {},
      'an Apple Health export.zip must be given as a file path, not on standard input',
      'Pass the path of export.zip, or unzip it and pass apple_health_export/export.xml.',
    );
  }
  const path = input.path;
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      strictFileNames: false,
    });
  } catch (error) {
    throw new InputError(input.name, {}, `not a readable zip file (${(error as Error).message})`);
  }
  try {
    const candidates: yauzl.Entry[] = [];
    const names: string[] = [];
    let total = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        total++;
        if (names.length < LISTED_NAMES) names.push(sanitizeInline(entry.fileName));
        if (isExportXml(entry.fileName)) candidates.push(entry);
      }
    } catch (error) {
      throw new InputError(input.name, {}, `the zip is damaged (${(error as Error).message})`);
    }
    const entry =
      candidates.find((e) => e.fileName === 'apple_health_export/export.xml') ??
      (candidates.length === 1 ? candidates[0] : undefined);
    if (entry === undefined) {
      if (candidates.length > 1) {
        throw new InputError(
          input.name,
          {},
          `this zip holds several export.xml files (${candidates.map((e) => sanitizeInline(e.fileName)).join(', ')}); cyclecheck cannot tell which to read`,
          'Unzip it and pass the export.xml you mean.',
        );
      }
      const listing =
        total === 0
          ? 'it is empty'
          : `it contains ${names.join(', ')}${total > names.length ? ` and ${total - names.length} more` : ''}`;
      throw new InputError(
        input.name,
        {},
        `this zip has no export.xml, so it is not an Apple Health export: ${listing}`,
        'The Health app writes export.zip with apple_health_export/export.xml inside (Profile → Export All Health Data).',
      );
    }
    const name = `${input.name} (${sanitizeInline(entry.fileName)})`;
    if (entry.isEncrypted()) throw new InputError(name, {}, 'this zip entry is encrypted');
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new InputError(
        name,
        {},
        `this zip entry uses compression method ${entry.compressionMethod}; cyclecheck reads stored and deflated entries`,
      );
    }
    if (
      entry.uncompressedSize > ZIP_MAX_INFLATED_BYTES &&
      entry.uncompressedSize > ZIP_MAX_RATIO * entry.compressedSize
    ) {
      throw new InputError(
        name,
        {},
        `this zip entry would inflate to ${entry.uncompressedSize} bytes from ${entry.compressedSize} (over ${ZIP_MAX_RATIO}× and 8 GiB): refused as a possible zip bomb`,
      );
    }
    let dataStart: number;
    try {
      ({ fileDataStart: dataStart } = await zip.readLocalFileHeaderPromise(entry, {
        minimal: true,
      }));
    } catch (error) {
      throw new InputError(name, {}, `the zip is damaged (${(error as Error).message})`);
    }
    zip.close();
    // The compressed bytes are read straight from the file in 256 KB pieces. yauzl's 16 KB reads
    // make zlib return small chunks (half the throughput); much larger ones make zlib push tens
    // of MB per piece at once, which shows in the peak RSS.
    const raw =
      entry.compressedSize === 0
        ? Readable.from([])
        : createReadStream(path, {
            start: dataStart,
            end: dataStart + entry.compressedSize - 1,
            highWaterMark: READ_CHUNK,
          });
    return { name, chunks: inflateEntry(entry, raw, name) };
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function* inflateEntry(
  entry: yauzl.Entry,
  raw: Readable,
  name: string,
): AsyncGenerator<Buffer> {
  const source =
    entry.compressionMethod === 8 ? raw.pipe(createInflateRaw({ chunkSize: INFLATE_CHUNK })) : raw;
  if (source !== raw) raw.on('error', (error) => source.destroy(error));
  let inflated = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > entry.uncompressedSize) {
        throw new InputError(
          name,
          {},
          'this zip entry inflates to more bytes than the zip declares: the zip is damaged',
        );
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(name, {}, `the zip is damaged (${(error as Error).message})`);
  } finally {
    raw.destroy();
    source.destroy();
  }
  if (inflated !== entry.uncompressedSize) {
    throw new InputError(
      name,
      {},
      `this zip entry inflates to ${inflated} bytes but the zip declares ${entry.uncompressedSize}: the zip is damaged`,
    );
  }
}
