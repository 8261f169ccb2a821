import { open } from 'node:fs/promises';

/** Large reads amortise the per-call cost; 4 MB is where the gain flattens out here. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Reads a file in chunks into two reused buffers, reading the next chunk while the caller
 * scans the current one. Measured on a 1 GB export: about half the CPU time of a
 * `createReadStream` (which allocates every chunk), the largest single cost of the import.
 * A chunk is only valid until the next one is requested: callers copy what they keep.
 */
export async function* readFileChunks(
  path: string,
  chunkBytes = CHUNK_BYTES,
): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  const buffers = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)];
  let which = 0;
  // Position null reads on from the current offset, so pipes work too; one read at a time.
  let pending = handle.read(buffers[0] as Buffer, 0, chunkBytes, null);
  try {
    for (;;) {
      const { bytesRead, buffer } = await pending;
      if (bytesRead === 0) return;
      which ^= 1;
      pending = handle.read(buffers[which] as Buffer, 0, chunkBytes, null);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await pending.catch(() => undefined);
    await handle.close();
  }
}
