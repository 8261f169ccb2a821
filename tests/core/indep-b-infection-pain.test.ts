/**
 * Mutation tests (issue 19) for src/core/rules/independent.ts, rules 34–36: infection-symptoms,
 * severe-pelvic-pain and persistent-pelvic-pain. Each case pins a finding whole — dates and every
 * fact (code, date, value) — so a dropped or altered fact, or a window moved by a day, shows.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/analysis.ts';
import type { RuleId } from '../../src/core/rules/ids.ts';
import {
  addDays,
  analyze,
  describeFindings,
  findingsOf,
  quietLog,
  type LogBuilder,
} from './log-builder.ts';

/** No periods: Jan 1 .. Mar 31 2025, E = Mar 31. */
const quiet = () => quietLog('2025-01-01', '2025-03-31');
const E = '2025-03-31';

/** A finding without the catalogue parts (checklist, sources) that these rules do not vary. */
function view(f: Finding) {
  return { tier: f.tier, start: f.start, end: f.end, facts: f.facts };
}

/** What a case expects: facts as plain objects (codes checked by value). */
interface FlagView {
  rule?: RuleId;
  tier: string;
  start: string;
  end: string;
  facts: object[];
}

/** Every finding of `rule` for `input`, as `view`s. */
function flagsOf(input: LogBuilder, rule: RuleId) {
  const result = analyze(input);
  return { result, flags: findingsOf(result, rule).map(view) };
}

interface FlagCase {
  name: string;
  log: LogBuilder;
  expected: FlagView[];
}

function flagCases(rule: RuleId, cases: FlagCase[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { result, flags } = flagsOf(c.log, rule);
    expect(flags, describeFindings(result)).toEqual(c.expected);
  });
}

describe('rule 34 infection-symptoms: one fact per symptom on each qualifying day', () => {
  flagCases('infection-symptoms', [
    {
      // Each day has exactly one symptom, so a fact appearing on the wrong day, or a day's
      // symptom not reported, changes the list. Days 4 apart qualify each other (≤ 6).
      name: 'discharge, odour and painful urination on three days 4 apart → one flag, one fact each',
      log: quiet()
        .on('2025-03-01', { discharge: 'unusual' })
        .on('2025-03-05', { odor: true, discharge: 'normal' })
        .on('2025-03-09', { painful_urination: true, odor: false }),
      expected: [
        {
          tier: 'soon',
          start: '2025-03-01',
          end: '2025-03-09',
          facts: [
            { code: 'unusual-discharge', date: '2025-03-01' },
            { code: 'odor', date: '2025-03-05' },
            { code: 'painful-urination', date: '2025-03-09' },
          ],
        },
      ],
    },
    {
      name: 'all three symptoms on each of two days → three facts per day, in a fixed order',
      log: quiet()
        .on('2025-03-01', { discharge: 'unusual', odor: true, painful_urination: true })
        .on('2025-03-07', { discharge: 'unusual', odor: true, painful_urination: true }),
      expected: [
        {
          tier: 'soon',
          start: '2025-03-01',
          end: '2025-03-07',
          facts: [
            { code: 'unusual-discharge', date: '2025-03-01' },
            { code: 'odor', date: '2025-03-01' },
            { code: 'painful-urination', date: '2025-03-01' },
            { code: 'unusual-discharge', date: '2025-03-07' },
            { code: 'odor', date: '2025-03-07' },
            { code: 'painful-urination', date: '2025-03-07' },
          ],
        },
      ],
    },
    {
      // The ±2-day look for pain or bleeding runs before the first logged day: no entry there
      // is "no pain", not an error.
      name: 'a single symptom on the first logged day, nothing around it → nothing',
      log: quiet().on('2025-01-01', { odor: true }),
      expected: [],
    },
    {
      name: 'a single symptom on E, nothing around it → nothing (the days after E are unknown)',
      log: quiet().on(E, { painful_urination: true }),
      expected: [],
    },
    {
      name: 'a single symptom on the first logged day with pelvic pain 2 days later → flagged',
      log: quiet().on('2025-01-01', { odor: true }).on('2025-01-03', { pelvic_pain: 'mild' }),
      expected: [
        {
          tier: 'soon',
          start: '2025-01-01',
          end: '2025-01-01',
          facts: [{ code: 'odor', date: '2025-01-01' }],
        },
      ],
    },
  ]);
});

describe('rule 35 severe-pelvic-pain: a pain-level fact for every day, in words', () => {
  flagCases('severe-pelvic-pain', [
    {
      name: 'severe pelvic pain, then severe cramps with mild pelvic pain → both days, both words',
      log: quiet()
        .on('2025-03-01', { pelvic_pain: 'severe' })
        .on('2025-03-02', { cramps: 'severe', pelvic_pain: 'mild' }),
      expected: [
        {
          tier: 'urgent',
          start: '2025-03-01',
          end: '2025-03-02',
          facts: [
            { code: 'pain-level', date: '2025-03-01', value: 'pelvic pain severe' },
            { code: 'pain-level', date: '2025-03-02', value: 'cramps severe, pelvic pain mild' },
          ],
        },
      ],
    },
  ]);
});

describe('rule 36 persistent-pelvic-pain: the 30-day window, its dates and the age fact', () => {
  const mild = { pelvic_pain: 'mild' } as const;
  /** Pelvic pain on the 13 days E−12 .. E: only the window that ends on E holds 13. */
  const lastThirteen = () => quiet().each(addDays(E, -12), E, mild);
  /** The fact for 13 pain days in the window Mar 2 .. Mar 31 (= E). */
  const windowToE = { code: 'pain-days-in-30', date: '2025-03-02', value: 13, other: E };

  flagCases('persistent-pelvic-pain', [
    {
      // The window must reach E itself: without E and E−1 only 11 pain days remain.
      name: '13 pain days ending on E → flagged; the window is E−29 .. E',
      log: lastThirteen(),
      expected: [{ tier: 'soon', start: '2025-03-19', end: E, facts: [windowToE] }],
    },
    {
      name: '12 pain days ending on E → nothing',
      log: quiet().each(addDays(E, -11), E, mild),
      expected: [],
    },
    {
      // The first window with the most pain days is reported: Jan 17 .. Feb 15 holds all 15
      // (so do the windows up to Feb 1 .. Mar 2; later ones hold fewer, down to 13 at Feb 3).
      // The pain day on Mar 20 lies after that window: the finding still ends on Feb 15.
      name: '15 pain days Feb 1..15 and one on Mar 20 → the first 15-day window, ends Feb 15',
      log: quiet().each('2025-02-01', '2025-02-15', mild).on('2025-03-20', mild),
      expected: [
        {
          tier: 'soon',
          start: '2025-02-01',
          end: '2025-02-15',
          facts: [{ code: 'pain-days-in-30', date: '2025-01-17', value: 15, other: '2025-02-15' }],
        },
      ],
    },
    {
      // The window Jan 1 .. Jan 30 ends on a day without an entry: the finding ends on the
      // last pain day in it, Jan 13.
      name: 'pain Jan 1..13 from the log start, no entry on Jan 30 → ends Jan 13, not Jan 30',
      log: quiet().each('2025-01-01', '2025-01-13', mild).noEntry('2025-01-30'),
      expected: [
        {
          tier: 'soon',
          start: '2025-01-01',
          end: '2025-01-13',
          facts: [{ code: 'pain-days-in-30', date: '2025-01-01', value: 13, other: '2025-01-30' }],
        },
      ],
    },
    {
      // Jan 1..30 and Jan 2..31 hold 12 pain days; Jan 3 .. Feb 1 is the first with 13 and
      // starts on a day without an entry: the finding starts on the first pain day, Jan 4.
      name: 'the best window starts on a day without an entry → starts on its first pain day',
      log: quiet()
        .each('2025-01-04', '2025-01-15', mild)
        .on('2025-02-01', mild)
        .noEntry('2025-01-03'),
      expected: [
        {
          tier: 'soon',
          start: '2025-01-04',
          end: '2025-02-01',
          facts: [{ code: 'pain-days-in-30', date: '2025-01-03', value: 13, other: '2025-02-01' }],
        },
      ],
    },
    {
      name: 'age 50 on E → the age-50 concern is a fact',
      log: lastThirteen().age(50),
      expected: [
        {
          tier: 'soon',
          start: '2025-03-19',
          end: E,
          facts: [windowToE, { code: 'age-50-concern', value: 50 }],
        },
      ],
    },
    {
      name: 'age 49 on E → no age fact',
      log: lastThirteen().age(49),
      expected: [{ tier: 'soon', start: '2025-03-19', end: E, facts: [windowToE] }],
    },
    {
      name: 'no age in the profile → no age fact',
      log: lastThirteen().profile({ age: undefined }),
      expected: [{ tier: 'soon', start: '2025-03-19', end: E, facts: [windowToE] }],
    },
  ]);
});

describe('rule 36 with an evaluation date before the log starts', () => {
  // Pelvic pain every day Feb 1..20; the evaluation date decides what is looked at. Before Feb 1
  // the timeline ends the day before the first entry: there is nothing to count, and no error.
  const painFromFeb = () =>
    quietLog('2025-02-01', '2025-03-31').each('2025-02-01', '2025-02-20', { pelvic_pain: 'mild' });
  it.each([
    ['2025-01-01', []],
    ['2025-01-31', []],
    ['2025-02-13', [{ start: '2025-02-01', end: '2025-02-13' }]],
  ] as const)('as of %s → %j', (asOf, expected) => {
    const result = analyze(painFromFeb(), { asOf });
    const found = findingsOf(result, 'persistent-pelvic-pain').map((f) => ({
      start: f.start,
      end: f.end,
    }));
    expect(found).toEqual(expected);
  });
});
