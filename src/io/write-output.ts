import { lstat, open, rename, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { MissingInputError, UsageError } from '../errors.ts';

export interface WriteOptions {
  /** Replace an existing file. Without it, an existing file is an error (exit 2). */
  force: boolean;
}

export async function fileExists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `content` to `path` atomically with mode 0600: a temporary file in the same folder,
 * flushed, then renamed over the target, so a crash or Ctrl-C leaves either the old file or the
 * new one, never half of one. Refuses to replace an existing file unless `force`.
 */
export async function writeOutputFile(
  path: string,
  content: string | Uint8Array,
  options: WriteOptions,
): Promise<void> {
  if (!options.force && (await fileExists(path))) {
    throw new UsageError(
      `${path} already exists; not overwriting it`,
      'Pass --force to replace it, or choose another file with -o.',
    );
  }
  // crypto is loaded here, not imported: most runs write nothing, and loading it costs start-up.
  const random = process.getBuiltinModule('node:crypto').randomBytes(6).toString('hex');
  const temp = join(dirname(path), `.${basename(path)}.${random}.tmp`);
  let handle;
  try {
    handle = await open(temp, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MissingInputError(`${path}: cannot write here (${code ?? 'unknown error'})`);
  }
  try {
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
