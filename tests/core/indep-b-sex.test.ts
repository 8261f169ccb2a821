/**
 * Mutation tests (issue 19) for src/core/rules/independent.ts, rules 11–12 (pain after sex,
 * postcoital-cramping and its red-flag form) and rule 32 (painful-sex-recurrent). Each case pins
 * the findings whole: rule, tier, dates and every fact (code, date, value), and what was not
 * flagged and why.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/analysis.ts';
import type { RuleId } from '../../src/core/rules/ids.ts';
import {
  analyze,
  describeFindings,
  findingsOf,
  quietLog,
  regularCycles,
  type LogBuilder,
  type Result,
} from './log-builder.ts';

/** No periods: Jan 1 .. Mar 31 2025, E = Mar 31. */
const quiet = () => quietLog('2025-01-01', '2025-03-31');
const E = '2025-03-31';

function view(f: Finding) {
  return { rule: f.rule, tier: f.tier, start: f.start, end: f.end, facts: f.facts };
}

/** What a case expects: facts as plain objects (codes checked by value). */
interface FlagView {
  rule?: RuleId;
  tier: string;
  start: string;
  end: string;
  facts: object[];
}

/** The findings of the given rules, by start date (the report orders them by tier first). */
function flagsOf(result: Result, rules: RuleId[]) {
  return result.findings
    .filter((f) => rules.includes(f.rule))
    .map(view)
    .sort((a, b) => a.start.localeCompare(b.start));
}

/** The not_flagged entries of a rule. */
function skipsOf(result: Result, rule: RuleId) {
  return result.analysis.not_flagged.filter((n) => n.rule === rule);
}

const sex = (date: string) => ({ code: 'sex', date });
const painLevel = (date: string, value: string) => ({ code: 'pain-level', date, value });
/** The info finding for mild cramps on the day of sex only (rule 11), that day. */
const mildCrampsAfterSex = (date: string): FlagView => ({
  rule: 'postcoital-cramping',
  tier: 'info',
  start: date,
  end: date,
  facts: [sex(date), painLevel(date, 'cramps mild')],
});

describe('rules 11–12 pain after sex: facts, end date, red flags and grouping', () => {
  const POSTCOITAL: RuleId[] = ['postcoital-cramping', 'postcoital-cramping-red-flags'];
  const info = 'postcoital-cramping' as const;
  const red = 'postcoital-cramping-red-flags' as const;

  interface Case {
    name: string;
    log: LogBuilder;
    expected: FlagView[];
  }
  const cases: Case[] = [
    {
      // Only the days with pain get a pain-level fact; the pain-free day after does not.
      name: 'mild cramps on the sex day only → info, that day, sex + its pain level',
      log: quiet().on('2025-03-01', { sex: true, cramps: 'mild' }),
      expected: [mildCrampsAfterSex('2025-03-01')],
    },
    {
      // The pain is on the day after: the episode ends on that day, and mild pain counts.
      name: 'mild pelvic pain only on the day after sex → info, sex day .. day after',
      log: quiet().on('2025-03-01', { sex: true }).on('2025-03-02', { pelvic_pain: 'mild' }),
      expected: [
        {
          rule: info,
          tier: 'info',
          start: '2025-03-01',
          end: '2025-03-02',
          facts: [sex('2025-03-01'), painLevel('2025-03-02', 'pelvic pain mild')],
        },
      ],
    },
    {
      // The three days are counted from the first day of pain (the day after sex), and the
      // red flag carries that date; the finding still ends on the day after sex.
      name: 'pain on the 3 days after a pain-free sex day → red flag dated the first pain day',
      log: quiet()
        .on('2025-03-01', { sex: true })
        .each('2025-03-02', '2025-03-04', { cramps: 'mild' }),
      expected: [
        {
          rule: red,
          tier: 'soon',
          start: '2025-03-01',
          end: '2025-03-02',
          facts: [
            sex('2025-03-01'),
            painLevel('2025-03-02', 'cramps mild'),
            { code: 'red-flag-three-days', date: '2025-03-02' },
          ],
        },
      ],
    },
    {
      name: 'pain on the sex day and 2 days later, not between → not three days: info',
      log: quiet()
        .on('2025-03-01', { sex: true, cramps: 'mild' })
        .on('2025-03-03', { cramps: 'mild' }),
      expected: [mildCrampsAfterSex('2025-03-01')],
    },
    {
      name: 'severe cramps on the sex day → red flag "severe"',
      log: quiet().on('2025-03-01', { sex: true, cramps: 'severe' }),
      expected: [
        {
          rule: red,
          tier: 'soon',
          start: '2025-03-01',
          end: '2025-03-01',
          facts: [
            sex('2025-03-01'),
            painLevel('2025-03-01', 'cramps severe'),
            { code: 'red-flag-severe' },
          ],
        },
      ],
    },
    {
      // Sex on Feb 1, 10, 20 and Mar 1, pain after all but Feb 20: on Mar 1, 3 of the last 4
      // sex days had pain. Before that there were too few painful ones (2 of 2).
      name: 'pain after 3 of the last 4 sex days → red flag "repeated" with 3 of 4',
      log: quiet()
        .on('2025-02-01', { sex: true, cramps: 'mild' })
        .on('2025-02-10', { sex: true, cramps: 'mild' })
        .on('2025-02-20', { sex: true })
        .on('2025-03-01', { sex: true, cramps: 'mild' }),
      expected: [
        mildCrampsAfterSex('2025-02-01'),
        mildCrampsAfterSex('2025-02-10'),
        {
          rule: red,
          tier: 'soon',
          start: '2025-03-01',
          end: '2025-03-01',
          facts: [
            sex('2025-03-01'),
            painLevel('2025-03-01', 'cramps mild'),
            { code: 'red-flag-repeated', value: 3, other: 4 },
          ],
        },
      ],
    },
    {
      name: 'pain after each of 3 sex days → "repeated" with 3 of 3',
      log: quiet()
        .on('2025-02-01', { sex: true, cramps: 'mild' })
        .on('2025-02-10', { sex: true, cramps: 'mild' })
        .on('2025-03-01', { sex: true, cramps: 'mild' }),
      expected: [
        mildCrampsAfterSex('2025-02-01'),
        mildCrampsAfterSex('2025-02-10'),
        {
          rule: red,
          tier: 'soon',
          start: '2025-03-01',
          end: '2025-03-01',
          facts: [
            sex('2025-03-01'),
            painLevel('2025-03-01', 'cramps mild'),
            { code: 'red-flag-repeated', value: 3, other: 3 },
          ],
        },
      ],
    },
    {
      name: 'fever the day after, infection signs 2 days after → each is a dated red flag',
      log: quiet()
        .on('2025-03-01', { sex: true, cramps: 'mild' })
        .on('2025-03-02', { fever: true })
        .on('2025-03-03', { discharge: 'unusual', odor: true, painful_urination: true }),
      expected: [
        {
          rule: red,
          tier: 'soon',
          start: '2025-03-01',
          end: '2025-03-01',
          facts: [
            sex('2025-03-01'),
            painLevel('2025-03-01', 'cramps mild'),
            { code: 'fever', date: '2025-03-02' },
            { code: 'unusual-discharge', date: '2025-03-03' },
            { code: 'odor', date: '2025-03-03' },
            { code: 'painful-urination', date: '2025-03-03' },
          ],
        },
      ],
    },
    {
      // The red-flag look runs 2 days past E, where there are no entries: not an error.
      name: 'painful sex on E → info (the days after E are not known)',
      log: quiet().on(E, { sex: true, cramps: 'mild' }),
      expected: [
        {
          rule: info,
          tier: 'info',
          start: E,
          end: E,
          facts: [sex(E), painLevel(E, 'cramps mild')],
        },
      ],
    },
    {
      name: 'spotting on the day of painful sex → red flag "bleeding after sex"',
      log: quiet().on('2025-03-01', { sex: true, cramps: 'mild', bleeding: 'spotting' }),
      expected: [
        {
          rule: red,
          tier: 'soon',
          start: '2025-03-01',
          end: '2025-03-01',
          facts: [
            sex('2025-03-01'),
            painLevel('2025-03-01', 'cramps mild'),
            { code: 'red-flag-bleeding-after-sex', date: '2025-03-01' },
          ],
        },
      ],
    },
    {
      // Sex on consecutive days describes one pain episode; repeated facts are dropped.
      name: 'painful sex on 2 consecutive days → one episode',
      log: quiet()
        .on('2025-03-01', { sex: true, cramps: 'mild' })
        .on('2025-03-02', { sex: true, cramps: 'mild' }),
      expected: [
        {
          rule: info,
          tier: 'info',
          start: '2025-03-01',
          end: '2025-03-02',
          facts: [
            sex('2025-03-01'),
            painLevel('2025-03-01', 'cramps mild'),
            painLevel('2025-03-02', 'cramps mild'),
            sex('2025-03-02'),
          ],
        },
      ],
    },
    {
      name: 'painful sex 2 days apart → two episodes',
      log: quiet()
        .on('2025-03-01', { sex: true, cramps: 'mild' })
        .on('2025-03-03', { sex: true, cramps: 'mild' }),
      expected: [mildCrampsAfterSex('2025-03-01'), mildCrampsAfterSex('2025-03-03')],
    },
    {
      // Sex Mar 1 (pain that day, no red flag in Mar 1..3) and Mar 2 (pain Mar 3, fever Mar 4
      // within its Mar 2..4): one episode, red because one of its sex days has a red flag.
      name: 'one episode, a red flag after its second sex day only → the episode is red',
      log: quiet()
        .on('2025-03-01', { sex: true, cramps: 'mild' })
        .on('2025-03-02', { sex: true })
        .on('2025-03-03', { cramps: 'mild' })
        .on('2025-03-04', { fever: true }),
      expected: [
        {
          rule: red,
          tier: 'soon',
          start: '2025-03-01',
          end: '2025-03-03',
          facts: [
            sex('2025-03-01'),
            painLevel('2025-03-01', 'cramps mild'),
            sex('2025-03-02'),
            painLevel('2025-03-03', 'cramps mild'),
            { code: 'fever', date: '2025-03-04' },
          ],
        },
      ],
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = analyze(c.log);
    expect(flagsOf(result, POSTCOITAL), describeFindings(result)).toEqual(c.expected);
    // Only a red episode leaves a "has red flags" note for the plain rule, on its first sex day.
    const redStarts = c.expected.filter((f) => f.rule === red).map((f) => f.start);
    expect(skipsOf(result, info)).toEqual(
      redStarts.map((date) => ({ rule: info, date, reason: { code: 'has-red-flags' } })),
    );
  });
});

describe('rule 32 painful-sex-recurrent: days, escalations and the single-day case', () => {
  const painful = { pain_during_sex: true } as const;
  const rule = 'painful-sex-recurrent' as const;

  it('one painful day without an IUD → not flagged, with the reason "single day"', () => {
    const result = analyze(quiet().on('2025-03-01', painful));
    expect(findingsOf(result, rule)).toEqual([]);
    expect(skipsOf(result, rule)).toEqual([
      { rule, date: '2025-03-01', reason: { code: 'single-painful-sex-day' } },
    ]);
  });

  interface Case {
    name: string;
    log: LogBuilder;
    expected: FlagView;
  }
  const days = (...dates: string[]) => dates.map((date) => ({ code: 'pain-during-sex', date }));
  const cases: Case[] = [
    {
      name: 'two days → next-visit, first .. last day, one fact per day',
      log: quiet().on('2025-03-01', painful).on('2025-03-20', painful),
      expected: {
        rule,
        tier: 'next-visit',
        start: '2025-03-01',
        end: '2025-03-20',
        facts: days('2025-03-01', '2025-03-20'),
      },
    },
    {
      name: 'three days → ends on the last',
      log: quiet().on('2025-02-01', painful).on('2025-03-01', painful).on('2025-03-20', painful),
      expected: {
        rule,
        tier: 'next-visit',
        start: '2025-02-01',
        end: '2025-03-20',
        facts: days('2025-02-01', '2025-03-01', '2025-03-20'),
      },
    },
    {
      name: '↑ bleeding after one of the days → soon, dated escalation',
      log: quiet()
        .on('2025-03-01', { ...painful, bleeding: 'spotting' })
        .on('2025-03-20', painful),
      expected: {
        rule,
        tier: 'soon',
        start: '2025-03-01',
        end: '2025-03-20',
        facts: [
          ...days('2025-03-01', '2025-03-20'),
          { code: 'escalated-bleeding-after-sex', date: '2025-03-01' },
        ],
      },
    },
    {
      name: '↑ unusual discharge 2 days after one of the days → soon, dated on the discharge',
      log: quiet()
        .on('2025-03-01', painful)
        .on('2025-03-03', { discharge: 'unusual' })
        .on('2025-03-20', painful),
      expected: {
        rule,
        tier: 'soon',
        start: '2025-03-01',
        end: '2025-03-20',
        facts: [
          ...days('2025-03-01', '2025-03-20'),
          { code: 'escalated-infection-sign', date: '2025-03-03' },
        ],
      },
    },
    {
      name: '↑ one day with a copper IUD in place → soon, the IUD is a fact',
      log: quiet().contraception('copper-iud', '2024-01-01').on('2025-03-01', painful),
      expected: {
        rule,
        tier: 'soon',
        start: '2025-03-01',
        end: '2025-03-01',
        facts: [
          ...days('2025-03-01'),
          { code: 'iud-in-place-painful-sex', date: '2025-03-01', value: 'copper-iud' },
        ],
      },
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = analyze(c.log);
    expect(flagsOf(result, [rule]), describeFindings(result)).toEqual([c.expected]);
  });

  // Rule 26 escalates when painful-sex-recurrent fired: a single painful day that was not
  // flagged must not escalate it.
  const severeCrampsIn = () =>
    regularCycles({ from: '2025-01-01', count: 3 })
      .on('2025-01-29', { cramps: 'severe' })
      .on('2025-02-27', { cramps: 'severe' });
  it.each([
    ['one painful-sex day (not flagged) → painful periods stay next-visit', ['2025-03-10'], []],
    [
      'two painful-sex days (flagged) → painful periods escalate',
      ['2025-03-10', '2025-03-17'],
      [{ code: 'escalated-with-painful-sex' }],
    ],
  ] as const)('%s', (_name, dates, escalation) => {
    const b = severeCrampsIn();
    for (const d of dates) b.on(d, painful);
    const result = analyze(b);
    const periods = findingsOf(result, 'painful-periods-red-flags');
    expect(periods.map((f) => f.facts.filter((x) => x.code.startsWith('escalated')))).toEqual([
      escalation,
    ]);
  });
});
