/**
 * The format ids, in the order help, `formats` and error messages list them. Kept apart from the
 * registry so that CLI declarations can offer them as `--from` choices without loading anything.
 */
import type { FormatId } from './import-contract.ts';

export const FORMAT_IDS = [
  'csv',
  'json',
  'apple-health',
  'drip',
  'clue',
  'mensinator',
  'periodical',
  'flo',
  'health-connect',
  'fitbit',
  'clue-backup',
] as const satisfies readonly FormatId[];
