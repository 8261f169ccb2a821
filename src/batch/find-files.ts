/**
 * Finds the logs a batch should analyze: files named on the command line, and supported files
 * found by walking folders recursively. Hidden entries and unsupported extensions inside folders
 * are skipped and counted; named files are always taken (the person asked for them).
 */
import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { MissingInputError } from '../errors.ts';
import { findExportFiles } from '../io/folder-exports.ts';

/** Extensions of every supported import format (canonical CSV/JSON, app exports). */
export const LOG_EXTENSIONS: readonly string[] = [
  '.csv',
  '.tsv',
  '.json',
  '.xml',
  '.zip',
  '.gz',
  '.cluedata',
];

export interface FoundFile {
  path: string;
  /** Named on the command line rather than found in a folder. */
  explicit: boolean;
}

export interface FoundFiles {
  /** Sorted by path (see comparePaths), without duplicates. */
  files: FoundFile[];
  /** Files inside folders whose extension no format uses. */
  unsupported: number;
  /** Added: their paths, in walk order. */
  unsupportedPaths: string[];
  /** Hidden files and folders (names starting with "."), not entered. */
  hidden: number;
  /** Folders below the named ones that could not be read, with the reason. */
  unreadable: string[];
}

export function isLogFileName(name: string): boolean {
  // Health Connect's database by its own name only: other .db files (Thumbs.db…) are not logs.
  if (name === 'health_connect_export.db') return true;
  return LOG_EXTENSIONS.includes(extname(name).toLowerCase());
}

/**
 * Orders paths segment by segment in UTF-16 code-unit order, so that a folder's files stay
 * together (`a/b.csv` before `a-c/d.csv`) and the order never depends on the locale.
 */
export function comparePaths(a: string, b: string): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function sortKey(path: string): string {
  return path.replace(/[\\/]+/g, '\u0000');
}

/**
 * Walks `paths` (files and folders). Follows symbolic links, but enters each real folder once,
 * so a link cycle cannot make the walk loop and a linked folder is not analyzed twice.
 */
export async function findLogFiles(paths: readonly string[]): Promise<FoundFiles> {
  const byKey = new Map<string, FoundFile>();
  const seenFolders = new Set<string>();
  const counts = { unsupported: 0, hidden: 0 };
  const unreadable: string[] = [];
  const unsupportedPaths: string[] = [];

  const addFile = (path: string, explicit: boolean): void => {
    const key = normalize(path);
    const known = byKey.get(key);
    if (known === undefined) byKey.set(key, { path, explicit });
    else if (explicit) known.explicit = true;
  };

  const walk = async (folder: string, top: boolean): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      // A named folder that cannot be read stops the batch; one found inside it does not.
      if (top) throw describeWalkError(folder, error);
      unreadable.push(describeWalkError(folder, error).message);
      return;
    }
    // An app export's own files are one log (the folder); what lies beside them is walked.
    const exportFiles = findExportFiles(
      folder,
      entries.map((e) => e.name),
    );
    if (exportFiles !== undefined) addFile(folder, top);
    entries.sort((a, b) => comparePaths(a.name, b.name));
    for (const entry of entries) {
      if (exportFiles?.includes(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.name.startsWith('.')) {
        counts.hidden += 1;
        continue;
      }
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        // A dangling link to a log-named file stays in the list and fails as unreadable.
        const target = await stat(path).catch(() => undefined);
        isDirectory = target?.isDirectory() ?? false;
      }
      if (isDirectory) {
        if (await enterOnce(path)) await walk(path, false);
      } else if (isLogFileName(entry.name)) {
        addFile(path, false);
      } else {
        counts.unsupported += 1;
        unsupportedPaths.push(path);
      }
    }
  };

  const enterOnce = async (folder: string, known?: Stats): Promise<boolean> => {
    const info = known ?? (await stat(folder).catch(() => undefined));
    if (info === undefined) return false;
    const id = `${info.dev}:${info.ino}`;
    if (seenFolders.has(id)) return false;
    seenFolders.add(id);
    return true;
  };

  for (const path of paths) {
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      throw describeWalkError(path, error);
    }
    if (info.isDirectory()) {
      if (await enterOnce(path, info)) await walk(path, true);
    } else {
      addFile(path, true);
    }
  }

  const files = [...byKey.values()].sort((a, b) => comparePaths(a.path, b.path));
  return { files, ...counts, unsupportedPaths, unreadable };
}

function describeWalkError(path: string, error: unknown): MissingInputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such file or folder'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : `cannot read (${code ?? 'unknown error'})`;
  return new MissingInputError(`${path}: ${why}`);
}
