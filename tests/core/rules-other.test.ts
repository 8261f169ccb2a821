/**
 * Rule 37 (non-vaginal bleeding source, precedence step 1), the D0 entry states, the log builder
 * itself, and a check that every catalogue rule has a firing case with a tier in these files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/core/rules/ids.ts';
import { analyze, log, onlyFinding, quietLog, regularCycles, ruleCases } from './log-builder.ts';

const quiet = () => quietLog('2025-01-01', '2025-03-31');
const base = () => regularCycles({ from: '2025-01-01', count: 3 });

describe('rule 37 non-vaginal-bleeding-source', () => {
  ruleCases([
    {
      name: 'urinary blood → soon, and no genital-bleeding rule',
      log: base().on('2025-02-18', { bleeding: 'spotting', bleeding_source: 'urinary' }),
      must: { 'non-vaginal-bleeding-source': 'soon' },
      not: ['isolated-spotting', 'intermenstrual-bleeding', 'ovulation-spotting'],
      check: (r) => {
        const f = onlyFinding(r, 'non-vaginal-bleeding-source');
        expect([f.start, f.end, f.cycle_day]).toEqual(['2025-02-18', '2025-02-18', 21]);
      },
    },
    {
      name: 'rectal blood → soon',
      log: base().on('2025-02-18', { bleeding: 'light', bleeding_source: 'rectal' }),
      must: { 'non-vaginal-bleeding-source': 'soon' },
      not: ['intermenstrual-bleeding'],
    },
    {
      name: '↑ urinary blood with fever the next day → urgent',
      log: base()
        .on('2025-02-18', { bleeding: 'spotting', bleeding_source: 'urinary' })
        .on('2025-02-19', { fever: true }),
      must: { 'non-vaginal-bleeding-source': 'urgent' },
    },
    {
      name: '↑ urinary blood with fever the day before → urgent',
      log: base()
        .on('2025-02-18', { bleeding: 'spotting', bleeding_source: 'urinary' })
        .on('2025-02-17', { temperature: 38.2 }),
      must: { 'non-vaginal-bleeding-source': 'urgent' },
    },
    {
      name: 'urinary blood with fever 2 days later → soon',
      log: base()
        .on('2025-02-18', { bleeding: 'spotting', bleeding_source: 'urinary' })
        .on('2025-02-20', { fever: true }),
      must: { 'non-vaginal-bleeding-source': 'soon' },
    },
    {
      name: 'rectal blood with fever → soon (only urinary escalates)',
      log: base().on('2025-02-18', {
        bleeding: 'spotting',
        bleeding_source: 'rectal',
        fever: true,
      }),
      must: { 'non-vaginal-bleeding-source': 'soon' },
    },
    {
      name: 'urinary blood after sex → no postcoital flag (S69)',
      log: base().on('2025-02-18', { bleeding: 'spotting', bleeding_source: 'urinary', sex: true }),
      must: { 'non-vaginal-bleeding-source': 'soon' },
      not: ['postcoital-bleeding', 'recurrent-postcoital-bleeding'],
    },
    {
      name: '`unsure` counts as vaginal: after sex → postcoital-bleeding, not this rule (S80)',
      log: base().on('2025-02-18', { bleeding: 'spotting', bleeding_source: 'unsure', sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['non-vaginal-bleeding-source'],
    },
    {
      name: '`vaginal` → genital rules, not this rule',
      log: base().on('2025-02-18', { bleeding: 'spotting', bleeding_source: 'vaginal' }),
      must: { 'isolated-spotting': 'info' },
      not: ['non-vaginal-bleeding-source'],
    },
    {
      name: 'urinary blood in pregnancy → no pregnancy bleeding rule',
      log: quiet()
        .pregnancy({ start: '2025-01-15', week: 6, week_on: '2025-02-26' })
        .on('2025-03-10', { bleeding: 'medium', bleeding_source: 'urinary' }),
      must: { 'non-vaginal-bleeding-source': 'soon' },
      not: [
        'pregnancy-bleeding-heavy',
        'pregnancy-bleeding-early-light',
        'pregnancy-bleeding-second-half',
      ],
    },
  ]);

  it('urinary blood never makes a period (S79)', () => {
    const r = analyze(
      quiet().period('2025-02-01', ['medium', 'medium', 'light'], { bleeding_source: 'urinary' }),
    );
    expect(r.analysis.periods).toEqual([]);
    expect(r.tiers.get('non-vaginal-bleeding-source')).toBe('soon');
  });
});

describe('D0 entry states', () => {
  it('a sparse log (notable days only) still triggers on the days it has', () => {
    const r = analyze(
      log()
        .sparse()
        .on('2025-01-01', { bleeding: 'medium' })
        .on('2025-01-02', { bleeding: 'medium' })
        .on('2025-02-10', { bleeding: 'spotting' }),
    );
    expect(r.analysis.days_logged).toBe(3);
    expect(r.tiers.get('isolated-spotting')).toBe('info');
  });

  it('not-tracked days make the cycle unusable and block absent-periods (reported)', () => {
    const b = log()
      .period('2025-01-01')
      .fillTo('2025-05-01')
      .notTracked('2025-02-01', '2025-02-28');
    const r = analyze(b);
    expect(r.tiers.has('absent-periods')).toBe(false);
    expect(r.analysis.not_evaluated).toContainEqual({
      rule: 'absent-periods',
      reason: expect.objectContaining({ code: 'tracking-gap-since-last-period' }),
    });
  });

  it('the same log without the pause fires absent-periods', () => {
    expect(
      analyze(log().period('2025-01-01').fillTo('2025-05-01')).tiers.get('absent-periods'),
    ).toBe('soon');
  });
});

describe('log builder', () => {
  it('builds a dense, sorted log with one entry per date', () => {
    const built = regularCycles({ from: '2025-01-01', length: 28, count: 2, days: 5 })
      .on('2025-01-20', { bleeding: 'spotting', sex: true })
      .on('2025-01-20', { cramps: 'mild' })
      .build();
    const dates = built.days.map((d) => d.date);
    expect(dates[0]).toBe('2025-01-01');
    expect(dates[dates.length - 1]).toBe('2025-02-25');
    expect(dates).toHaveLength(56);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    expect(built.days.slice(0, 6).map((d) => d.bleeding)).toEqual([
      'medium',
      'medium',
      'light',
      'light',
      'spotting',
      'none',
    ]);
    expect(built.days.find((d) => d.date === '2025-01-20')).toEqual({
      date: '2025-01-20',
      bleeding: 'spotting',
      sex: true,
      cramps: 'mild',
    });
  });

  it('punches holes with noEntry and notTracked', () => {
    const built = quietLog('2025-01-01', '2025-01-10')
      .noEntry('2025-01-03')
      .notTracked('2025-01-06', '2025-01-07')
      .build();
    expect(built.days.map((d) => d.date)).not.toContain('2025-01-03');
    expect(built.days).toHaveLength(7);
    expect(built.profile.not_tracked).toEqual([{ from: '2025-01-06', to: '2025-01-07' }]);
  });
});

describe('catalogue coverage of these tests', () => {
  it('every one of the 37 rules has a firing case with an expected tier', () => {
    const dir = new URL('.', import.meta.url);
    const text = readdirSync(dir)
      .filter((f) => /^rules-.*\.test\.ts$/.test(f))
      .map((f) => readFileSync(new URL(f, dir), 'utf8'))
      .join('\n');
    // Issue 16 item 3: rule 10 explains why an on-time period after sex is not bleeding after
    // sex; it is reported among the events not flagged, never as a flag, so it has no tier case
    // (rules-sex.test.ts pins its not_flagged entry with expectOnTimePeriodAfterSex).
    const neverFlagged = ['period-onset-after-sex'];
    const missing = RULE_IDS.filter(
      (rule) =>
        !neverFlagged.includes(rule) &&
        !new RegExp(`'${rule}': '(urgent|soon|next-visit|info)'`).test(text),
    );
    expect(missing).toEqual([]);
    expect(text.match(/expectOnTimePeriodAfterSex/g)?.length ?? 0).toBeGreaterThan(5);
    expect(RULE_IDS).toHaveLength(37);
  });
});
