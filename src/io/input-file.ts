import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { InputError, MissingInputError } from '../errors.ts';

/** How much of a file detection looks at. */
export const HEAD_BYTES = 64 * 1024;

/** Small formats are read whole; anything larger must stream (Apple Health). */
export const MAX_WHOLE_FILE_BYTES = 512 * 1024 * 1024;

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

export async function openInputFile(pathOrDash: string): Promise<InputFile> {
  if (pathOrDash === '-') return await readStdin();
  let info;
  try {
    info = await stat(pathOrDash);
  } catch (error) {
    throw describeOpenError(pathOrDash, error);
  }
  if (info.isDirectory()) {
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
      return createReadStream(pathOrDash, { highWaterMark: 1024 * 1024 });
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

/** An InputFile over bytes already in memory (stdin, tests, the interview). */
export function inputFromBytes(name: string, bytes: Buffer): InputFile {
  return {
    name,
    path: undefined,
    size: bytes.length,
    head: bytes.subarray(0, HEAD_BYTES),
    readAll: () => Promise.resolve(bytes),
    async *stream() {
      for (let i = 0; i < bytes.length; i += 1024 * 1024) yield bytes.subarray(i, i + 1024 * 1024);
    },
  };
}
