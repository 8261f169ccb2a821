/**
 * Finds Fitbit's Menstrual Health CSV files: inside a Google Takeout (or Fitbit account archive)
 * zip, where only these few small entries are inflated and the gigabytes of other products are
 * never read; or beside the one CSV file given (the extracted folder).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../errors.ts';
import type { InputFile } from '../../io/input-file.ts';
import { sanitizeInline } from '../../text/sanitize.ts';
import { isZipHead } from '../apple-health/detect.ts';
import { decodeUtf8 } from '../common/text.ts';
import { describeZipListing, listZipEntries, readZipEntry } from '../common/zip.ts';

export const FITBIT_FILES = {
  cycles: 'menstrual_health_cycles.csv',
  symptoms: 'menstrual_health_symptoms.csv',
  birthControl: 'menstrual_health_birth_control.csv',
} as const;

export type FitbitFileKey = keyof typeof FITBIT_FILES;

export interface FitbitText {
  /** How messages name the file: the path, or `zip (entry)`. */
  name: string;
  text: string;
}

export type FitbitTexts = Partial<Record<FitbitFileKey, FitbitText>>;

export const FITBIT_HINT =
  'Google Takeout (takeout.google.com → Fitbit) holds Takeout/Fitbit/Menstrual Health/ with menstrual_health_cycles.csv and menstrual_health_symptoms.csv; give cyclecheck the zip, that folder, or one of those files.';

/** Each of these CSVs is a few hundred KB at most; a larger one is not Fitbit's. */
const MAX_CSV_BYTES = 64 * 1024 * 1024;

const keyOf = (fileName: string): FitbitFileKey | undefined =>
  (Object.keys(FITBIT_FILES) as FitbitFileKey[]).find(
    (key) => basename(fileName) === FITBIT_FILES[key],
  );

export async function readFitbitTexts(input: InputFile): Promise<FitbitTexts> {
  if (isZipHead(input.head)) return await readFromZip(input);
  const texts: FitbitTexts = {};
  const given = keyOf(input.name) ?? guessKey(input.head);
  // The settings file says nothing cyclecheck reads: it only points at the folder.
  if (given !== 'settings') {
    const text = decodeUtf8(await input.readAll(), input.name, FITBIT_HINT);
    texts[given] = { name: input.name, text };
  }
  if (input.path !== undefined) {
    const folder = dirname(input.path);
    for (const key of Object.keys(FITBIT_FILES) as FitbitFileKey[]) {
      if (texts[key] !== undefined) continue;
      const path = join(folder, FITBIT_FILES[key]);
      const bytes = readSibling(path);
      if (bytes !== undefined)
        texts[key] = { name: path, text: decodeUtf8(bytes, path, FITBIT_HINT) };
    }
  }
  return texts;
}

/** Which of the files this is, from its header (a file renamed by the person still reads). */
function guessKey(head: Buffer): FitbitFileKey | 'settings' {
  const text = head
    .toString('utf8', 0, 200)
    .replace(/^\uFEFF/, '')
    .replaceAll('"', '');
  if (text.startsWith('timestamp,')) return 'symptoms';
  if (text.startsWith('birth_control_type,')) return 'birthControl';
  if (text.startsWith('pregnancy_history,')) return 'settings';
  return 'cycles';
}

function readSibling(path: string): Buffer | undefined {
  try {
    const info = statSync(path);
    if (!info.isFile()) return undefined;
    if (info.size > MAX_CSV_BYTES) {
      throw new InputError(
        path,
        {},
        `too large for a Fitbit Menstrual Health file (${info.size} bytes)`,
      );
    }
    return readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    return undefined;
  }
}

async function readFromZip(input: InputFile): Promise<FitbitTexts> {
  const open = await listZipEntries(input, 'a Google Takeout or Fitbit zip', FITBIT_HINT);
  // The first Menstrual Health folder that has the files; Takeout has exactly one.
  const folders = new Map<string, Map<FitbitFileKey, (typeof open.entries)[number]>>();
  for (const entry of open.entries) {
    const key = keyOf(entry.fileName);
    if (key === undefined) continue;
    const folder = dirname(entry.fileName);
    if (!folders.has(folder)) folders.set(folder, new Map());
    folders.get(folder)!.set(key, entry);
  }
  const chosen = [...folders.values()][0];
  if (chosen === undefined) {
    open.zip.close();
    throw new InputError(
      input.name,
      {},
      `this zip has no Fitbit "Menstrual Health" folder: ${describeZipListing(open.entries)}`,
      'A large Takeout is split into several zips (takeout-…-001.zip, -002.zip…): try the others. ' +
        FITBIT_HINT,
    );
  }
  const texts: FitbitTexts = {};
  try {
    for (const [key, entry] of chosen) {
      const name = `${input.name} (${sanitizeInline(entry.fileName)})`;
      const bytes = await readZipEntry(open, entry, name, MAX_CSV_BYTES);
      texts[key] = { name, text: decodeUtf8(bytes, name, FITBIT_HINT) };
    }
  } finally {
    open.zip.close();
  }
  return texts;
}
