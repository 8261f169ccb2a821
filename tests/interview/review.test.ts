import { describe, expect, it } from 'vitest';
import type { Step } from './scripted-prompter.ts';
import {
  ANALYZE_NO_SAVE,
  NO_CONTRACEPTION,
  NO_MORE_EPISODES,
  NOT_PREGNANT,
  REGULAR_PERIODS,
  dayOn,
  flagsOf,
  runScript,
} from './helpers.ts';

const NO_SAVE: Step[] = [
  ['save.log', 'no'],
  ['save.report', 'no'],
];

function episode(i: number, start: string, amount: string): Step[] {
  return [
    [`episodes.more.${i}`, true],
    [`episode.${i}.start`, start],
    [`episode.${i}.what`, ['bleeding']],
    [`episode.${i}.amount`, amount],
    [`episode.${i}.days`, '1'],
    [`episode.${i}.color`, 'brown'],
    [`episode.${i}.source`, 'vaginal'],
    [`episode.${i}.sex`, 'none'],
    [`episode.${i}.symptoms`, []],
    [`episode.${i}.frequency`, 'once'],
    [`episode.${i}.note`, ''],
  ];
}

const POSTMENOPAUSAL: Step[] = [
  ['age', '58'],
  ['menopause', 'post'],
  ['medicines', []],
  ...NO_CONTRACEPTION,
  ...episode(0, '2025-03-10', 'spotting'),
  ...NO_MORE_EPISODES(1),
];

describe('review and edit', () => {
  it('lists what will be analyzed before asking', async () => {
    const run = await runScript([...POSTMENOPAUSAL, ...ANALYZE_NO_SAVE]);
    const summary = run.prompter.notes.find((n) => n.includes('Here is what will be analyzed'));
    expect(summary).toBeDefined();
    expect(summary).toContain('Age: 58');
    expect(summary).toContain('Menopause: after menopause');
    expect(summary).toContain('Medicines: none of HRT, tamoxifen, blood thinners');
    expect(summary).toContain('Episode 1: 2025-03-10 (5 days ago)');
    expect(summary).toContain('Spotting for 1 day, brown, from the vagina');
    expect(summary).not.toContain('Pregnant');
  });

  it('shows "not sure" about pregnancy as such, analyzed as not pregnant', async () => {
    const run = await runScript([
      ['age', '25'],
      ...NO_CONTRACEPTION,
      ['pregnancy', 'unsure'],
      ['periods.length', '4'],
      ['periods.start.0', ''],
      ...NO_MORE_EPISODES(0),
      ...ANALYZE_NO_SAVE,
    ]);
    const summary = run.prompter.notes.find((n) => n.includes('Here is what will be analyzed'));
    expect(summary).toContain('Pregnant: not sure (analyzed as not pregnant)');
    expect(summary).toContain('No recent start dates given');
    expect(run.outcome.log.profile.pregnancy).toBeUndefined();
  });

  it('changes one answer, offering the old one as the default, and asks nothing else again', async () => {
    const run = await runScript([
      ...POSTMENOPAUSAL,
      ['review', 'change'],
      ['review.change', 'episode.0.amount'],
      ['episode.0.amount', 'heavy'],
      ...ANALYZE_NO_SAVE,
    ]);
    const reasked = run.prompter.asked.filter((a) => a.id === 'episode.0.amount');
    expect(reasked.map((a) => a.default)).toEqual([undefined, 'spotting']);
    expect(dayOn(run.outcome.log.days, '2025-03-10')?.bleeding).toBe('heavy');
    // Heavy bleeding after menopause is escalated to urgent.
    expect(flagsOf(run)).toEqual(['postmenopausal-bleeding:urgent']);
  });

  it('a change that makes other questions matter asks them, and drops answers that no longer matter', async () => {
    const run = await runScript([
      ...POSTMENOPAUSAL,
      ['review', 'change'],
      ['review.change', 'age'],
      ['age', '30'],
      // Under 40, menopause is not asked; now pregnancy and periods matter.
      ...NOT_PREGNANT,
      ...REGULAR_PERIODS,
      ...ANALYZE_NO_SAVE,
    ]);
    expect(run.outcome.log.profile).toEqual({ age: 30, as_of: '2025-03-15' });
    expect(run.outcome.log.days.some((d) => d.period === true)).toBe(true);
    expect(flagsOf(run)).not.toContain('postmenopausal-bleeding:soon');
  });

  it("changing the contraception method forgets the old method's start date and asks again", async () => {
    const run = await runScript([
      ['age', '30'],
      ['contraception.0.method', 'iud'],
      ['contraception.0.iud_type', 'copper-iud'],
      ['contraception.0.start', '2024-06-01'],
      ['contraception.0.more', false],
      ...NOT_PREGNANT,
      ...REGULAR_PERIODS,
      ...NO_MORE_EPISODES(0),
      ['review', 'change'],
      ['review.change', 'contraception.0.method'],
      ['contraception.0.method', 'implant'],
      ['contraception.0.start', '2025-01-20'],
      ...ANALYZE_NO_SAVE,
    ]);
    const startQuestion = run.prompter.asked.filter((a) => a.id === 'contraception.0.start').at(-1);
    expect(startQuestion?.message).toMatch(/^When was your implant put in\?/);
    expect(startQuestion?.default).toBeUndefined();
    expect(run.outcome.log.profile.contraception).toEqual([
      { method: 'implant', start: '2025-01-20' },
    ]);
  });

  it('re-asks an answer an edit made wrong, saying why', async () => {
    const run = await runScript([
      ['age', '30'],
      ...NO_CONTRACEPTION,
      ...NOT_PREGNANT,
      ...REGULAR_PERIODS,
      ...NO_MORE_EPISODES(0),
      ['review', 'change'],
      ['review.change', 'periods.start.0'],
      ['periods.start.0', '2025-02-05'],
      // 2025-02-01 is now only 4 days before the most recent start.
      ['periods.start.1', '2025-01-04'],
      // Its old answer is now wrong too (not before 2025-01-04); Enter would keep it, 'none' clears.
      ['periods.start.2', ''],
      ['periods.start.2', 'none'],
      ...ANALYZE_NO_SAVE,
    ]);
    expect(run.prompter.notes).toContain(
      'Your answer "2025-02-01" to "Period start 2" no longer fits: That is only 4 days before the period that started on 2025-02-05; starts need to be at least 10 days apart. Bleeding in between can be added as an episode later.',
    );
    const lastAsk = run.prompter.asked.filter((a) => a.id === 'periods.start.2').at(-1);
    expect(lastAsk?.message).toContain("(type 'none' to clear it)");
    expect(run.outcome.log.days.filter((d) => d.period).map((d) => d.date)).toEqual([
      '2025-01-04',
      '2025-02-05',
    ]);
  });

  it('adds and removes episodes', async () => {
    const run = await runScript([
      ...POSTMENOPAUSAL,
      ['review', 'add'],
      // "Add an episode" already said yes to another one.
      ...episode(1, '2025-03-13', 'light').slice(1),
      ...NO_MORE_EPISODES(2),
      ['review', 'remove'],
      ['review.remove', '0'],
      ...ANALYZE_NO_SAVE,
    ]);
    const bleedingDates = run.outcome.log.days
      .filter((d) => d.bleeding !== 'none')
      .map((d) => d.date);
    expect(bleedingDates).toEqual(['2025-03-13']);
    const lastSummary = run.prompter.notes
      .filter((n) => n.includes('Here is what will be analyzed'))
      .at(-1);
    expect(lastSummary).toContain('Episode 1: 2025-03-13');
    expect(lastSummary).not.toContain('Episode 2');
  });

  it('"Back" returns to the summary without changing anything', async () => {
    const run = await runScript([
      ...POSTMENOPAUSAL,
      ['review', 'change'],
      ['review.change', '__back'],
      ['review', 'analyze'],
      ...NO_SAVE,
    ]);
    expect(flagsOf(run)).toEqual(['postmenopausal-bleeding:soon']);
    const changeList = run.prompter.asked.find((a) => a.id === 'review.change')?.choices ?? [];
    // Structural yes/no questions ("another episode?") are not offered for change.
    expect(changeList).toContain('episode.0.amount');
    expect(changeList).not.toContain('episodes.more.0');
  });
});
