/**
 * What `-o PATH` does to what is already at PATH: a regular file is replaced atomically only with
 * --force (a symlink keeps pointing at the new content); a device or pipe is written into and
 * never replaced by a file (as root, `-o /dev/null --force` once turned /dev/null into a file).
 */
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import {
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOutputSink } from '../../src/batch/output-sink.ts';
import { UsageError } from '../../src/errors.ts';
import { writeOutputFile } from '../../src/io/write-output.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-write-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A named pipe with a reader collecting everything written into it. */
function pipeWithReader(name: string): { path: string; received: Promise<string> } {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  const received = new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    createReadStream(path)
      .on('data', (chunk) => chunks.push(chunk as Buffer))
      .on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      .on('error', reject);
  });
  return { path, received };
}

describe('writeOutputFile', () => {
  it('writes into a named pipe and leaves it a pipe (no --force needed)', async () => {
    const fifo = pipeWithReader('report.fifo');
    await writeOutputFile(fifo.path, 'the report\n', { force: false });
    expect(await fifo.received).toBe('the report\n');
    expect((await lstat(fifo.path)).isFIFO()).toBe(true);
  });

  it('through a symlink, with --force, replaces the file the link points at', async () => {
    await mkdir(join(dir, 'real'));
    const real = join(dir, 'real', 'report.md');
    const link = join(dir, 'report-link.md');
    await writeFile(real, 'old\n');
    await symlink(real, link);
    await writeOutputFile(link, 'new\n', { force: true });
    expect(await readlink(link)).toBe(real);
    expect(await readFile(real, 'utf8')).toBe('new\n');
    expect((await stat(real)).mode & 0o777).toBe(0o600);
  });

  it('refuses an existing file, or a symlink to one, without --force', async () => {
    const real = join(dir, 'kept.md');
    const link = join(dir, 'kept-link.md');
    await writeFile(real, 'kept\n');
    await symlink(real, link);
    for (const path of [real, link]) {
      await expect(writeOutputFile(path, 'new\n', { force: false })).rejects.toThrow(
        /already exists; not overwriting it/,
      );
    }
    expect(await readFile(real, 'utf8')).toBe('kept\n');
  });

  it('refuses a folder with a usage error', async () => {
    const error = await writeOutputFile(dir, 'x', { force: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`${dir} is a folder; -o needs a file name`);
  });
});

describe('batch output (openOutputSink)', () => {
  it('streams into a named pipe and leaves it a pipe', async () => {
    const fifo = pipeWithReader('batch.fifo');
    const sink = await openOutputSink(fifo.path, { force: false });
    await sink.write('{"a":1}\n');
    await sink.write('{"a":2}\n');
    await sink.finish();
    expect(await fifo.received).toBe('{"a":1}\n{"a":2}\n');
    expect((await lstat(fifo.path)).isFIFO()).toBe(true);
  });
});
