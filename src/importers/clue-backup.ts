/**
 * Clue's legacy in-app backup, `ClueBackup-YYYY-MM-DD.cluedata`: one JSON
 * object whose `data` array holds a day per element, `{"day": "2021-01-01T00:00:00Z", "period":
 * "light"}`. The day is a calendar date written as UTC midnight: its first ten characters are
 * the date, never shifted by the backup's time zone. Unlike `measurements.json`, spotting is a
 * `period` value. Other keys are not documented publicly: they are counted and warned about.
 */
import type { Bleeding } from '../core/log.ts';
import type { InputFile } from '../io/input-file.ts';
import { describeBadDate, parseLocalDate } from './common/dates.ts';
import { DayBuilder } from './common/day-builder.ts';
import { personGaps } from '../log/profile-gaps.ts';
import { isObject, readJsonDocument, scalarText } from './common/json-input.ts';
import { ownValue } from './common/own-value.ts';
import { ImportTally } from './common/tally.ts';
import type { Importer, ImportResult } from '../log/import-contract.ts';

const HINT =
  'A Clue backup (Settings → Backup, in older Clue versions) is a .cluedata file: a JSON object like {"data": [{"day": "2021-01-01T00:00:00Z", "period": "light"}], "version": 6}.';

const PERIOD: Record<string, Bleeding> = {
  spotting: 'spotting',
  light: 'light',
  medium: 'medium',
  heavy: 'heavy',
};

/** Keys whose meaning is not the person's data (the day itself, bookkeeping). */
const QUIET_KEYS = new Set(['day', 'period', 'id', 'created_at', 'updated_at']);

export async function readClueBackup(input: InputFile): Promise<ImportResult> {
  const file = input.name;
  const doc = await readJsonDocument(input, HINT);
  const root = doc.root;
  if (!isObject(root)) throw doc.error('$', 'expected a JSON object with a "data" array');
  const data = root.data;
  if (!Array.isArray(data)) {
    throw doc.error('$.data', 'expected an array of days', root, 'data');
  }
  const days = new DayBuilder();
  const tally = new ImportTally();
  data.forEach((entry: unknown, index) => {
    const path = `$.data[${index}]`;
    if (!isObject(entry)) throw doc.error(path, 'expected a day object', data, index);
    const date = parseLocalDate(entry.day);
    if (date === undefined) {
      throw doc.error(`${path}.day`, describeBadDate(scalarText(entry.day)), entry, 'day');
    }
    const line = doc.lineOf(data, index);
    days.entry(date);
    if (entry.period !== undefined && entry.period !== null) {
      const option = typeof entry.period === 'string' ? entry.period.trim().toLowerCase() : '';
      const level = ownValue(PERIOD, option);
      if (level === undefined) {
        // Still a bleeding day: take the lowest flow rather than lose it.
        tally.unknown('period value', scalarText(entry.period) ?? '(not text)', line);
        days.bleeding(date, 'light');
        days.flag(date, 'period');
      } else {
        days.bleeding(date, level);
        if (level !== 'spotting') days.flag(date, 'period');
        tally.mapped(level === 'spotting' ? 'period: spotting' : 'period', `bleeding: ${level}`);
      }
    }
    for (const key of Object.keys(entry)) {
      if (!QUIET_KEYS.has(key)) tally.unknown('Clue backup key', key, line);
    }
  });
  if (days.size === 0) {
    // An empty backup must never read as "no flags".
    throw doc.error('$.data', 'the backup holds no days', root, 'data');
  }
  return {
    log: { profile: {}, days: days.build() },
    format: 'clue-backup',
    warnings: tally.warnings(file),
    summary: tally.summary(),
    gaps: personGaps('Clue'),
  };
}

export const clueBackupImporter: Importer = {
  id: 'clue-backup',
  label: 'Clue backup (.cluedata)',
  read: readClueBackup,
};
