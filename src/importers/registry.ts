/**
 * Every supported input format, detection, and the one entry point that turns a file into a
 * canonical log. Importers are loaded on demand so that a command only loads the one it needs.
 */
import { InputError } from '../errors.ts';
import type { InputFile } from '../io/input-file.ts';
import { sanitizeInline } from '../text/sanitize.ts';
import { detectFormat, sniffFormat } from './detect.ts';
import type { FormatId, Importer, ImportResult } from '../log/import-contract.ts';
import type { ReadOptions } from '../log/read-options.ts';

import { FORMAT_IDS } from '../log/format-ids.ts';

export { detectFormat } from './detect.ts';
export { FORMAT_IDS } from '../log/format-ids.ts';

export interface FormatInfo {
  id: FormatId;
  /** Short human name, e.g. "Clue". */
  label: string;
  /** Field tables not confirmed against real exports (Flo). */
  experimental: boolean;
  /** File names the app writes; shown in help and used only to break detection ties. */
  fileNames: readonly string[];
  load: () => Promise<Importer>;
}

export const FORMATS: readonly FormatInfo[] = [
  {
    id: 'csv',
    label: 'cyclecheck CSV log',
    experimental: false,
    fileNames: ['*.csv'],
    load: async () => (await import('../log/canonical-csv.ts')).csvImporter,
  },
  {
    id: 'json',
    label: 'cyclecheck JSON log',
    experimental: false,
    fileNames: ['*.json'],
    load: async () => (await import('../log/canonical-json.ts')).jsonImporter,
  },
  {
    id: 'apple-health',
    label: 'Apple Health',
    experimental: false,
    fileNames: ['export.zip', 'export.xml'],
    load: async () => (await import('./apple-health/index.ts')).appleHealthImporter,
  },
  {
    id: 'drip',
    label: 'drip',
    experimental: false,
    fileNames: ['drip-data.csv'],
    load: async () => (await import('./drip.ts')).dripImporter,
  },
  {
    id: 'clue',
    label: 'Clue',
    experimental: false,
    fileNames: ['measurements.json'],
    load: async () => (await import('./clue.ts')).clueImporter,
  },
  {
    id: 'mensinator',
    label: 'Mensinator',
    experimental: false,
    fileNames: ['mensinator_*.json'],
    load: async () => (await import('./mensinator.ts')).mensinatorImporter,
  },
  {
    id: 'periodical',
    label: 'Periodical',
    experimental: false,
    fileNames: ['Periodical-backup.json.gz', 'Periodical-backup.json'],
    load: async () => (await import('./periodical.ts')).periodicalImporter,
  },
  {
    id: 'flo',
    label: 'Flo',
    experimental: true,
    fileNames: ['*.json (sent by Flo support)'],
    load: async () => (await import('./flo.ts')).floImporter,
  },
  {
    id: 'health-connect',
    label: 'Health Connect',
    experimental: false,
    fileNames: ['Health Connect.zip', 'health_connect_export.db'],
    load: async () => (await import('./health-connect/index.ts')).healthConnectImporter,
  },
  {
    id: 'fitbit',
    label: 'Fitbit',
    experimental: false,
    fileNames: ['takeout-*.zip', 'Menstrual Health/menstrual_health_*.csv'],
    load: async () => (await import('./fitbit/index.ts')).fitbitImporter,
  },
  {
    id: 'clue-backup',
    label: 'Clue backup',
    experimental: false,
    fileNames: ['ClueBackup-*.cluedata'],
    load: async () => (await import('./clue-backup.ts')).clueBackupImporter,
  },
];

export function getFormat(id: FormatId): FormatInfo {
  const info = FORMATS.find((format) => format.id === id);
  if (!info) throw new Error(`unknown format id: ${id}`);
  return info;
}

export function isFormatId(text: string): text is FormatId {
  return (FORMAT_IDS as readonly string[]).includes(text);
}

/** One line listing what is supported, for errors and help. */
export function describeSupportedFormats(): string {
  return FORMATS.map(
    (format) => `${format.label} (${format.id}${format.experimental ? ', experimental' : ''})`,
  ).join(', ');
}

/**
 * Imports one file: the format given with `--from`, or the one its content shows. An
 * unrecognised file is an input error (exit 65) that lists the formats and suggests `--from`.
 */
export async function importFile(
  input: InputFile,
  from?: FormatId,
  reading?: ReadOptions,
): Promise<ImportResult> {
  if (from === undefined && input.head.length === 0) {
    throw new InputError(
      input.name,
      { line: 1 },
      'the file is empty',
      `A log needs at least a header line, such as date,bleeding,sex,notes; \`cyclecheck formats\` lists the app exports cyclecheck reads.`,
    );
  }
  const detected = from === undefined ? sniffFormat(input.head, input.name, input.path) : undefined;
  // `--column Datum=date` says the file is a spreadsheet log whose date column has another name.
  const mapsDate = reading?.columns?.some((c) => c.target === 'date') === true;
  const id = from ?? detected?.format ?? (mapsDate ? 'csv' : undefined);
  if (id === undefined && detected?.unsupported !== undefined) {
    throw new InputError(input.name, {}, sanitizeInline(detected.unsupported), detected.hint);
  }
  if (id === undefined) {
    throw new InputError(
      input.name,
      detected?.line !== undefined ? { line: detected.line } : {},
      // The reason may quote the file's first line or keys: keep the message one clean line.
      `not a log or export cyclecheck recognises: ${sanitizeInline(detected?.reason ?? 'unknown content')}`,
      detected?.hint ??
        `Supported: ${describeSupportedFormats()}. If the file is one of these, pass --from ` +
          `${FORMAT_IDS.join('|')}; \`cyclecheck formats\` says how to export from each app.`,
    );
  }
  const importer = await getFormat(id).load();
  const result = await importer.read(input, {
    forced: from !== undefined,
    ...(reading !== undefined ? { reading } : {}),
  });
  if ((reading?.columns?.length ?? 0) > 0 && id !== 'csv' && id !== 'json') {
    result.warnings.unshift({
      file: input.name,
      message: `--column applies to cyclecheck CSV and JSON logs; it is ignored for this ${getFormat(id).label} export`,
    });
  }
  if (from !== undefined) {
    const seen = detectFormat(input);
    if (seen !== undefined && seen !== from) {
      result.warnings.unshift({
        file: input.name,
        message: `read as ${getFormat(from).label} (--from ${from}), although the content looks like ${getFormat(seen).label}`,
      });
    }
  }
  return result;
}
