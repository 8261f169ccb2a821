import { createReadStream, readFileSync, statSync } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { InputError, MissingInputError } from '../errors.ts';
import { findExportInFolder } from './folder-exports.ts';

/** How much of a file detection looks at. */
export const HEAD_BYTES = 64 * 1024;

/** Small formats are read whole; anything larger must stream (Apple Health). */
export const MAX_WHOLE_FILE_BYTES = 512 * 1024 * 1024;

/**
 * Regular files up to this size are read whole in one synchronous call when opened: the
 * asynchronous way takes eight file operations through libuv's thread pool (stat, open, read,
 * close, then the same again to read it all), which costs more than importing a one-year log,
 * in `analyze` (start-up) and in batch workers alike. Nothing else runs meanwhile that could wait.
 */
const SMALL_FILE_BYTES = 4 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

/** An input opened for import: a file path, or standard input when the path is `-`. */
export interface InputFile {
  /** What messages call it: the path as given, or `<stdin>`. */
  readonly name: string;
  /** A real file path when there is one (zip needs random access). */
  readonly path: string | undefined;
  readonly size: number | undefined;
  /** The first bytes (up to HEAD_BYTES), for format detection. */
  readonly head: Buffer;
  /** The whole content. Throws an InputError past MAX_WHOLE_FILE_BYTES. */
  readAll(): Promise<Buffer>;
  /** The content as chunks, with bounded memory. */
  stream(): AsyncIterable<Buffer>;
}

function describeOpenError(name: string, error: unknown): MissingInputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'is a directory, not a log file'
          : `cannot read (${code ?? 'unknown error'})`;
  return new MissingInputError(`${name}: ${why}`);
}

/** Opens a file for import: `-` is standard input. Throws MissingInputError when unreadable. */
export async function openInputFile(pathOrDash: string): Promise<InputFile> {
  if (pathOrDash === '-') return await readStdin();
  const bytes = readSmallFile(pathOrDash);
  if (bytes !== undefined) return inputFromBytes(pathOrDash, bytes, pathOrDash);
  return await openFileForStreaming(pathOrDash);
}

function readSmallFile(path: string): Buffer | undefined {
  // Any error (missing, a folder, no permission) is left to openFileForStreaming to word.
  try {
    const info = statSync(path);
    return info.isFile() && info.size <= SMALL_FILE_BYTES ? readFileSync(path) : undefined;
  } catch {
    return undefined;
  }
}

/** Opens a file reading only its head; the rest is read or streamed when asked for. */
export async function openFileForStreaming(pathOrDash: string): Promise<InputFile> {
  let info;
  try {
    info = await stat(pathOrDash);
  } catch (error) {
    throw describeOpenError(pathOrDash, error);
  }
  if (info.isDirectory()) {
    // An unzipped export (Fitbit's Menstrual Health folder, Takeout/…): read the file inside it.
    const inside = findExportInFolder(pathOrDash);
    if (inside !== undefined) return await openFileForStreaming(inside);
    throw new MissingInputError(
      `${pathOrDash}: is a directory, not a log file`,
      '`cyclecheck batch DIR` analyzes every log in a folder.',
    );
  }
  let head: Buffer;
  try {
    const handle = await open(pathOrDash, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(HEAD_BYTES, info.size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw describeOpenError(pathOrDash, error);
  }
  const name = pathOrDash;
  const size = info.size;
  return {
    name,
    path: pathOrDash,
    size,
    head,
    async readAll() {
      if (size > MAX_WHOLE_FILE_BYTES) {
        throw new InputError(name, {}, `file is too large for this format (${size} bytes)`);
      }
      try {
        return await readFile(pathOrDash);
      } catch (error) {
        throw describeOpenError(name, error);
      }
    },
    stream() {
      return createReadStream(pathOrDash, { highWaterMark: CHUNK_BYTES });
    },
  };
}

async function readStdin(): Promise<InputFile> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MAX_WHOLE_FILE_BYTES) {
      throw new InputError(
        '<stdin>',
        {},
        'input is too large to read from standard input; pass the file path',
      );
    }
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  return inputFromBytes('<stdin>', bytes);
}

/** An InputFile over bytes already in memory (a small file, stdin, tests, the interview). */
export function inputFromBytes(name: string, bytes: Buffer, path?: string): InputFile {
  return {
    name,
    path,
    size: bytes.length,
    head: bytes.subarray(0, HEAD_BYTES),
    readAll: () => Promise.resolve(bytes),
    async *stream() {
      for (let i = 0; i < bytes.length; i += CHUNK_BYTES) yield bytes.subarray(i, i + CHUNK_BYTES);
    },
  };
}
