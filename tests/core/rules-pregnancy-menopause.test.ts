/**
 * Rules 1–6 (docs/rules.md): bleeding in pregnancy and after menopause, with the
 * precedence steps 2 and 3 of §2.3 (they replace the sex, between-period and period rules).
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  analyze,
  expectFlags,
  factCodes,
  onlyFinding,
  quietLog,
  ruleCases,
} from './log-builder.ts';

/** Week 8+0 on 2025-03-29 (scenario S19); the log covers March and early April. */
const EARLY = { start: '2025-02-01', week: 8, week_on: '2025-03-29' };
const early = () => quietLog('2025-03-01', '2025-04-10').pregnancy(EARLY);

/** Week 19+0 on 2025-05-01: 19+6 is 2025-05-07 and 20+0 is 2025-05-08 (scenario S22). */
const MID = { start: '2024-12-19', week: 19, week_on: '2025-05-01' };
const mid = () => quietLog('2025-04-01', '2025-05-15').pregnancy(MID);

const OTHER_BLEEDING_RULES = [
  'postcoital-bleeding',
  'recurrent-postcoital-bleeding',
  'period-onset-after-sex',
  'first-sex-bleeding',
  'copper-iud-postcoital-bleeding',
  'hormonal-breakthrough-bleeding',
  'copper-iud-bleeding-changes',
  'ovulation-spotting',
  'isolated-spotting',
  'intermenstrual-bleeding',
  'recurrent-intermenstrual-spotting',
  'possible-implantation-bleeding',
  'prolonged-period',
  'heavy-period',
] as const;

describe('rule 1 pregnancy-bleeding-heavy', () => {
  ruleCases([
    {
      name: 'one medium day in week 8 → urgent',
      log: early().on('2025-04-01', { bleeding: 'medium' }),
      must: { 'pregnancy-bleeding-heavy': 'urgent' },
      not: ['pregnancy-bleeding-early-light', 'pregnancy-bleeding-second-half'],
    },
    {
      name: 'heavy days → urgent',
      log: early().period('2025-04-01', ['heavy', 'heavy']),
      must: { 'pregnancy-bleeding-heavy': 'urgent' },
      not: ['pregnancy-bleeding-early-light'],
    },
    {
      name: 'look-alike: light only → early-light (soon), not heavy',
      log: early().period('2025-04-01', ['light', 'light']),
      must: { 'pregnancy-bleeding-early-light': 'soon' },
      not: ['pregnancy-bleeding-heavy', 'pregnancy-bleeding-with-pain'],
    },
    {
      name: 'not softened by sex: medium the day after sex → urgent, no postcoital rule',
      log: early().on('2025-03-31', { sex: true }).on('2025-04-01', { bleeding: 'medium' }),
      must: { 'pregnancy-bleeding-heavy': 'urgent' },
      not: [...OTHER_BLEEDING_RULES, 'pregnancy-bleeding-early-light'],
    },
    {
      name: 'not softened by a hormonal settling window',
      log: early()
        .contraception('progestogen-pill', '2025-03-01', '2025-03-20')
        .period('2025-03-15', ['medium']),
      must: { 'pregnancy-bleeding-heavy': 'urgent' },
      not: ['hormonal-breakthrough-bleeding', 'intermenstrual-bleeding'],
    },
    {
      name: 'a 9-day period-shaped bleed with 3 heavy days in pregnancy is not a period',
      log: early().period('2025-03-20', [
        'heavy',
        'heavy',
        'heavy',
        'medium',
        'medium',
        'light',
        'light',
        'light',
        'light',
      ]),
      must: { 'pregnancy-bleeding-heavy': 'urgent' },
      not: ['heavy-period', 'prolonged-period', 'intermenstrual-bleeding'],
      check: (r) => expect(r.analysis.periods).toEqual([]),
    },
  ]);
});

describe('rule 2 pregnancy-bleeding-with-pain', () => {
  ruleCases([
    {
      name: 'moderate cramps the day before the spotting (d−1) → urgent',
      log: early()
        .on('2025-03-31', { cramps: 'moderate' })
        .on('2025-04-01', { bleeding: 'spotting' }),
      must: { 'pregnancy-bleeding-with-pain': 'urgent' },
      not: ['pregnancy-bleeding-early-light'],
    },
    {
      name: 'moderate pelvic pain the day after (d+1) → urgent',
      log: early()
        .on('2025-04-01', { bleeding: 'spotting' })
        .on('2025-04-02', { pelvic_pain: 'moderate' }),
      must: { 'pregnancy-bleeding-with-pain': 'urgent' },
      not: ['pregnancy-bleeding-early-light'],
    },
    {
      name: 'fever on d+1 → urgent',
      log: early().on('2025-04-01', { bleeding: 'spotting' }).on('2025-04-02', { fever: true }),
      must: { 'pregnancy-bleeding-with-pain': 'urgent' },
      not: ['pregnancy-bleeding-early-light'],
    },
    {
      name: 'measured 38.0 °C on the day → urgent',
      log: early().on('2025-04-01', { bleeding: 'spotting', temperature: 38.0 }),
      must: { 'pregnancy-bleeding-with-pain': 'urgent' },
      not: ['pregnancy-bleeding-early-light'],
    },
    {
      name: 'measured 37.9 °C → not fever → early-light (soon)',
      log: early().on('2025-04-01', { bleeding: 'spotting', temperature: 37.9 }),
      must: { 'pregnancy-bleeding-early-light': 'soon' },
      not: ['pregnancy-bleeding-with-pain'],
    },
    {
      name: 'mild cramps alone do not trigger it (common in early pregnancy)',
      log: early().on('2025-04-01', { bleeding: 'spotting', cramps: 'mild' }),
      must: { 'pregnancy-bleeding-early-light': 'soon' },
      not: ['pregnancy-bleeding-with-pain'],
    },
    {
      name: 'moderate cramps two days later (d+2) are outside d−1..d+1',
      log: early()
        .on('2025-04-01', { bleeding: 'spotting' })
        .on('2025-04-03', { cramps: 'moderate' }),
      must: { 'pregnancy-bleeding-early-light': 'soon' },
      not: ['pregnancy-bleeding-with-pain'],
    },
  ]);
});

describe('rule 3 pregnancy-bleeding-second-half (week 19+6 vs 20+0 vs unknown)', () => {
  ruleCases([
    {
      // Changed by correction 1: any bleeding from week 12+0 is urgent (it was soon).
      name: 'spotting at 19+6 → early-light, urgent from week 12 (correction 1)',
      log: mid().on('2025-05-07', { bleeding: 'spotting' }),
      must: { 'pregnancy-bleeding-early-light': 'urgent' },
      not: ['pregnancy-bleeding-second-half'],
    },
    {
      name: 'spotting at 20+0 → second-half (urgent)',
      log: mid().on('2025-05-08', { bleeding: 'spotting' }),
      must: { 'pregnancy-bleeding-second-half': 'urgent' },
      not: ['pregnancy-bleeding-early-light'],
    },
    {
      name: 'an episode running from 19+6 into 20+0 → urgent (not all days before week 20)',
      log: mid().period('2025-05-07', ['spotting', 'spotting']),
      must: { 'pregnancy-bleeding-second-half': 'urgent' },
      not: ['pregnancy-bleeding-early-light'],
    },
    {
      // Changed by correction 1: week 19 is past 12+0, so urgent (it was soon).
      name: 'due date: DD − 141 days is week 19 → early-light, urgent (correction 1)',
      log: mid()
        .pregnancy({ due: '2025-09-25' })
        .on(addDays('2025-09-25', -141), { bleeding: 'spotting' }),
      must: { 'pregnancy-bleeding-early-light': 'urgent' },
      not: ['pregnancy-bleeding-second-half'],
    },
    {
      name: 'due date: DD − 140 days is week 20 → urgent',
      log: mid()
        .pregnancy({ due: '2025-09-25' })
        .on(addDays('2025-09-25', -140), { bleeding: 'spotting' }),
      must: { 'pregnancy-bleeding-second-half': 'urgent' },
      not: ['pregnancy-bleeding-early-light'],
    },
    {
      name: 'unknown week (start date only) → treated as ≥ 20 → urgent',
      log: early().pregnancy({ start: '2025-02-01' }).on('2025-04-01', { bleeding: 'spotting' }),
      must: { 'pregnancy-bleeding-second-half': 'urgent' },
      not: ['pregnancy-bleeding-early-light'],
      check: (r) =>
        expect(factCodes(r, 'pregnancy-bleeding-second-half')).toContain('pregnancy-week-unknown'),
    },
    {
      name: 'not excused by sex: spotting the day after sex at 20+0 → urgent, no postcoital rule',
      log: mid().on('2025-05-07', { sex: true }).on('2025-05-08', { bleeding: 'spotting' }),
      must: { 'pregnancy-bleeding-second-half': 'urgent' },
      not: ['postcoital-bleeding', 'pregnancy-bleeding-early-light'],
    },
  ]);
});

describe('rule 4 pregnancy-bleeding-early-light', () => {
  ruleCases([
    {
      name: 'one spotting day at week 8 → soon (S19)',
      log: early().on('2025-04-01', { bleeding: 'spotting' }),
      must: { 'pregnancy-bleeding-early-light': 'soon' },
      not: [
        'pregnancy-bleeding-heavy',
        'pregnancy-bleeding-with-pain',
        'pregnancy-bleeding-second-half',
        'isolated-spotting',
        'ovulation-spotting',
      ],
    },
    {
      name: 'replaces postcoital bleeding: spotting on a sex day → soon only',
      log: early().on('2025-04-01', { bleeding: 'spotting', sex: true }),
      must: { 'pregnancy-bleeding-early-light': 'soon' },
      not: [...OTHER_BLEEDING_RULES],
    },
    {
      name: 'replaces intermenstrual bleeding: 3 light days → soon only',
      log: early().period('2025-04-01', ['light', 'spotting', 'light']),
      must: { 'pregnancy-bleeding-early-light': 'soon' },
      not: [...OTHER_BLEEDING_RULES],
    },
    {
      name: 'replaces breakthrough bleeding: spotting in a pill settling window → soon only',
      log: early()
        .contraception('combined-pill', '2025-03-01', '2025-03-28')
        .on('2025-03-20', { bleeding: 'spotting' }),
      must: { 'pregnancy-bleeding-early-light': 'soon' },
      not: [...OTHER_BLEEDING_RULES],
    },
    {
      name: 'replaces the implantation rule (recorded pregnancy)',
      log: quietLog('2025-01-01', '2025-04-10')
        .period('2025-01-01')
        .period('2025-01-29')
        .period('2025-02-26')
        .pregnancy({ start: '2025-03-03', week: 4, week_on: '2025-03-26' })
        .on('2025-03-20', { bleeding: 'spotting' }),
      must: { 'pregnancy-bleeding-early-light': 'soon' },
      not: ['possible-implantation-bleeding', 'isolated-spotting', 'late-period'],
    },
    {
      name: 'bleeding after the pregnancy end date is not pregnancy bleeding',
      log: early()
        .pregnancy({ ...EARLY, end: '2025-03-25' })
        .on('2025-04-01', { bleeding: 'spotting' }),
      not: ['pregnancy-bleeding-early-light', 'pregnancy-bleeding-second-half'],
    },
  ]);
});

describe('rule 5 pregnancy-with-iud', () => {
  ruleCases([
    {
      name: 'copper IUD open during the pregnancy, no bleeding at all → urgent',
      log: early().contraception('copper-iud', '2024-06-01'),
      must: { 'pregnancy-with-iud': 'urgent' },
      check: (r) =>
        expect(r.findings.filter((f) => f.rule === 'pregnancy-with-iud')).toHaveLength(1),
    },
    {
      name: 'hormonal IUD open → urgent',
      log: early().contraception('hormonal-iud', '2024-06-01'),
      must: { 'pregnancy-with-iud': 'urgent' },
    },
    {
      name: 'removal date before the pregnancy → no flag (S76)',
      log: early().contraception('copper-iud', '2024-06-01', '2025-01-15'),
      not: ['pregnancy-with-iud'],
    },
    {
      name: 'removed on the first pregnant day ("on or before that day") → no flag',
      log: early().contraception('copper-iud', '2024-06-01', '2025-02-01'),
      not: ['pregnancy-with-iud'],
    },
    {
      name: 'removed the day after the pregnancy started → it was in place → urgent',
      log: early().contraception('copper-iud', '2024-06-01', '2025-02-02'),
      must: { 'pregnancy-with-iud': 'urgent' },
    },
    {
      name: 'an IUD without a pregnancy → no flag',
      log: quietLog('2025-03-01', '2025-04-10').contraception('copper-iud', '2024-06-01'),
      not: ['pregnancy-with-iud'],
    },
    {
      name: 'a non-IUD method during pregnancy → no flag',
      log: early().contraception('implant', '2024-06-01'),
      not: ['pregnancy-with-iud'],
    },
    {
      name: 'IUD rules are off in pregnancy: spotting after sex with a copper IUD → pregnancy rules',
      log: early()
        .contraception('copper-iud', '2024-06-01')
        .on('2025-04-01', { bleeding: 'spotting', sex: true }),
      must: { 'pregnancy-with-iud': 'urgent', 'pregnancy-bleeding-early-light': 'soon' },
      not: ['copper-iud-postcoital-bleeding', 'copper-iud-bleeding-changes', 'postcoital-bleeding'],
    },
  ]);
});

describe('rule 6 postmenopausal-bleeding', () => {
  const post = () => quietLog('2025-01-01', '2025-03-31').profile({ age: 58, menopause: 'post' });
  ruleCases([
    {
      name: 'one spotting day → soon',
      log: post().on('2025-03-10', { bleeding: 'spotting' }),
      must: { 'postmenopausal-bleeding': 'soon' },
      not: ['isolated-spotting', 'intermenstrual-bleeding', 'ovulation-spotting'],
    },
    {
      name: 'pink spotting counts (colour is never a trigger or an excuse)',
      log: post().on('2025-03-10', { bleeding: 'spotting', blood_color: 'pink' }),
      must: { 'postmenopausal-bleeding': 'soon' },
    },
    {
      name: 'one heavy day in the episode → urgent',
      log: post().period('2025-03-10', ['light', 'heavy', 'medium']),
      must: { 'postmenopausal-bleeding': 'urgent' },
    },
    {
      name: 'medium without heavy stays soon',
      log: post().period('2025-03-10', ['light', 'medium', 'medium']),
      must: { 'postmenopausal-bleeding': 'soon' },
    },
    {
      name: 'after sex → reported here, not as postcoital bleeding (S17)',
      log: post().on('2025-03-10', { sex: true }).on('2025-03-11', { bleeding: 'spotting' }),
      must: { 'postmenopausal-bleeding': 'soon' },
      not: ['postcoital-bleeding', 'recurrent-postcoital-bleeding', 'period-onset-after-sex'],
    },
    {
      name: 'two post-sex bleeds after menopause are not counted as recurrent PCB',
      log: post()
        .on('2025-02-01', { bleeding: 'spotting', sex: true })
        .on('2025-03-01', { bleeding: 'spotting', sex: true }),
      must: { 'postmenopausal-bleeding': 'soon' },
      not: [
        'postcoital-bleeding',
        'recurrent-postcoital-bleeding',
        'recurrent-intermenstrual-spotting',
      ],
    },
    {
      name: 'a period-shaped bleed with 3 heavy days over 9 days → PMB urgent, no period rules',
      log: post().period('2025-03-01', [
        'heavy',
        'heavy',
        'heavy',
        'medium',
        'medium',
        'light',
        'light',
        'light',
        'light',
      ]),
      must: { 'postmenopausal-bleeding': 'urgent' },
      not: ['heavy-period', 'prolonged-period', 'intermenstrual-bleeding'],
    },
    {
      name: 'cycle rules are not evaluated after menopause',
      log: post().on('2025-01-05', { bleeding: 'medium' }).on('2025-01-06', { bleeding: 'medium' }),
      must: { 'postmenopausal-bleeding': 'soon' },
      not: ['absent-periods', 'late-period', 'irregular-cycles', 'infrequent-periods'],
      check: (r) =>
        expect(r.analysis.not_evaluated).toContainEqual({
          rule: 'absent-periods',
          reason: expect.objectContaining({ code: 'postmenopausal' }),
        }),
    },
    {
      name: 'look-alike: perimenopause is not postmenopause',
      log: post().profile({ menopause: 'peri' }).on('2025-03-10', { bleeding: 'spotting' }),
      not: ['postmenopausal-bleeding'],
    },
    {
      name: 'look-alike: urinary blood after menopause goes to the non-vaginal rule only',
      log: post().on('2025-03-10', { bleeding: 'spotting', bleeding_source: 'urinary' }),
      must: { 'non-vaginal-bleeding-source': 'soon' },
      not: ['postmenopausal-bleeding'],
    },
    {
      name: 'soaking after menopause also fires acute-heavy-bleeding (independent rule)',
      log: post().on('2025-03-10', { bleeding: 'heavy', soaking: true }),
      must: { 'postmenopausal-bleeding': 'urgent', 'acute-heavy-bleeding': 'urgent' },
    },
  ]);

  it('reports the episode dates', () => {
    const r = analyze(post().period('2025-03-10', ['spotting', 'light', 'spotting']));
    const f = onlyFinding(r, 'postmenopausal-bleeding');
    expect([f.start, f.end]).toEqual(['2025-03-10', '2025-03-12']);
  });

  it.each([
    ['1970-03-11', 54, false],
    ['1970-03-10', 55, true],
  ] as const)(
    'birth date %s: age %i on the bleeding day → UK fast-track note %s (age ≥ 55)',
    (birth, _age, noted) => {
      const r = expectFlags(
        quietLog('2025-01-01', '2025-03-31')
          .profile({ age: undefined, birth_date: birth, menopause: 'post' })
          .on('2025-03-10', { bleeding: 'spotting' }),
        { 'postmenopausal-bleeding': 'soon' },
      );
      expect(factCodes(r, 'postmenopausal-bleeding').includes('age-55-fast-track')).toBe(noted);
    },
  );
});
