/**
 * Rules 27–31 (docs/rules.md): cycle timing. Only usable cycles (D6) count; rules 27–29
 * only at ages 18–45; perimenopause lowers the tiers; not-tracked days block full-coverage rules.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  analyze,
  cycleStarts,
  cycles,
  expectFlags,
  log,
  onlyFinding,
  regularCycles,
  ruleCases,
} from './log-builder.ts';

const FROM = '2025-01-01';
const withCycles = (lengths: number[], age = 30) => cycles({ from: FROM, lengths }).age(age);

const notEvaluated = (rule: string, code: string) => (r: ReturnType<typeof analyze>) =>
  expect(r.analysis.not_evaluated).toContainEqual({
    rule,
    reason: expect.objectContaining({ code }),
  });

describe('rule 27 irregular-cycles', () => {
  describe('FIGO: ≥ 3 usable cycles in 365 days, spread above the age-band limit → next-visit', () => {
    ruleCases([
      {
        name: 'age 30, spread 7 (28, 28, 35) → nothing',
        log: withCycles([28, 28, 35]),
        not: ['irregular-cycles'],
      },
      {
        name: 'age 30, spread 8 (28, 28, 36) → next-visit',
        log: withCycles([28, 28, 36]),
        must: { 'irregular-cycles': 'next-visit' },
      },
      {
        name: 'age 22, spread 9 (28, 28, 37) → nothing',
        log: withCycles([28, 28, 37], 22),
        not: ['irregular-cycles'],
      },
      {
        name: 'age 22, spread 10 (28, 28, 38) → next-visit',
        log: withCycles([28, 28, 38], 22),
        must: { 'irregular-cycles': 'next-visit' },
      },
      {
        name: 'age 25, spread 9 → nothing (18–25 band)',
        log: withCycles([28, 28, 37], 25),
        not: ['irregular-cycles'],
      },
      {
        name: 'age 26, spread 8 → next-visit (26–41 band)',
        log: withCycles([28, 28, 36], 26),
        must: { 'irregular-cycles': 'next-visit' },
      },
      {
        name: 'age 41, spread 8 → next-visit',
        log: withCycles([28, 28, 36], 41),
        must: { 'irregular-cycles': 'next-visit' },
      },
      {
        name: 'age 42, spread 9 → nothing (42–45 band)',
        log: withCycles([28, 28, 37], 42),
        not: ['irregular-cycles'],
      },
      {
        name: 'age 42, spread 10 → next-visit',
        log: withCycles([28, 28, 38], 42),
        must: { 'irregular-cycles': 'next-visit' },
      },
      {
        name: 'only 2 cycles, spread 8 → nothing (FIGO needs 3)',
        log: withCycles([28, 36]),
        not: ['irregular-cycles'],
      },
      {
        name: 'perimenopause → info (S50)',
        log: withCycles([28, 28, 36]).profile({ menopause: 'peri' }),
        must: { 'irregular-cycles': 'info' },
      },
      {
        name: 'a not-tracked range inside the long cycle makes it unusable → nothing',
        log: withCycles([28, 28, 36]).notTracked('2025-03-10', '2025-03-12'),
        not: ['irregular-cycles'],
      },
      {
        name: 'a cycle overlapping a hormonal method is unusable → nothing',
        log: withCycles([28, 28, 36]).contraception('combined-pill', '2025-03-05', '2025-03-20'),
        not: ['irregular-cycles'],
      },
    ]);
  });

  describe('a pregnancy since the last start: the cycles before it still count (D6)', () => {
    // Pregnant from the last period start (the LMP), evaluated four weeks later.
    const pregnantNow = (lengths: number[]) => {
      const lastStart = cycleStarts(FROM, lengths).at(-1)!;
      return withCycles(lengths)
        .pregnancy({ start: lastStart, week: 4, week_on: addDays(lastStart, 28) })
        .fillTo(addDays(lastStart, 28));
    };
    ruleCases([
      {
        name: 'spread 8 before the pregnancy → next-visit',
        log: pregnantNow([28, 28, 36]),
        must: { 'irregular-cycles': 'next-visit' },
        not: ['late-period', 'absent-periods'],
      },
      {
        name: 'spread 7 before the pregnancy → nothing',
        log: pregnantNow([28, 28, 35]),
        not: ['irregular-cycles', 'late-period', 'absent-periods'],
      },
    ]);
  });

  describe('Apple: ≥ 2 usable cycles in 182 days with spread ≥ 17 → soon', () => {
    ruleCases([
      {
        name: 'spread 16 (24, 40) → nothing',
        log: withCycles([24, 40]),
        not: ['irregular-cycles'],
      },
      {
        name: 'spread 17 (24, 41) → soon',
        log: withCycles([24, 41]),
        must: { 'irregular-cycles': 'soon' },
      },
      {
        name: 'spread 17 with a third cycle → soon (Apple beats FIGO)',
        log: withCycles([28, 24, 41]),
        must: { 'irregular-cycles': 'soon' },
      },
      {
        name: 'perimenopause → info',
        log: withCycles([24, 41]).profile({ menopause: 'peri' }),
        must: { 'irregular-cycles': 'info' },
      },
    ]);
  });

  it('reports the cycles it used', () => {
    const r = expectFlags(withCycles([28, 28, 36]), { 'irregular-cycles': 'next-visit' });
    const starts = cycleStarts(FROM, [28, 28, 36]);
    const f = onlyFinding(r, 'irregular-cycles');
    expect([f.start, f.end]).toEqual([starts[0], starts[3]]);
  });
});

describe('rule 28 infrequent-periods', () => {
  describe('FIGO: ≥ 2 of the last 3 usable cycles > 38 days → next-visit', () => {
    ruleCases([
      { name: 'cycles 38, 38 → nothing', log: withCycles([38, 38]), not: ['infrequent-periods'] },
      {
        name: 'cycles 39, 39 → next-visit',
        log: withCycles([39, 39]),
        must: { 'infrequent-periods': 'next-visit' },
      },
      {
        name: 'cycles 39, 30, 39 → next-visit',
        log: withCycles([39, 30, 39]),
        must: { 'infrequent-periods': 'next-visit' },
      },
      {
        name: 'cycles 39, 30, 38 → nothing (1 of 3)',
        log: withCycles([39, 30, 38]),
        not: ['infrequent-periods'],
      },
      {
        name: 'cycles 39, 39 starting within the last 365 days → next-visit',
        log: cycles({ from: '2024-01-01', lengths: [39, 39] }).fillTo('2024-12-20'),
        must: { 'infrequent-periods': 'next-visit' },
      },
      {
        name: 'the same cycles starting more than 365 days before E → nothing',
        log: cycles({ from: '2024-01-01', lengths: [39, 39] }).fillTo('2025-03-15'),
        not: ['infrequent-periods'],
      },
      {
        name: 'perimenopause → info',
        log: withCycles([39, 39]).profile({ menopause: 'peri' }),
        must: { 'infrequent-periods': 'info' },
      },
    ]);
  });

  describe('Apple: 1–2 starts in [E−181, E], log from E−181, no gaps → soon', () => {
    const E = '2025-07-01';
    const window = (from = addDays(E, -181)) => log().none(from, E);
    ruleCases([
      {
        name: '2 starts, log begins exactly at E−181 → soon',
        log: window().period('2025-02-01').period('2025-04-15'),
        must: { 'infrequent-periods': 'soon' },
        check: (r) => {
          const f = onlyFinding(r, 'infrequent-periods');
          expect([f.start, f.end]).toEqual([addDays(E, -181), E]);
        },
      },
      {
        name: '1 start → soon (and absent-periods)',
        log: window().period('2025-02-01'),
        must: { 'infrequent-periods': 'soon', 'absent-periods': 'soon' },
      },
      {
        name: 'log begins at E−180 → not Apple → nothing',
        log: window(addDays(E, -180)).period('2025-02-01').period('2025-04-15'),
        not: ['infrequent-periods'],
      },
      {
        name: '3 starts → not Apple; cycles 59 and 61 → FIGO next-visit',
        log: window().period('2025-02-01').period('2025-04-01').period('2025-06-01'),
        must: { 'infrequent-periods': 'next-visit' },
      },
      {
        name: 'a not-tracked day in the window → nothing',
        log: window()
          .period('2025-02-01')
          .period('2025-04-15')
          .notTracked('2025-03-01', '2025-03-01'),
        not: ['infrequent-periods'],
      },
      {
        name: 'a hormonal method in the window → nothing',
        log: window()
          .period('2025-02-01')
          .period('2025-04-15')
          .contraception('progestogen-pill', '2025-06-01'),
        not: ['infrequent-periods'],
      },
      {
        name: 'perimenopause → info',
        log: window().period('2025-02-01').period('2025-04-15').profile({ menopause: 'peri' }),
        must: { 'infrequent-periods': 'info' },
      },
    ]);
  });
});

describe('rule 29 frequent-periods', () => {
  ruleCases([
    { name: 'cycles 24, 24 → nothing', log: withCycles([24, 24]), not: ['frequent-periods'] },
    {
      name: 'cycles 23, 23 → next-visit',
      log: withCycles([23, 23]),
      must: { 'frequent-periods': 'next-visit' },
    },
    {
      name: 'cycles 21, 22, 21 → next-visit (S47)',
      log: withCycles([21, 22, 21]),
      must: { 'frequent-periods': 'next-visit' },
    },
    {
      name: 'cycles 23, 28, 23 → next-visit (2 of 3)',
      log: withCycles([23, 28, 23]),
      must: { 'frequent-periods': 'next-visit' },
    },
    {
      name: 'cycles 23, 28, 24 → nothing (1 of 3)',
      log: withCycles([23, 28, 24]),
      not: ['frequent-periods'],
    },
    {
      name: 'only the last 3 count: 23, 23, 28, 28, 28 → nothing',
      log: withCycles([23, 23, 28, 28, 28]),
      not: ['frequent-periods'],
    },
    {
      name: 'perimenopause → info',
      log: withCycles([23, 23]).profile({ menopause: 'peri' }),
      must: { 'frequent-periods': 'info' },
    },
    {
      name: 'a not-tracked range leaves 1 usable cycle → nothing, "too few usable cycles"',
      log: withCycles([23, 23]).notTracked('2025-01-10', '2025-01-12'),
      not: ['frequent-periods'],
      check: notEvaluated('frequent-periods', 'too-few-usable-cycles'),
    },
  ]);
});

describe('ages 17 vs 18 and 45 vs 46 for rules 27–29', () => {
  ruleCases([
    {
      name: 'age 17 → not evaluated',
      log: withCycles([21, 22, 21], 17),
      not: ['frequent-periods'],
      check: notEvaluated('frequent-periods', 'age-outside-18-45'),
    },
    {
      name: 'age 18 → next-visit',
      log: withCycles([21, 22, 21], 18),
      must: { 'frequent-periods': 'next-visit' },
    },
    {
      name: 'age 45 → next-visit',
      log: withCycles([21, 22, 21], 45),
      must: { 'frequent-periods': 'next-visit' },
    },
    {
      // Changed by correction 5: over 45, frequent bleeding is not waved through as perimenopause.
      name: 'age 46 → next-visit (correction 5; it was not evaluated)',
      log: withCycles([21, 22, 21], 46),
      must: { 'frequent-periods': 'next-visit' },
    },
    {
      name: 'age 17 → not evaluated',
      log: withCycles([21, 22, 21], 17),
      not: ['frequent-periods'],
      check: notEvaluated('frequent-periods', 'age-outside-18-45'),
    },
    { name: 'irregular at 17 → nothing', log: withCycles([24, 41], 17), not: ['irregular-cycles'] },
    { name: 'irregular at 46 → nothing', log: withCycles([24, 41], 46), not: ['irregular-cycles'] },
    {
      name: 'infrequent at 46 → nothing',
      log: withCycles([39, 39], 46),
      not: ['infrequent-periods'],
    },
  ]);
});

describe('rule 30 absent-periods (89 vs 90 days)', () => {
  const since = (days: number) => log().period(FROM).fillTo(addDays(FROM, days));
  ruleCases([
    { name: '89 days since the last start → nothing', log: since(89), not: ['absent-periods'] },
    {
      name: '90 days → soon',
      log: since(90),
      must: { 'absent-periods': 'soon' },
      check: (r) => {
        const f = onlyFinding(r, 'absent-periods');
        expect([f.start, f.end, f.cycle_day]).toEqual([FROM, addDays(FROM, 90), 1]);
      },
    },
    {
      name: 'perimenopause → next-visit',
      log: since(90).profile({ menopause: 'peri' }),
      must: { 'absent-periods': 'next-visit' },
    },
    {
      name: 'a not-tracked range since the start → not evaluated, and the output says so',
      log: since(120).notTracked('2025-02-10', '2025-02-20'),
      not: ['absent-periods'],
      check: notEvaluated('absent-periods', 'tracking-gap-since-last-period'),
    },
    {
      name: 'a hormonal method since the start → not evaluated',
      log: since(120).contraception('injection', '2025-02-01'),
      not: ['absent-periods'],
      check: notEvaluated('absent-periods', 'hormonal-method-since-last-period'),
    },
    {
      name: 'a pregnancy since the start → nothing',
      log: since(120).pregnancy({
        start: '2025-01-20',
        week: 2,
        week_on: '2025-01-20',
        end: '2025-03-20',
      }),
      not: ['absent-periods'],
      check: notEvaluated('absent-periods', 'pregnancy-since-last-period'),
    },
    {
      name: 'age 17 → not evaluated',
      log: since(120).age(17),
      not: ['absent-periods'],
      check: notEvaluated('absent-periods', 'age-under-18'),
    },
    { name: 'age 18 → soon', log: since(120).age(18), must: { 'absent-periods': 'soon' } },
    {
      name: 'age 50 → soon (no upper age)',
      log: since(120).age(50),
      must: { 'absent-periods': 'soon' },
    },
    {
      name: 'no period start logged, 89 days logged → not evaluated, and the output says so',
      log: log().none(FROM, addDays(FROM, 88)),
      not: ['absent-periods'],
      check: notEvaluated('absent-periods', 'no-period-logged'),
    },
    {
      name: 'no period start logged, 90 days logged → soon, from the first day of the log',
      log: log().none(FROM, addDays(FROM, 89)),
      must: { 'absent-periods': 'soon' },
      check: (r) => {
        const f = onlyFinding(r, 'absent-periods');
        expect([f.start, f.end, f.facts[0]]).toEqual([
          FROM,
          addDays(FROM, 89),
          { code: 'no-period-since-log-start', date: FROM, value: 90 },
        ]);
      },
    },
    {
      name: 'no period start logged, age 44 → soon',
      log: log().none(FROM, addDays(FROM, 120)).age(44),
      must: { 'absent-periods': 'soon' },
    },
    {
      name: 'no period start logged, age 45 → not evaluated (the menopause transition cannot be told apart)',
      log: log().none(FROM, addDays(FROM, 120)).age(45),
      not: ['absent-periods'],
      check: notEvaluated('absent-periods', 'no-period-logged'),
    },
    {
      name: 'no period start logged, age unknown → soon (adult limits)',
      log: log().none(FROM, addDays(FROM, 120)).profile({ age: undefined }),
      must: { 'absent-periods': 'soon' },
    },
    {
      name: 'no period start logged, spotting only, 120 days → soon (spotting is not a period)',
      log: log().none(FROM, addDays(FROM, 120)).on(addDays(FROM, 40), { bleeding: 'spotting' }),
      must: { 'absent-periods': 'soon' },
    },
    {
      name: 'no period start logged, a hormonal method → not evaluated',
      log: log().none(FROM, addDays(FROM, 120)).contraception('combined-pill', FROM),
      not: ['absent-periods'],
      check: notEvaluated('absent-periods', 'hormonal-method-since-last-period'),
    },
    {
      name: 'no period start logged, a not-tracked range → not evaluated',
      log: log().none(FROM, addDays(FROM, 120)).notTracked(addDays(FROM, 10), addDays(FROM, 20)),
      not: ['absent-periods'],
      check: notEvaluated('absent-periods', 'tracking-gap-since-last-period'),
    },
    {
      name: 'no period start logged, pregnant → not evaluated',
      log: log()
        .none(FROM, addDays(FROM, 120))
        .pregnancy({ week: 8, week_on: addDays(FROM, 60) }),
      not: ['absent-periods'],
      check: notEvaluated('absent-periods', 'pregnancy-since-last-period'),
    },
    {
      name: 'no period start logged, perimenopause → next-visit',
      log: log().none(FROM, addDays(FROM, 90)).profile({ menopause: 'peri' }),
      must: { 'absent-periods': 'next-visit' },
    },
  ]);
});

describe('rule 31 late-period (E = P + 6 vs P + 7)', () => {
  const base = () => regularCycles({ from: FROM, count: 3 });
  const P = '2025-03-26';
  ruleCases([
    { name: 'E = P + 6 → nothing', log: base().fillTo(addDays(P, 6)), not: ['late-period'] },
    {
      name: 'E = P + 7 → info, from P',
      log: base().fillTo(addDays(P, 7)),
      must: { 'late-period': 'info' },
      not: ['absent-periods'],
      check: (r) => {
        const f = onlyFinding(r, 'late-period');
        expect([f.start, f.end, f.cycle_day]).toEqual([P, addDays(P, 7), 29]);
      },
    },
    {
      name: 'a not-tracked day since the last start → nothing',
      log: base().notTracked('2025-03-10', '2025-03-11').fillTo(addDays(P, 10)),
      not: ['late-period'],
    },
    {
      name: 'a hormonal method since the last start → not evaluated, and the reason is the method',
      log: base().contraception('progestogen-pill', '2025-03-10').fillTo(addDays(P, 10)),
      not: ['late-period'],
      check: notEvaluated('late-period', 'hormonal-method-since-last-period'),
    },
    {
      name: 'a hormonal method that ended before the last start → judged (late → info)',
      log: base()
        .contraception('progestogen-pill', '2024-10-01', '2024-12-01')
        .fillTo(addDays(P, 10)),
      must: { 'late-period': 'info' },
    },
    { name: 'age 17 → nothing', log: base().fillTo(addDays(P, 10)).age(17), not: ['late-period'] },
    {
      name: 'age 18 → info',
      log: base().fillTo(addDays(P, 10)).age(18),
      must: { 'late-period': 'info' },
    },
    {
      name: '90 days since the last start → absent-periods instead',
      log: base().fillTo(addDays('2025-02-26', 90)),
      must: { 'absent-periods': 'soon' },
      not: ['late-period'],
    },
    {
      name: 'no prediction (one completed cycle) → nothing',
      log: regularCycles({ from: FROM, count: 2 }).fillTo('2025-03-15'),
      not: ['late-period'],
    },
  ]);
});

describe('evaluation date (D14, ambiguity 14)', () => {
  const base = () => regularCycles({ from: FROM, count: 3 });
  it('E defaults to the last logged date', () => {
    expect(analyze(base().fillTo('2025-04-05')).analysis.as_of).toBe('2025-04-05');
  });

  it('an as-of date before the last logged date ignores the later entries', () => {
    const late = base().fillTo('2025-04-05').on('2025-03-28', { bleeding: 'spotting' });
    expect(analyze(late).tiers.has('late-period')).toBe(true);
    const r = analyze(late, { asOf: '2025-03-27' });
    expect(r.analysis.as_of).toBe('2025-03-27');
    expect([r.tiers.has('late-period'), r.tiers.has('isolated-spotting')]).toEqual([false, false]);
  });

  it.each([
    ['2025-04-01', false],
    ['2025-04-02', true],
  ])(
    'late-period with as-of %s (P + 6 / P + 7) on a log that runs to Apr 10 → %s',
    (asOf, late) => {
      expect(analyze(base().fillTo('2025-04-10'), { asOf }).tiers.has('late-period')).toBe(late);
    },
  );

  it('the option overrides profile.as_of', () => {
    const b = base().fillTo('2025-04-10').asOf('2025-04-05');
    expect(analyze(b).analysis.as_of).toBe('2025-04-05');
    expect(analyze(b, { asOf: '2025-03-30' }).tiers.has('late-period')).toBe(false);
  });
});
