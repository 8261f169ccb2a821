/**
 * Where batch output goes, written as it is produced. A file is written to a private temporary
 * file beside it (mode 0600) and renamed into place at the end, so a reader never sees half a
 * batch under the final name; on Ctrl-C what was written so far is kept, in whole lines. A
 * device or pipe (`-o /dev/stdout`, a FIFO) is written into directly.
 */
import type { FileHandle } from 'node:fs/promises';
import { open, rename, unlink } from 'node:fs/promises';
import {
  cannotWrite,
  refuseOverwrite,
  resolveOutputTarget,
  temporaryPathFor,
} from '../io/write-output.ts';

export interface OutputSink {
  write(text: string): Promise<void>;
  /** Flushes and, for a file, moves it into place. */
  finish(): Promise<void>;
  /** Removes a partly written file (the batch failed before it could finish). */
  abort(): Promise<void>;
  /** Whoever reads standard output has gone (e.g. `| head`); stop producing. */
  readonly closed: boolean;
}

const FLUSH_BYTES = 256 * 1024;

export async function openOutputSink(
  path: string | undefined,
  options: { force: boolean },
): Promise<OutputSink> {
  return path === undefined ? openStdoutSink() : await openFileSink(path, options);
}

function openStdoutSink(): OutputSink {
  const stdout = process.stdout;
  let closed = false;
  let failure: NodeJS.ErrnoException | undefined;
  // Write errors arrive as asynchronous 'error' events; without a listener they would crash.
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    closed = true;
    if (error.code !== 'EPIPE') failure = error;
  });
  return {
    get closed() {
      return closed;
    },
    async write(text) {
      if (closed) return;
      if (!stdout.write(text)) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            stdout.off('drain', done);
            stdout.off('error', done);
            resolve();
          };
          stdout.on('drain', done);
          stdout.on('error', done);
        });
      }
    },
    async finish() {
      if (!closed && stdout.writableLength > 0) {
        await new Promise<void>((resolve) => stdout.write('', () => resolve()));
      }
      if (failure !== undefined) throw failure;
    },
    async abort() {},
  };
}

async function openFileSink(path: string, options: { force: boolean }): Promise<OutputSink> {
  const target = await resolveOutputTarget(path, options);
  const temp = target.kind === 'stream' ? target.path : temporaryPathFor(target.path);
  let handle: FileHandle;
  try {
    handle = await open(temp, target.kind === 'stream' ? 'w' : 'wx', 0o600);
  } catch (error) {
    throw cannotWrite(path, error);
  }
  let pending: string[] = [];
  let pendingBytes = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    pendingBytes = 0;
    await handle.write(text);
  };
  const abort = async (): Promise<void> => {
    await handle.close().catch(() => undefined);
    if (target.kind === 'file') await unlink(temp).catch(() => undefined);
  };
  return {
    closed: false,
    abort,
    async write(text) {
      pending.push(text);
      pendingBytes += text.length;
      if (pendingBytes >= FLUSH_BYTES) await flush();
    },
    async finish() {
      try {
        await flush();
        if (target.kind === 'stream') {
          await handle.close();
          return;
        }
        await handle.sync();
        await handle.close();
        // The file may have appeared while the batch ran; still never replace it unasked.
        await refuseOverwrite(target.path, options);
        await rename(temp, target.path);
      } catch (error) {
        await abort();
        throw error;
      }
    },
  };
}
