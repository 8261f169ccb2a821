/**
 * Detection of the exports that are containers (zips, SQLite files) or that cyclecheck knows but
 * cannot read yet (Samsung Health, Garmin, Withings, Natural Cycles). A known-but-unsupported
 * file gets a message saying what it is and what to do instead, never a guess such as "a
 * spreadsheet?" about a file that is not one.
 */
import type { FormatId } from '../log/import-contract.ts';

export interface Recognised {
  format?: FormatId;
  /** Set for a file cyclecheck recognises but cannot read: what it is. */
  unsupported?: string;
  /** Why nothing matched (for an unknown zip: what it contains). */
  reason?: string;
  hint?: string;
}

export const INSTEAD_HINT =
  'Instead: run `cyclecheck interview` to enter your periods and symptoms (a few minutes), or write them in a cyclecheck CSV (date,bleeding,sex,cramps,…; `cyclecheck formats` shows the columns).';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export function isSqliteHead(head: Buffer): boolean {
  return head.length >= 16 && head.toString('latin1', 0, 16) === SQLITE_MAGIC;
}

/** A SQLite file: Health Connect when its schema (in the first pages) names its tables. */
export function sniffSqlite(head: Buffer): Recognised {
  if (
    head.includes('application_info_table', 0, 'latin1') ||
    head.includes('_record_table', 0, 'latin1')
  ) {
    return { format: 'health-connect' };
  }
  return {
    reason: 'an SQLite database that is not a Health Connect export (no Health Connect tables)',
    hint: 'If it is the health_connect_export.db from Health Connect.zip, pass --from health-connect.',
  };
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

function unsupported(what: string, hint = INSTEAD_HINT): Recognised {
  return { unsupported: `${what}: cyclecheck cannot read it yet`, hint };
}

/** The format of a zip from its entry names (central directory, or the head's local headers). */
export function sniffZipNames(names: readonly string[], head?: Buffer): Recognised {
  const has = (test: (name: string) => boolean): boolean => names.some(test);
  const office = has((n) => n === '[Content_Types].xml') || !!head?.includes('[Content_Types].xml');
  if (has((n) => baseName(n) === 'health_connect_export.db')) return { format: 'health-connect' };
  if (has((n) => /(^|\/)menstrual_health_(cycles|symptoms)\.csv$/.test(n))) {
    return { format: 'fitbit' };
  }
  if (has((n) => n.startsWith('apple_health_export/') || baseName(n) === 'export.xml')) {
    return { format: 'apple-health' };
  }
  if (has((n) => baseName(n) === 'measurements.json')) return { format: 'clue' };
  if (has((n) => /\.cluedata$/i.test(n))) return { format: 'clue-backup' };
  if (has((n) => n.includes('DI_CONNECT/') || /_MenstrualCycles\.json$/.test(n))) {
    return unsupported('a Garmin Connect data export');
  }
  if (
    has((n) => /(^|\/)com\.samsung\.(s?health)\./.test(baseName(n)) || /samsunghealth/i.test(n))
  ) {
    return unsupported('a Samsung Health data download');
  }
  if (
    has((n) => baseName(n) === 'other.csv') &&
    has((n) => /^(weight|height|activities|bp|sleep|raw_.*)\.csv$/.test(baseName(n)))
  ) {
    return unsupported('a Withings Health Mate archive');
  }
  if (office) {
    return {
      reason: 'an Excel workbook or other Office document (.xlsx), not a CSV file',
      hint: 'Save it as CSV: File → Save As → CSV UTF-8 (comma delimited), then pass the .csv file.',
    };
  }
  if (has((n) => n === 'content.xml') && has((n) => n === 'mimetype')) {
    return {
      reason: 'an OpenDocument file (.ods), not a CSV file',
      hint: 'Save it as CSV: File → Save As → Text CSV (UTF-8), then pass the .csv file.',
    };
  }
  if (names.length === 0) {
    return { reason: 'a zip archive whose list of files cannot be read (damaged or truncated?)' };
  }
  const listed = names.slice(0, 8).join(', ');
  return {
    reason: `a zip archive that holds no export cyclecheck reads (it contains ${listed}${names.length > 8 ? ` and ${names.length - 8} more` : ''})`,
  };
}

/** Entry names visible in the local file headers at the start of a zip (stdin, or no directory). */
export function zipNamesFromHead(head: Buffer): string[] {
  const names: string[] = [];
  let at = 0;
  while (at + 30 <= head.length && head.readUInt32LE(at) === 0x04034b50) {
    const flags = head.readUInt16LE(at + 6);
    const size = head.readUInt32LE(at + 18);
    const nameLength = head.readUInt16LE(at + 26);
    const extra = head.readUInt16LE(at + 28);
    if (at + 30 + nameLength > head.length) break;
    names.push(head.toString('utf8', at + 30, at + 30 + nameLength));
    // With a data descriptor the size is not in the local header: the next entry cannot be found.
    if ((flags & 0x08) !== 0) break;
    at += 30 + nameLength + extra + size;
  }
  return names;
}

/** A text file's first line or JSON keys naming an export cyclecheck knows but cannot read. */
export function sniffUnsupportedText(
  firstLine: string,
  head: string,
  jsonKeys: readonly string[],
): Recognised | undefined {
  if (/^"?com\.samsung\.s?health\./.test(firstLine)) {
    return unsupported('a Samsung Health data file (com.samsung.health…)');
  }
  const cells = firstLine.toLowerCase().replaceAll('"', '').split(',');
  if (cells.join(',') === 'type,date,value' && /menstruation/i.test(head)) {
    return unsupported('the other.csv of a Withings Health Mate archive');
  }
  if (
    jsonKeys.includes('startDate') &&
    jsonKeys.some((k) => /^(predicted|actual)(Cycle|Period)Length$|^cycleType$/.test(k))
  ) {
    return unsupported('a Garmin Connect MenstrualCycles.json');
  }
  return undefined;
}

/** A PDF: a report, not data (Natural Cycles' Cycle Report is the usual one). */
export function sniffPdf(head: Buffer): Recognised | undefined {
  if (head.toString('latin1', 0, 5) !== '%PDF-') return undefined;
  if (head.includes('Natural Cycles', 0, 'latin1') || head.includes('NaturalCycles', 0, 'latin1')) {
    return {
      unsupported:
        'a Natural Cycles report (PDF): cyclecheck reads data exports, not reports, and Natural Cycles has no data export it can read',
      hint:
        'Natural Cycles can share your periods with Apple Health or Health Connect: export from there (`cyclecheck formats` says how). ' +
        INSTEAD_HINT,
    };
  }
  return {
    reason: 'a PDF document, not a data export',
    hint: 'cyclecheck reads the data an app exports (CSV, JSON, zip), not PDF reports. `cyclecheck formats` lists them.',
  };
}
