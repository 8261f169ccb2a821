/**
 * Opens a log for a batch worker. A worker thread may block, so a small regular file is read in
 * one synchronous call: eight asynchronous file operations per log (stat, open, read, close,
 * then the same again to read it all) cost more than analyzing a one-year log takes to import.
 * Anything else — large files that must stream, errors — goes through `openInputFile`, so
 * behaviour and messages stay those of `analyze`.
 */
import { readFileSync, statSync } from 'node:fs';
import { HEAD_BYTES, openInputFile, type InputFile } from '../io/input-file.ts';

/** Files up to this size are read whole at once. */
const SMALL_FILE_BYTES = 4 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

export async function openLogFile(path: string): Promise<InputFile> {
  let bytes: Buffer;
  try {
    const info = statSync(path);
    if (!info.isFile() || info.size > SMALL_FILE_BYTES) return await openInputFile(path);
    bytes = readFileSync(path);
  } catch {
    return await openInputFile(path);
  }
  return {
    name: path,
    path,
    size: bytes.length,
    head: bytes.subarray(0, HEAD_BYTES),
    readAll: () => Promise.resolve(bytes),
    async *stream() {
      for (let i = 0; i < bytes.length; i += CHUNK_BYTES) yield bytes.subarray(i, i + CHUNK_BYTES);
    },
  };
}
