import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HEAD_BYTES,
  openFileForStreaming,
  openInputFile,
  type InputFile,
} from '../../src/io/input-file.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-read-'));
  await writeFile(join(dir, 'small.csv'), 'date,bleeding\n2025-01-01,light\n');
  await writeFile(join(dir, 'empty.csv'), '');
  await writeFile(join(dir, 'big.csv'), Buffer.alloc(HEAD_BYTES * 3, 0x61));
  await mkdir(join(dir, 'folder.csv'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(input: InputFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of input.stream()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// openInputFile reads a small file whole at once; it must read exactly what the streaming way
// (used for large files) reads, and fail the same way.
describe('openInputFile', () => {
  it.each(['small.csv', 'empty.csv', 'big.csv'])(
    '%s reads exactly as openFileForStreaming does',
    async (name) => {
      const path = join(dir, name);
      const [fast, reference] = await Promise.all([
        openInputFile(path),
        openFileForStreaming(path),
      ]);
      expect(fast.name).toBe(reference.name);
      expect(fast.path).toBe(path);
      expect(fast.size).toBe(reference.size);
      expect(fast.head.equals(reference.head)).toBe(true);
      expect((await fast.readAll()).equals(await reference.readAll())).toBe(true);
      expect((await collect(fast)).equals(await collect(reference))).toBe(true);
    },
  );

  it.each(['missing.csv', 'folder.csv'])(
    '%s fails with the same error as openFileForStreaming',
    async (name) => {
      const path = join(dir, name);
      const expected = await openFileForStreaming(path).catch((error: Error) => error);
      const actual = await openInputFile(path).catch((error: Error) => error);
      expect(expected).toBeInstanceOf(Error);
      expect(actual).toBeInstanceOf(expected.constructor as new () => Error);
      expect((actual as Error).message).toBe((expected as Error).message);
    },
  );
});
