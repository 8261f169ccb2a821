/**
 * Mutation tests for step 5 of src/core/rules/bleeding-episodes.ts (lines 343+): the other
 * non-period episodes. Pins the facts of rules 14 (settling-window breakthrough bleeding), 15
 * (copper IUD), 19 (D16 recurrence), D13 (ovulation window), the single-episode rules 16–18 (ovulation
 * spotting, isolated spotting, intermenstrual bleeding and its escalations), rule 21 (possible
 * implantation bleeding) and the pain wording shared with the pain rules.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  analyze,
  onlyFinding,
  quietLog,
  regularCycles,
  ruleCases,
  skipsOn,
} from './log-builder.ts';

/**
 * Three 28-day cycles from 2025-01-01 (starts Jan 1, Jan 29, Feb 26), logged through Mar 25
 * (the evaluation date): predicted start P = Mar 26. The cycle Jan 29 → Feb 26 has its ovulation
 * window on Feb 8..Feb 14 (P − 18 .. P − 12); Feb 5 is its cycle day 8.
 */
const base = () => regularCycles({ from: '2025-01-01', count: 3 });
/** No period ever logged: no cycle day, no prediction, no ovulation window. */
const noPeriods = () => quietLog('2025-01-01', '2025-03-31');
const WINDOW = { code: 'ovulation-window', date: '2025-02-08', value: '2025-02-14' };
const day = (date: string, value: string) => ({ code: 'bleeding-day', date, value });

describe('settling windows: the facts of breakthrough bleeding and copper IUD changes', () => {
  ruleCases([
    {
      name: 'spotting 19 days after starting the pill → hormonal-breakthrough-bleeding with the method and its day',
      log: noPeriods()
        .contraception('combined-pill', '2025-02-01')
        .on('2025-02-20', { bleeding: 'spotting' }),
      must: { 'hormonal-breakthrough-bleeding': 'info' },
      check: (r) =>
        expect(onlyFinding(r, 'hormonal-breakthrough-bleeding').facts).toEqual([
          day('2025-02-20', 'spotting'),
          { code: 'method-since', date: '2025-02-01', value: 'combined-pill', other: 19 },
        ]),
    },
    {
      name: 'spotting 19 days after an IUD of unknown type → copper IUD changes (info), type unknown',
      log: noPeriods()
        .contraception('iud', '2025-02-01')
        .on('2025-02-20', { bleeding: 'spotting' }),
      must: { 'copper-iud-bleeding-changes': 'info' },
      check: (r) =>
        expect(onlyFinding(r, 'copper-iud-bleeding-changes').facts).toEqual([
          day('2025-02-20', 'spotting'),
          { code: 'method-since', date: '2025-02-01', value: 'iud', other: 19 },
          { code: 'iud-type-unknown' },
        ]),
    },
    {
      name: 'the same with a known copper IUD → no "type unknown" fact',
      log: noPeriods()
        .contraception('copper-iud', '2025-02-01')
        .on('2025-02-20', { bleeding: 'spotting' }),
      must: { 'copper-iud-bleeding-changes': 'info' },
      check: (r) =>
        expect(onlyFinding(r, 'copper-iud-bleeding-changes').facts).toEqual([
          day('2025-02-20', 'spotting'),
          { code: 'method-since', date: '2025-02-01', value: 'copper-iud', other: 19 },
        ]),
    },
  ]);
});

describe('rules 19 and 15, D16 recurrence: facts per episode (length, cycle day) and the copper IUD variant', () => {
  /** Spotting on Feb 5 (cycle day 8) and on Mar 5..6 (cycle day 8, two days). */
  const twoCycles = () =>
    base()
      .on('2025-02-05', { bleeding: 'spotting' })
      .each('2025-03-05', '2025-03-06', { bleeding: 'spotting' });
  /** Spotting on Jan 10 and Feb 10: 31 days apart, no cycle day. */
  const noCycle = () =>
    noPeriods()
      .on('2025-01-10', { bleeding: 'spotting' })
      .on('2025-02-10', { bleeding: 'spotting' });
  const byCycle = [
    { code: 'npe', date: '2025-02-05', value: 1, other: 8 },
    { code: 'npe', date: '2025-03-05', value: 2, other: 8 },
  ];
  const unknown = [
    { code: 'npe', date: '2025-01-10', value: 1, other: 'unknown' },
    { code: 'npe', date: '2025-02-10', value: 1, other: 'unknown' },
  ];
  ruleCases([
    {
      name: 'two episodes in two cycles, no IUD → recurrent spotting with length and cycle day; each episode skipped for IMB; no copper flag',
      log: twoCycles(),
      must: { 'recurrent-intermenstrual-spotting': 'soon' },
      not: ['copper-iud-bleeding-changes', 'isolated-spotting', 'intermenstrual-bleeding'],
      check: (r) => {
        expect(onlyFinding(r, 'recurrent-intermenstrual-spotting').facts).toEqual(byCycle);
        for (const date of ['2025-02-05', '2025-03-05'])
          expect(skipsOn(r, 'intermenstrual-bleeding', date).map((n) => n.reason)).toEqual([
            { code: 'part-of-recurrence' },
          ]);
      },
    },
    {
      name: 'two episodes 31 days apart without any period → cycle day "unknown"',
      log: noCycle(),
      must: { 'recurrent-intermenstrual-spotting': 'soon' },
      not: ['copper-iud-bleeding-changes'],
      check: (r) =>
        expect(onlyFinding(r, 'recurrent-intermenstrual-spotting').facts).toEqual(unknown),
    },
    {
      name: 'the same with a copper IUD in place for years → copper IUD changes (soon) with each episode',
      log: twoCycles().contraception('copper-iud', '2023-01-01'),
      must: {
        'copper-iud-bleeding-changes': 'soon',
        'recurrent-intermenstrual-spotting': 'soon',
      },
      check: (r) =>
        expect(onlyFinding(r, 'copper-iud-bleeding-changes').facts).toEqual([
          { code: 'copper-recurrent-spotting' },
          ...byCycle,
        ]),
    },
    {
      name: 'copper IUD, no period → the copper flag says cycle day "unknown"',
      log: noCycle().contraception('copper-iud', '2023-01-01'),
      must: { 'copper-iud-bleeding-changes': 'soon' },
      check: (r) =>
        expect(onlyFinding(r, 'copper-iud-bleeding-changes').facts).toEqual([
          { code: 'copper-recurrent-spotting' },
          ...unknown,
        ]),
    },
  ]);
});

describe('single episodes: ovulation window, red flag, escalations (D13, rules 16–18)', () => {
  ruleCases([
    {
      name: 'a spot inside the window → ovulation spotting, with the window dates',
      log: base().on('2025-02-10', { bleeding: 'spotting' }),
      must: { 'ovulation-spotting': 'info' },
      check: (r) =>
        expect(onlyFinding(r, 'ovulation-spotting').facts).toEqual([
          day('2025-02-10', 'spotting'),
          WINDOW,
        ]),
    },
    {
      name: 'a spot outside the window → isolated spotting, still showing the window',
      log: base().on('2025-02-05', { bleeding: 'spotting' }),
      must: { 'isolated-spotting': 'info' },
      check: (r) =>
        expect(onlyFinding(r, 'isolated-spotting').facts).toEqual([
          day('2025-02-05', 'spotting'),
          WINDOW,
        ]),
    },
    {
      name: 'a spot with no period logged (no window at all) → isolated spotting, only the day',
      log: noPeriods().on('2025-02-10', { bleeding: 'spotting' }),
      must: { 'isolated-spotting': 'info' },
      check: (r) =>
        expect(onlyFinding(r, 'isolated-spotting').facts).toEqual([day('2025-02-10', 'spotting')]),
    },
    {
      name: 'one light day outside the window, no flag, age 30 → IMB next-visit, only the day',
      log: base().on('2025-02-05', { bleeding: 'light' }),
      must: { 'intermenstrual-bleeding': 'next-visit' },
      check: (r) =>
        expect(onlyFinding(r, 'intermenstrual-bleeding').facts).toEqual([
          day('2025-02-05', 'light'),
        ]),
    },
    {
      name: 'a medium day inside the window → IMB soon, with the window and the medium escalation',
      log: base().on('2025-02-10', { bleeding: 'medium' }),
      must: { 'intermenstrual-bleeding': 'soon' },
      not: ['ovulation-spotting'],
      check: (r) =>
        expect(onlyFinding(r, 'intermenstrual-bleeding').facts).toEqual([
          day('2025-02-10', 'medium'),
          WINDOW,
          { code: 'escalated-medium-or-heavy' },
        ]),
    },
    {
      name: 'fever the day before and the day after a light day → the red flag is the first one',
      log: base()
        .on('2025-02-04', { fever: true })
        .on('2025-02-05', { bleeding: 'light' })
        .on('2025-02-06', { fever: true }),
      must: { 'intermenstrual-bleeding': 'next-visit' },
      check: (r) =>
        expect(onlyFinding(r, 'intermenstrual-bleeding').facts).toEqual([
          day('2025-02-05', 'light'),
          { code: 'red-flag', date: '2025-02-04' },
        ]),
    },
    {
      name: 'a spot at 47 → IMB soon with the age escalation (correction 5)',
      log: base().age(47).on('2025-02-05', { bleeding: 'spotting' }),
      must: { 'intermenstrual-bleeding': 'soon' },
      not: ['isolated-spotting'],
      check: (r) =>
        expect(onlyFinding(r, 'intermenstrual-bleeding').facts).toEqual([
          day('2025-02-05', 'spotting'),
          { code: 'escalated-age-45', value: 47 },
        ]),
    },
    {
      name: 'age unknown and no year without bleeding → a spot stays isolated spotting',
      log: base().profile({ age: undefined }).on('2025-02-05', { bleeding: 'spotting' }),
      must: { 'isolated-spotting': 'info' },
      not: ['intermenstrual-bleeding'],
    },
  ]);
});

describe('correction 2 without an age: bleeding after 12 months without any', () => {
  /** Last bleeding 2024-01-14: 12 months without bleeding from 2024-01-15 end 2025-01-13. */
  const FROM = '2025-01-14';
  const afterYear = () =>
    quietLog('2023-11-01', '2025-06-30')
      .profile({ age: undefined, menopause: undefined })
      .period('2023-12-12', 5)
      .period('2024-01-10', 5);
  ruleCases([
    {
      name: 'a spot on the first day after the 12 months → IMB soon, escalated with the date',
      log: afterYear().on(FROM, { bleeding: 'spotting' }),
      must: { 'intermenstrual-bleeding': 'soon' },
      not: ['isolated-spotting', 'ovulation-spotting', 'postmenopausal-bleeding'],
      check: (r) =>
        expect(onlyFinding(r, 'intermenstrual-bleeding').facts).toContainEqual({
          code: 'escalated-after-year-without-bleeding',
          date: FROM,
        }),
    },
    {
      name: 'a mid-cycle spot before the 12 months began is not escalated → ovulation spotting',
      log: afterYear().on('2023-12-25', { bleeding: 'spotting' }),
      must: { 'ovulation-spotting': 'info' },
      not: ['intermenstrual-bleeding'],
    },
  ]);
});

describe('rule 21 possible-implantation-bleeding', () => {
  /** Logged through Apr 5 (E): P = Mar 26 has passed by 10 days without a period. */
  const late = () => base().fillTo('2025-04-05');
  ruleCases([
    {
      name: 'a spot 6 days before P, no period 10 days after P → implantation, with P and the days since',
      log: late().on('2025-03-20', { bleeding: 'spotting' }),
      must: { 'possible-implantation-bleeding': 'info' },
      not: ['isolated-spotting'],
      check: (r) =>
        expect(onlyFinding(r, 'possible-implantation-bleeding').facts).toEqual([
          day('2025-03-20', 'spotting'),
          { code: 'predicted-start', date: '2025-03-26', value: 10 },
        ]),
    },
    {
      name: 'on a long-term pill the same spot is not implantation bleeding',
      log: late()
        .contraception('combined-pill', '2023-01-01')
        .on('2025-03-20', { bleeding: 'spotting' }),
      not: ['possible-implantation-bleeding'],
    },
    {
      name: 'before P + 7 it is too early to tell (skipped, dated P + 7); the spot is judged alone',
      log: base().on('2025-03-20', { bleeding: 'spotting' }),
      must: { 'isolated-spotting': 'info' },
      not: ['possible-implantation-bleeding'],
      check: (r) =>
        expect(skipsOn(r, 'possible-implantation-bleeding', '2025-03-20')).toEqual([
          {
            rule: 'possible-implantation-bleeding',
            date: '2025-03-20',
            reason: { code: 'too-early-to-tell', date: addDays('2025-03-26', 7) },
          },
        ]),
    },
    {
      name: 'moderate cramps the day before the spot → not implantation; IMB with the red flag',
      log: late()
        .on('2025-03-19', { cramps: 'moderate' })
        .on('2025-03-20', { bleeding: 'spotting' }),
      must: { 'intermenstrual-bleeding': 'next-visit' },
      not: ['possible-implantation-bleeding'],
    },
  ]);
});

describe('pain wording (severe-pelvic-pain facts): the fields named, "none" left out', () => {
  const cases: [string, object, string][] = [
    ['severe cramps only', { cramps: 'severe' }, 'cramps severe'],
    ['severe pelvic pain only', { pelvic_pain: 'severe' }, 'pelvic pain severe'],
    ['cramps "none" is not named', { cramps: 'none', pelvic_pain: 'severe' }, 'pelvic pain severe'],
    ['pelvic pain "none" is not named', { cramps: 'severe', pelvic_pain: 'none' }, 'cramps severe'],
    [
      'both named, comma-separated',
      { cramps: 'mild', pelvic_pain: 'severe' },
      'cramps mild, pelvic pain severe',
    ],
  ];
  it.each(cases)('%s', (_name, fields, word) => {
    const r = analyze(noPeriods().on('2025-02-10', fields));
    expect(onlyFinding(r, 'severe-pelvic-pain').facts).toEqual([
      { code: 'pain-level', date: '2025-02-10', value: word },
    ]);
  });
});
