/**
 * Android Health Connect export: `Health Connect.zip` holding one SQLite file
 * `health_connect_export.db`, or that file itself. SQLite needs random
 * access, so the one zip entry is streamed to a private temporary file (a folder only this user
 * can open, the file mode 0600) that is removed however the import ends; nothing else in the zip
 * is inflated. The database is then read page by page: memory follows the cycle tables, not the
 * hundreds of MB of heart-rate rows beside them.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError, MissingInputError } from '../../errors.ts';
import type { InputFile } from '../../io/input-file.ts';
import { sanitizeInline } from '../../text/sanitize.ts';
import { isZipHead } from '../apple-health/detect.ts';
import { describeZipListing, listZipEntries, streamZipEntry } from '../common/zip.ts';
import type { Importer, ImportResult } from '../../log/import-contract.ts';
import { mapHealthConnectDatabase } from './map-database.ts';
import { SqliteFile, SqliteFormatError } from './sqlite-file.ts';

export const HEALTH_CONNECT_ENTRY = 'health_connect_export.db';

const HINT =
  'Health Connect → Manage data → Backup and restore → Scheduled export writes "Health Connect.zip"; give cyclecheck that zip, or the health_connect_export.db inside it.';

export function isHealthConnectEntry(fileName: string): boolean {
  return fileName === HEALTH_CONNECT_ENTRY || fileName.endsWith(`/${HEALTH_CONNECT_ENTRY}`);
}

/** A private folder for one temporary copy, removed by `remove` (and at exit, whatever happens). */
function makePrivateFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cyclecheck-'));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  process.once('exit', remove);
  return {
    dir,
    remove: () => {
      process.removeListener('exit', remove);
      remove();
    },
  };
}

async function copyToPrivateFile(chunks: AsyncIterable<Buffer>, dir: string): Promise<string> {
  const path = join(dir, HEALTH_CONNECT_ENTRY);
  try {
    await pipeline(Readable.from(chunks), createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new MissingInputError(
      `cannot unpack ${HEALTH_CONNECT_ENTRY} to a temporary file in ${sanitizeInline(tmpdir())} (${sanitizeInline(String(code))})`,
      'Unzip it yourself and pass the health_connect_export.db, or set TMPDIR to a folder with room.',
    );
  }
  return path;
}

async function readZipped(input: InputFile, dir: string): Promise<{ path: string; name: string }> {
  const open = await listZipEntries(input, 'a Health Connect zip', HINT);
  const found = open.entries.filter((e) => isHealthConnectEntry(e.fileName));
  if (found.length !== 1) {
    open.zip.close();
    throw new InputError(
      input.name,
      {},
      found.length === 0
        ? `this zip has no ${HEALTH_CONNECT_ENTRY}, so it is not a Health Connect export: ${describeZipListing(open.entries)}`
        : `this zip holds ${found.length} files named ${HEALTH_CONNECT_ENTRY}; cyclecheck cannot tell which to read`,
      HINT,
    );
  }
  const entry = found[0]!;
  const name = `${input.name} (${sanitizeInline(entry.fileName)})`;
  return { path: await copyToPrivateFile(await streamZipEntry(open, entry, name), dir), name };
}

function readDatabase(path: string, name: string): ImportResult {
  let db: SqliteFile;
  try {
    db = SqliteFile.open(path);
  } catch (error) {
    // Line 1, as for any other file whose first bytes are not what the format starts with.
    if (error instanceof SqliteFormatError) {
      throw new InputError(name, { line: 1 }, error.message, HINT);
    }
    throw new MissingInputError(`${name}: cannot read (${(error as Error).message})`);
  }
  try {
    return mapHealthConnectDatabase(db, name);
  } catch (error) {
    if (error instanceof SqliteFormatError) {
      throw new InputError(name, {}, `the database is damaged: ${error.message}`, HINT);
    }
    throw error;
  } finally {
    db.close();
  }
}

export async function readHealthConnectExport(input: InputFile): Promise<ImportResult> {
  const zipped = isZipHead(input.head);
  if (!zipped && input.path !== undefined) return readDatabase(input.path, input.name);
  const folder = makePrivateFolder();
  try {
    if (zipped) {
      const { path, name } = await readZipped(input, folder.dir);
      return readDatabase(path, name);
    }
    // Standard input: SQLite needs a file to seek in.
    const path = await copyToPrivateFile(input.stream(), folder.dir);
    return readDatabase(path, input.name);
  } finally {
    folder.remove();
  }
}

export const healthConnectImporter: Importer = {
  id: 'health-connect',
  label: 'Android Health Connect export (Health Connect.zip / health_connect_export.db)',
  read: readHealthConnectExport,
};
