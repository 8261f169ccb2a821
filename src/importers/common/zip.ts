/**
 * Reading one entry out of a zip that may be gigabytes (Apple Health, Google Takeout, Health
 * Connect): the entry list comes from the central directory, and only the chosen entry is
 * inflated, as a stream. Other entries' bytes are never read.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { InputError } from '../../errors.ts';
import type { InputFile } from '../../io/input-file.ts';
import { sanitizeInline } from '../../text/sanitize.ts';

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

export interface OpenZip {
  zip: yauzl.ZipFile;
  path: string;
  entries: yauzl.Entry[];
}

/**
 * Opens a zip on disk and lists its entries; `what` names the export in messages ("an Apple
 * Health export.zip"), `hint` says what to pass instead of standard input.
 */
export async function listZipEntries(
  input: InputFile,
  what: string,
  hint = 'Pass the path of the zip file.',
): Promise<OpenZip> {
  if (input.path === undefined) {
    throw new InputError(
      input.name,
      {},
      `${what} must be given as a file path, not on standard input`,
      hint,
    );
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(input.path, {
      lazyEntries: true,
      autoClose: false,
      strictFileNames: false,
    });
  } catch (error) {
    throw new InputError(input.name, {}, `not a readable zip file (${(error as Error).message})`);
  }
  const entries: yauzl.Entry[] = [];
  try {
    for await (const entry of zip.eachEntry()) entries.push(entry);
  } catch (error) {
    zip.close();
    throw new InputError(input.name, {}, `the zip is damaged (${(error as Error).message})`);
  }
  return { zip, path: input.path, entries };
}

/** "it contains a, b and 3 more" / "it is empty", for a message about a zip without the file. */
export function describeZipListing(entries: readonly yauzl.Entry[]): string {
  if (entries.length === 0) return 'it is empty';
  const names = entries.slice(0, LISTED_NAMES).map((e) => sanitizeInline(e.fileName));
  const more = entries.length - names.length;
  return `it contains ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/**
 * The inflated bytes of one entry, checked against zip bombs and the declared size. Closes the
 * zip's directory handle; the entry is read straight from the file in 256 KB pieces.
 */
export async function streamZipEntry(
  open: OpenZip,
  entry: yauzl.Entry,
  name: string,
  keepOpen = false,
): Promise<AsyncIterable<Buffer>> {
  try {
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
      ({ fileDataStart: dataStart } = await open.zip.readLocalFileHeaderPromise(entry, {
        minimal: true,
      }));
    } catch (error) {
      throw new InputError(name, {}, `the zip is damaged (${(error as Error).message})`);
    }
    // yauzl's 16 KB reads make zlib return small chunks (half the throughput); much larger ones
    // make zlib push tens of MB per piece at once, which shows in the peak RSS.
    const raw =
      entry.compressedSize === 0
        ? Readable.from([])
        : createReadStream(open.path, {
            start: dataStart,
            end: dataStart + entry.compressedSize - 1,
            highWaterMark: READ_CHUNK,
          });
    return inflateEntry(entry, raw, name);
  } finally {
    if (!keepOpen) open.zip.close();
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

/**
 * An entry's whole inflated content, for the small files of an export (CSV, JSON). The zip stays
 * open for the next entry: the caller closes it.
 */
export async function readZipEntry(
  open: OpenZip,
  entry: yauzl.Entry,
  name: string,
  maxBytes: number,
): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes) {
    throw new InputError(name, {}, `this zip entry is too large (${entry.uncompressedSize} bytes)`);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of await streamZipEntry(open, entry, name, true)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
/** A central directory larger than this is not read for detection (a million-file archive). */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

/**
 * The entry names of a zip on disk, read synchronously from its central directory, for format
 * detection; undefined when the directory cannot be found (a damaged or truncated zip).
 */
export function readZipNamesSync(path: string): string[] | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 22 + 65535 + 20);
    const tail = Buffer.alloc(tailLength);
    readSync(fd, tail, 0, tailLength, size - tailLength);
    let at = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at === -1) return undefined;
    let dirSize = tail.readUInt32LE(at + 12);
    let dirOffset = tail.readUInt32LE(at + 16);
    if ((dirOffset === 0xffffffff || dirSize === 0xffffffff) && at >= 20) {
      if (tail.readUInt32LE(at - 20) !== ZIP64_LOCATOR) return undefined;
      const record = Buffer.alloc(56);
      readSync(fd, record, 0, 56, Number(tail.readBigUInt64LE(at - 12)));
      dirSize = Number(record.readBigUInt64LE(40));
      dirOffset = Number(record.readBigUInt64LE(48));
    }
    if (dirSize > MAX_DIRECTORY_BYTES || dirOffset + dirSize > size) return undefined;
    const dir = Buffer.alloc(dirSize);
    readSync(fd, dir, 0, dirSize, dirOffset);
    return parseCentralNames(dir);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function parseCentralNames(dir: Buffer): string[] {
  const names: string[] = [];
  let i = 0;
  while (i + 46 <= dir.length && dir.readUInt32LE(i) === CENTRAL) {
    const nameLength = dir.readUInt16LE(i + 28);
    const extra = dir.readUInt16LE(i + 30);
    const comment = dir.readUInt16LE(i + 32);
    names.push(dir.toString('utf8', i + 46, Math.min(dir.length, i + 46 + nameLength)));
    i += 46 + nameLength + extra + comment;
  }
  return names;
}
