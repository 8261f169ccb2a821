import { describe, expect, test } from 'vitest';
import { analyzeLog } from '../../src/core/analyze.ts';
import type { Day } from '../../src/core/log.ts';
import { importText } from './helpers.ts';
import {
  encodeAppleXml,
  encodeCanonical,
  encodeClue,
  encodeDrip,
  encodeFlo,
  encodeMensinator,
  encodePeriodical,
  POSTCOITAL_SPOTTING,
  SEX_BEFORE_SPOTTING,
  sixMonths,
  toCanonicalLog,
  type Encoded,
} from './six-months.ts';

const model = sixMonths();
const encodings: [string, Encoded][] = [
  ...encodeCanonical(model).map((e): [string, Encoded] => [
    e.name.endsWith('csv') ? 'csv' : 'json',
    e,
  ]),
  ['apple-health', encodeAppleXml(model)],
  ['drip', encodeDrip(model)],
  ['clue', encodeClue(model)],
  ['mensinator', encodeMensinator(model)],
  ['periodical', encodePeriodical(model)],
  ['periodical', encodePeriodical(model, false)],
  ['flo', encodeFlo(model)],
];

/** The fields every format can carry; the period label only where the format labels each day. */
function project(days: Day[], withPeriod: boolean) {
  return days.map((d) => ({
    date: d.date,
    bleeding: d.bleeding ?? 'none',
    ...(withPeriod ? { period: d.period === true } : {}),
    sex: d.sex === true,
    cramps: d.cramps ?? 'none',
  }));
}

const expected = toCanonicalLog(model);
const reference = analyzeLog(expected);

describe('the same six months in every format', () => {
  test('the reference log has the periods and the postcoital flag the test relies on', () => {
    expect(reference.periods.map((p) => p.start)).toHaveLength(7);
    expect(reference.findings.map((f) => [f.rule, f.start, f.end])).toContainEqual([
      'postcoital-bleeding',
      SEX_BEFORE_SPOTTING,
      POSTCOITAL_SPOTTING,
    ]);
  });

  test.each(encodings.map(([format, encoded]) => [format, encoded.name, encoded] as const))(
    '%s (%s) gives the same days, periods and flags',
    async (format, _name, encoded) => {
      const result = await importText(encoded.name, encoded.bytes);
      expect(result.format).toBe(format);
      expect(project(result.log.days, encoded.labelsPeriodDays)).toEqual(
        project(expected.days, encoded.labelsPeriodDays),
      );

      const analysis = analyzeLog({ profile: {}, days: result.log.days });
      expect(analysis.periods).toEqual(reference.periods);
      expect(analysis.findings.map((f) => [f.rule, f.tier, f.start, f.end])).toEqual(
        reference.findings.map((f) => [f.rule, f.tier, f.start, f.end]),
      );
    },
  );
});
