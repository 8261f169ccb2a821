/**
 * Mutation tests for src/core/rules/independent.ts (lines 1–162): the facts and the grouping of
 * rule 25 acute-heavy-bleeding, rule 37 non-vaginal-bleeding-source and rule 5
 * pregnancy-with-iud. Each case pins what the finding tells the doctor (dates, values), not only
 * that the rule fired.
 */
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/core/facts.ts';
import {
  analyze,
  findingsOf,
  log,
  quietLog,
  regularCycles,
  type LogBuilder,
} from './log-builder.ts';
import type { RuleId } from '../../src/core/rules/ids.ts';

/** Starts Jan 1, Jan 29, Feb 26 (5-day periods), logged through Mar 25. */
const base = () => regularCycles({ from: '2025-01-01', count: 3 });

/** Each finding of `rule` as [start, end, tier, facts]. */
function summary(input: LogBuilder, rule: RuleId): [string, string, string, Fact[]][] {
  return findingsOf(analyze(input), rule).map((f) => [f.start, f.end, f.tier, f.facts]);
}

describe('rule 25 acute-heavy-bleeding: one flag per episode, with the day of each sign', () => {
  it.each<[string, LogBuilder, [string, string, string, Fact[]][]]>([
    [
      'soaking on day 1 and dizzy on day 3 of a period (2 days apart) → one flag naming both days',
      base().on('2025-02-26', { soaking: true }).on('2025-02-28', { dizzy: true }),
      [
        [
          '2025-02-26',
          '2025-02-28',
          'urgent',
          [
            { code: 'soaking', date: '2025-02-26' },
            { code: 'dizzy-while-bleeding', date: '2025-02-28' },
          ],
        ],
      ],
    ],
    [
      'soaking on day 1 and dizzy on day 4 (3 days apart) → two flags (gap 2 is the limit)',
      base().on('2025-02-26', { soaking: true }).on('2025-03-01', { dizzy: true }),
      [
        ['2025-02-26', '2025-02-26', 'urgent', [{ code: 'soaking', date: '2025-02-26' }]],
        [
          '2025-03-01',
          '2025-03-01',
          'urgent',
          [{ code: 'dizzy-while-bleeding', date: '2025-03-01' }],
        ],
      ],
    ],
    [
      'soaking and dizzy on the same day → both facts, soaking first',
      base().on('2025-02-27', { soaking: true, dizzy: true }),
      [
        [
          '2025-02-27',
          '2025-02-27',
          'urgent',
          [
            { code: 'soaking', date: '2025-02-27' },
            { code: 'dizzy-while-bleeding', date: '2025-02-27' },
          ],
        ],
      ],
    ],
    [
      'dizzy without bleeding next to a soaking day is no sign: only the soaking day is named',
      base().on('2025-03-02', { soaking: true }).on('2025-03-03', { dizzy: true }),
      [['2025-03-02', '2025-03-02', 'urgent', [{ code: 'soaking', date: '2025-03-02' }]]],
    ],
  ])('%s', (_name, input, expected) => {
    expect(summary(input, 'acute-heavy-bleeding')).toEqual(expected);
  });
});

describe('rule 37 non-vaginal-bleeding-source: which days count, and the facts', () => {
  it.each<[string, LogBuilder, [string, string, string, Fact[]][]]>([
    [
      'urinary source marked on a day logged "none" → no blood, no flag',
      base().on('2025-02-18', { bleeding: 'none', bleeding_source: 'urinary' }),
      [],
    ],
    [
      'urinary source on a day without a bleeding value → no blood, no flag',
      base().on('2025-02-18', { bleeding: undefined, bleeding_source: 'urinary' }),
      [],
    ],
    [
      'urinary blood on two days 2 apart → one flag, one blood-source fact per day with amount',
      base()
        .on('2025-02-16', { bleeding: 'spotting', bleeding_source: 'urinary' })
        .on('2025-02-18', { bleeding: 'light', bleeding_source: 'urinary' }),
      [
        [
          '2025-02-16',
          '2025-02-18',
          'soon',
          [
            { code: 'blood-source', date: '2025-02-16', value: 'urinary', other: 'spotting' },
            { code: 'blood-source', date: '2025-02-18', value: 'urinary', other: 'light' },
          ],
        ],
      ],
    ],
    [
      '↑ urinary blood with fever the day after → urgent, with the fever day named',
      base()
        .on('2025-02-18', { bleeding: 'medium', bleeding_source: 'urinary' })
        .on('2025-02-19', { fever: true }),
      [
        [
          '2025-02-18',
          '2025-02-18',
          'urgent',
          [
            { code: 'blood-source', date: '2025-02-18', value: 'urinary', other: 'medium' },
            { code: 'escalated-urinary-fever', date: '2025-02-19' },
          ],
        ],
      ],
    ],
    [
      'rectal blood on a fever day → soon, no escalation fact (only urinary escalates)',
      base().on('2025-02-18', { bleeding: 'heavy', bleeding_source: 'rectal', fever: true }),
      [
        [
          '2025-02-18',
          '2025-02-18',
          'soon',
          [{ code: 'blood-source', date: '2025-02-18', value: 'rectal', other: 'heavy' }],
        ],
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(summary(input, 'non-vaginal-bleeding-source')).toEqual(expected);
  });
});

describe('rule 5 pregnancy-with-iud: the interval and the facts', () => {
  /** Pregnant from Feb 1 (week 8 on Mar 29); logged Mar 1 .. Apr 10. */
  const early = () =>
    quietLog('2025-03-01', '2025-04-10').pregnancy({
      start: '2025-02-01',
      week: 8,
      week_on: '2025-03-29',
    });
  it.each<[string, LogBuilder, [string, string, string, Fact[]][]]>([
    [
      'an IUD of unknown type ("iud") counts as an IUD; in place since before the log → no date',
      early().contraception('iud'),
      [
        [
          '2025-02-01',
          '2025-04-10',
          'urgent',
          [
            { code: 'iud-in-place', value: 'iud' },
            { code: 'pregnant-from', date: '2025-02-01' },
          ],
        ],
      ],
    ],
    [
      'copper IUD inserted before the pregnancy → from the pregnancy start, with the insertion date',
      early().contraception('copper-iud', '2024-06-01'),
      [
        [
          '2025-02-01',
          '2025-04-10',
          'urgent',
          [
            { code: 'iud-in-place', value: 'copper-iud', date: '2024-06-01' },
            { code: 'pregnant-from', date: '2025-02-01' },
          ],
        ],
      ],
    ],
    [
      'IUD inserted after the pregnancy began and removed before the last day → the overlap only',
      early().contraception('hormonal-iud', '2025-02-10', '2025-03-20'),
      [
        [
          '2025-02-10',
          '2025-03-20',
          'urgent',
          [
            { code: 'iud-in-place', value: 'hormonal-iud', date: '2025-02-10' },
            { code: 'pregnant-from', date: '2025-02-01' },
          ],
        ],
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(summary(input, 'pregnancy-with-iud')).toEqual(expected);
  });

  it('an "iud" removed before the pregnancy → no flag', () => {
    expect(
      summary(early().contraception('iud', '2024-06-01', '2025-01-15'), 'pregnancy-with-iud'),
    ).toEqual([]);
  });

  it('an "iud" without any pregnancy → no flag', () => {
    expect(
      summary(log().none('2025-03-01', '2025-03-10').contraception('iud'), 'pregnancy-with-iud'),
    ).toEqual([]);
  });
});
