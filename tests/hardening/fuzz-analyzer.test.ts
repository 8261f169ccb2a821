/**
 * Random valid logs never crash the analyzer, the report builder or the renderers; the analyzer
 * never mutates its input; the same log gives the same report; and the order in which days
 * appear in a file (CSV rows, JSON array) does not change the report.
 *
 * The CSV/JSON round trip itself (formatCanonicalCsv → parseCanonicalCsv preserves the log) is
 * property-tested in tests/log/format-canonical.test.ts and not repeated here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeLog } from '../../src/core/analyze.ts';
import type { CycleLog } from '../../src/core/log.ts';
import { parseCanonicalCsv } from '../../src/log/canonical-csv.ts';
import { parseCanonicalJson } from '../../src/log/canonical-json.ts';
import { formatCanonicalCsv, formatCanonicalJson } from '../../src/log/format-canonical.ts';
import { buildReport } from '../../src/report/build-report.ts';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.ts';
import { analyzeAndRender } from './import-outcome.ts';
import { deepFreeze, validLogs } from './log-arbitraries.ts';

function reportJson(log: CycleLog, file = 'log.csv'): string {
  const report = buildReport(analyzeLog(log), {
    files: [file],
    formats: ['csv'],
    warnings: [],
    log,
  });
  return JSON.stringify(report);
}

/** The CSV text of `log` with its day rows in the order given by `order`. */
function csvInOrder(log: CycleLog, order: readonly number[]): string {
  const whole = formatCanonicalCsv({ profile: log.profile, days: [] });
  const rows = log.days.map((day) => {
    const text = formatCanonicalCsv({ profile: {}, days: [day] });
    return text.slice(text.indexOf('\n') + 1);
  });
  return whole + order.map((i) => rows[i]!).join('');
}

/** A log with a permutation of its day indexes. */
const logAndOrder = validLogs.chain((log) =>
  fc
    .shuffledSubarray(
      log.days.map((_, i) => i),
      { minLength: log.days.length, maxLength: log.days.length },
    )
    .map((order) => ({ log, order })),
);

describe('the analyzer on random valid logs', () => {
  it(
    'never throws, renders every format, and does not touch its input',
    () => {
      fc.assert(
        fc.property(validLogs, (log) => {
          const frozen = deepFreeze(structuredClone(log));
          analyzeAndRender('gen.csv', {
            log: frozen,
            format: 'csv',
            warnings: [],
            summary: [],
            gaps: [],
          });
          expect(frozen).toStrictEqual(log);
        }),
        fuzzParameters(150),
      );
    },
    fuzzTimeout(40_000),
  );

  it(
    'gives the same report for the same log',
    () => {
      fc.assert(
        fc.property(validLogs, (log) => {
          const first = analyzeLog(structuredClone(log));
          const second = analyzeLog(structuredClone(log));
          expect(second).toStrictEqual(first);
          expect(reportJson(structuredClone(log))).toBe(reportJson(log));
        }),
        fuzzParameters(100),
      );
    },
    fuzzTimeout(40_000),
  );

  it(
    'gives the same report whatever order the days appear in the file',
    () => {
      fc.assert(
        fc.property(logAndOrder, ({ log, order }) => {
          // The readers' own normal form of the log (key order…), read in date order.
          const inOrder = log.days.map((_, i) => i);
          const expected = reportJson(parseCanonicalCsv(csvInOrder(log, inOrder), 'log.csv').log);
          const fromCsv = parseCanonicalCsv(csvInOrder(log, order), 'log.csv').log;
          expect(reportJson(fromCsv)).toBe(expected);

          const document = JSON.parse(formatCanonicalJson(log)) as { days: unknown[] };
          document.days = order.map((i) => document.days[i]);
          const fromJson = parseCanonicalJson(JSON.stringify(document), 'log.json').log;
          expect(reportJson(fromJson)).toBe(expected);
        }),
        fuzzParameters(80),
      );
    },
    fuzzTimeout(40_000),
  );
});

describe('the generator', () => {
  it('makes logs with periods, flags and hostile notes', () => {
    const sample = fc.sample(validLogs, { numRuns: 120, seed: 1 });
    const flagged = sample.filter((log) => analyzeLog(log).findings.length > 0);
    const withPeriods = sample.filter((log) => analyzeLog(log).periods.length >= 3);
    expect(flagged.length).toBeGreaterThan(30);
    expect(withPeriods.length).toBeGreaterThan(20);
    const notes = sample.flatMap((log) => log.days.flatMap((d) => (d.notes ? [d.notes] : [])));
    expect(notes.some((n) => n.includes('\u001b'))).toBe(true);
    expect(sample.some((log) => log.profile.as_of !== undefined)).toBe(true);
  });
});
