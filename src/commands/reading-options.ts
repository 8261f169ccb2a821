/**
 * `--column` and `--date-format` as typed → the reading options the CSV and JSON readers take.
 * Parsed here, when a command runs, so that `--help` never loads the log readers.
 */
import type { ReadingCliOptions } from './options.ts';
import { UsageError } from '../errors.ts';
import { parseColumnMapping } from '../log/column-names.ts';
import type { ReadOptions } from '../log/read-options.ts';

export function readReadingOptions(options: ReadingCliOptions): ReadOptions {
  const reading: ReadOptions = {};
  if (options.column !== undefined) {
    reading.columns = options.column.map((text) => {
      try {
        return parseColumnMapping(text);
      } catch (error) {
        throw new UsageError(`option '--column ${text}' is invalid: ${(error as Error).message}`);
      }
    });
  }
  if (options.dateFormat !== undefined) reading.dateFormat = options.dateFormat;
  return reading;
}
