/**
 * `cyclecheck convert FILE`: any supported format → the canonical log (CSV or JSON) on stdout or
 * in a file, so that a person can edit, annotate and re-analyze it. The import summary goes to
 * stderr; profile options given here are written into the log.
 */
import { extname } from 'node:path';
import type { CycleLog } from '../core/log.ts';
import type { ProfileOptions, ReadingCliOptions } from './options.ts';
import { readReadingOptions } from './reading-options.ts';
import { readProfileOverrides } from './profile-overrides.ts';
import { EXIT } from '../errors.ts';
import type { FormatId } from '../log/import-contract.ts';
import { openInputFile } from '../io/input-file.ts';
import { writeOutputFile } from '../io/write-output.ts';
import { formatCanonicalCsv, formatCanonicalJson } from '../log/format-canonical.ts';
import { mergeProfiles } from '../log/profile.ts';
import { sanitizeInline } from '../text/sanitize.ts';

export const CONVERT_TARGETS = ['csv', 'json'] as const;
export type ConvertTarget = (typeof CONVERT_TARGETS)[number];

export interface ConvertOptions extends ProfileOptions, ReadingCliOptions {
  from?: FormatId;
  to?: ConvertTarget;
  output?: string;
  force?: boolean;
}

/** `--to`, else the output file's extension, else CSV. */
export function getConvertTarget(options: Pick<ConvertOptions, 'to' | 'output'>): ConvertTarget {
  if (options.to !== undefined) return options.to;
  const ext = options.output === undefined ? '' : extname(options.output).toLowerCase();
  return ext === '.json' ? 'json' : 'csv';
}

export function formatCanonicalLog(log: CycleLog, target: ConvertTarget): string {
  return target === 'json' ? formatCanonicalJson(log) : formatCanonicalCsv(log);
}

function say(line: string): void {
  process.stderr.write(`cyclecheck: ${line}\n`);
}

export async function runConvert(file: string, options: ConvertOptions): Promise<number> {
  const target = getConvertTarget(options);
  const overrides = await readProfileOverrides(options);

  const [{ importFile }, { dropAnsweredGaps }, { formatImportSummary, formatWarning }] =
    await Promise.all([
      import('../importers/registry.ts'),
      import('../pipeline/merge-logs.ts'),
      import('../importers/format-summary.ts'),
    ]);
  const input = await openInputFile(file);
  const result = await importFile(input, options.from, readReadingOptions(options));
  const log: CycleLog = {
    profile: mergeProfiles(result.log.profile, overrides),
    days: result.log.days,
  };

  say(formatImportSummary(result, input.name));
  for (const warning of result.warnings) say(formatWarning(warning));
  // Only what the command line adds answers a question; the export's own guesses do not.
  for (const gap of dropAnsweredGaps(result.gaps, overrides, log.profile)) {
    say(`to add: ${sanitizeInline(gap.message)}`);
  }

  const content = formatCanonicalLog(log, target);
  if (options.output === undefined || options.output === '-') {
    process.stdout.write(content);
  } else {
    await writeOutputFile(options.output, content, { force: options.force === true });
    say(
      `wrote ${sanitizeInline(options.output)} (cyclecheck ${target.toUpperCase()} log, ${log.days.length} days)`,
    );
  }
  return EXIT.ok;
}
