import { lstat, open, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
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
 * Where output for `path` goes.
 * - `stream`: a device or pipe (`/dev/null`, `/dev/stdout`, a FIFO), written into as it is.
 *   Replacing it with a file would be wrong (as root, `-o /dev/null --force` would otherwise
 *   turn /dev/null into a regular file), and there is nothing in it to lose.
 * - `file`: a regular file, written atomically at `path` with symlinks resolved (so a link keeps
 *   pointing at the new content). An existing one needs `force`.
 */
export type OutputTarget = { kind: 'stream'; path: string } | { kind: 'file'; path: string };

export async function resolveOutputTarget(
  path: string,
  options: WriteOptions,
): Promise<OutputTarget> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw cannotWrite(path, error);
    // Nothing there, or a symlink to nothing, which an atomic write replaces like a file.
    await refuseOverwrite(path, options);
    return { kind: 'file', path };
  }
  if (info.isDirectory()) {
    throw new UsageError(`${path} is a folder; -o needs a file name`);
  }
  if (!info.isFile()) return { kind: 'stream', path };
  refuseExisting(path, options);
  return { kind: 'file', path: await realpath(path) };
}

/** Refuses to replace whatever is at `path` (a file, a link) unless `force`. */
export async function refuseOverwrite(path: string, options: WriteOptions): Promise<void> {
  if (await fileExists(path)) refuseExisting(path, options);
}

function refuseExisting(path: string, options: WriteOptions): void {
  if (options.force) return;
  throw new UsageError(
    `${path} already exists; not overwriting it`,
    'Pass --force to replace it, or choose another file with -o.',
  );
}

export function cannotWrite(path: string, error: unknown): MissingInputError {
  const code = (error as NodeJS.ErrnoException).code;
  return new MissingInputError(`${path}: cannot write here (${code ?? 'unknown error'})`);
}

/** A private temporary file's name beside `path`, for writing it atomically. */
export function temporaryPathFor(path: string): string {
  // crypto is loaded here, not imported: most runs write nothing, and loading it costs start-up.
  const random = process.getBuiltinModule('node:crypto').randomBytes(6).toString('hex');
  return join(dirname(path), `.${basename(path)}.${random}.tmp`);
}

/**
 * Writes `content` to `path` with mode 0600. A regular file is written atomically: a temporary
 * file in the same folder, flushed, then renamed over the target, so a crash or Ctrl-C leaves
 * either the old file or the new one, never half of one. Refuses to replace an existing file
 * unless `force`; a device or pipe is written into (see OutputTarget).
 */
export async function writeOutputFile(
  path: string,
  content: string | Uint8Array,
  options: WriteOptions,
): Promise<void> {
  const target = await resolveOutputTarget(path, options);
  if (target.kind === 'stream') {
    try {
      await writeFile(path, content);
    } catch (error) {
      throw cannotWrite(path, error);
    }
    return;
  }
  const temp = temporaryPathFor(target.path);
  let handle;
  try {
    handle = await open(temp, 'wx', 0o600);
  } catch (error) {
    throw cannotWrite(path, error);
  }
  try {
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target.path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
