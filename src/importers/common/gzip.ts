/**
 * Bounded gunzip: a small crafted file can expand to gigabytes (a "gzip bomb"), so output is
 * capped; real Periodical backups are kilobytes.
 */
import { promisify } from 'node:util';
import { InputError } from '../../errors.ts';

export const MAX_GUNZIP_BYTES = 64 * 1024 * 1024;

// Format detection imports this module for every file, but only a gzip file needs zlib: loading
// it on first use keeps it out of a plain CSV's start-up.
const zlib = () => process.getBuiltinModule('node:zlib');

export function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export async function gunzipBounded(file: string, bytes: Buffer, hint?: string): Promise<Buffer> {
  try {
    return await promisify(zlib().gunzip)(bytes, { maxOutputLength: MAX_GUNZIP_BYTES });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new InputError(
        file,
        {},
        `decompresses to more than ${MAX_GUNZIP_BYTES / 1024 / 1024} MB; refusing to read it`,
        hint,
      );
    }
    const why =
      code === 'Z_BUF_ERROR'
        ? 'the compressed data ends early: the file is truncated'
        : code === 'Z_DATA_ERROR'
          ? 'the compressed data is damaged'
          : `cannot decompress it (${code ?? 'corrupt data'})`;
    throw new InputError(file, {}, `not a readable gzip file: ${why}`, hint);
  }
}

/**
 * The first bytes inside a gzip file, for detection. Only the first kilobyte of the head is
 * inflated (a truncated stream is fine): deflate expands at most ~1032:1, so the output stays
 * around a megabyte whatever the file holds.
 */
export function peekGunzip(head: Buffer): Buffer | undefined {
  // Without the 8-byte trailer of a small file, a damaged checksum does not hide the content.
  const piece = head.length > 1024 + 8 ? head.subarray(0, 1024) : head.subarray(0, head.length - 8);
  try {
    return zlib().gunzipSync(piece, {
      finishFlush: zlib().constants.Z_SYNC_FLUSH,
      maxOutputLength: 2 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}
