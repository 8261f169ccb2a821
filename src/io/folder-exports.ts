/**
 * An export given as its unzipped folder: the one file in it that says what it is. Fitbit's
 * Menstrual Health folder (or any folder above it, such as Takeout/), Samsung Health's CSV
 * folder, Garmin's DI_CONNECT tree and Apple's apple_health_export. The search is shallow and
 * bounded, so a folder of photos is not walked.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const MAX_DEPTH = 4;
const MAX_ENTRIES = 5000;

/**
 * Paths (relative to the folder given, `/`-separated) that identify one export, best first
 * within each. A folder holding more than one kind (a folder of logs and exports) is not guessed
 * at: it stays "a directory", for `cyclecheck batch`.
 */
const MARKERS: readonly { kind: string; test: RegExp }[] = [
  { kind: 'fitbit', test: /(^|\/)Menstrual Health\/menstrual_health_symptoms\.csv$/ },
  { kind: 'fitbit', test: /(^|\/)Menstrual Health\/menstrual_health_cycles\.csv$/ },
  { kind: 'fitbit', test: /^menstrual_health_symptoms\.csv$/ },
  { kind: 'fitbit', test: /^menstrual_health_cycles\.csv$/ },
  { kind: 'apple', test: /(^|\/)apple_health_export\/export\.xml$/ },
  { kind: 'garmin', test: /(^|\/)DI_CONNECT\/.*_MenstrualCycles\.json$/ },
  { kind: 'samsung', test: /(^|\/)com\.samsung\.s?health\.[^/]*\.csv$/ },
];

/** The path of the file that identifies the export in `folder`, or undefined. */
export function findExportInFolder(folder: string): string | undefined {
  // Apple's folder itself: its marker path names the folder, so the walk below cannot see it.
  const appleXml = join(folder, 'export.xml');
  if (basename(folder) === 'apple_health_export' && existsSync(appleXml)) return appleXml;
  const found: { rank: number; kind: string; path: string }[] = [];
  let seen = 0;
  const walk = (dir: string, relative: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (++seen > MAX_ENTRIES) return;
      const path = join(dir, entry.name);
      const inside = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isFile()) {
        const rank = MARKERS.findIndex((marker) => marker.test.test(inside));
        if (rank !== -1) found.push({ rank, kind: MARKERS[rank]!.kind, path });
      } else if (entry.isDirectory() && depth < MAX_DEPTH) walk(path, inside, depth + 1);
    }
  };
  walk(folder, '', 0);
  if (new Set(found.map((f) => f.kind)).size !== 1) return undefined;
  // Two exports of one kind (two people's Fitbit folders) are not guessed at either.
  if (new Set(found.map((f) => dirname(f.path))).size !== 1) return undefined;
  found.sort((a, b) => a.rank - b.rank);
  return found[0]!.path;
}

/**
 * The files of a folder that make it one app export, or undefined when it is not one: Fitbit's
 * Menstrual Health CSVs (one person's), or everything in Apple's apple_health_export (all of it
 * Apple's). `cyclecheck batch` takes such a folder as one log, as `analyze` does, instead of
 * counting each CSV as a person, and still walks whatever else lies beside Fitbit's files.
 */
export function findExportFiles(folder: string, names: readonly string[]): string[] | undefined {
  if (basename(folder) === 'apple_health_export' && names.includes('export.xml')) return [...names];
  const fitbit = names.filter((name) => /^menstrual_health_[a-z_]+\.csv$/.test(name));
  const marked = fitbit.some((name) => /^menstrual_health_(symptoms|cycles)\.csv$/.test(name));
  return marked ? fitbit : undefined;
}
