import { describe, expect, it } from 'vitest';
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
import type { Step } from './scripted-prompter.ts';

/** Spotting on one day, sex that day, nothing else; `link` says how it relates to sex. */
function spottingEpisode(start: string, link: string, extra: Step[] = []): Step[] {
  return [
    ['episodes.more.0', true],
    ['episode.0.start', start],
    ['episode.0.what', ['bleeding']],
    ['episode.0.amount', 'spotting'],
    ['episode.0.days', '1'],
    ['episode.0.color', 'bright red'],
    ['episode.0.source', 'vaginal'],
    ['episode.0.sex', link],
    ...(link === 'none' ? [] : ([['episode.0.first_sex', false]] as Step[])),
    ['episode.0.symptoms', []],
    ['episode.0.frequency', 'once'],
    ['episode.0.note', ''],
    ...extra,
  ];
}

describe('interview stories', () => {
  it('postcoital bleeding: spotting during sex mid-cycle → postcoital-bleeding (soon)', async () => {
    const run = await runScript([
      ['age', '32'],
      ...NO_CONTRACEPTION,
      ...NOT_PREGNANT,
      ...REGULAR_PERIODS,
      ...spottingEpisode('3 days ago', 'during'),
      ...NO_MORE_EPISODES(1),
      ...ANALYZE_NO_SAVE,
    ]);
    const { log } = run.outcome;
    expect(log.profile).toEqual({ age: 32, as_of: '2025-03-15' });
    // Periods: 5 days each, medium, medium, light, light, light, labelled on the first day.
    expect(log.days.filter((d) => d.date.startsWith('2025-02')).map((d) => d.bleeding)).toEqual([
      'medium',
      'medium',
      'light',
      'light',
      'light',
    ]);
    expect(dayOn(log.days, '2025-02-01')).toEqual({
      date: '2025-02-01',
      bleeding: 'medium',
      period: true,
    });
    expect(dayOn(log.days, '2025-03-12')).toEqual({
      date: '2025-03-12',
      bleeding: 'spotting',
      bleeding_source: 'vaginal',
      blood_color: 'bright red',
      sex: true,
      notes: 'started during sex',
    });
    // It lasted one day and that day is past: the next day is an explicit "no bleeding".
    expect(dayOn(log.days, '2025-03-13')).toEqual({ date: '2025-03-13', bleeding: 'none' });
    expect(flagsOf(run)).toContain('postcoital-bleeding:soon');
    expect(flagsOf(run)).not.toContain('ovulation-spotting:info');
    expect(run.printed).toContain('postcoital');
    // Menopause is not asked at 32.
    expect(run.prompter.askedIds()).not.toContain('menopause');
  });

  it('copper IUD: type asked explicitly; spotting the day after sex → copper-iud-postcoital-bleeding (urgent)', async () => {
    const run = await runScript([
      ['age', '29'],
      ['contraception.0.method', 'iud'],
      ['contraception.0.iud_type', 'copper-iud'],
      ['contraception.0.start', '2024-06-01'],
      ['contraception.0.more', false],
      ...NOT_PREGNANT,
      ...REGULAR_PERIODS,
      ...spottingEpisode('2025-03-11', 'next-day'),
      ...NO_MORE_EPISODES(1),
      ...ANALYZE_NO_SAVE,
    ]);
    const { log } = run.outcome;
    expect(log.profile.contraception).toEqual([{ method: 'copper-iud', start: '2024-06-01' }]);
    // "The day after sex": sex is on the day before the bleeding.
    expect(dayOn(log.days, '2025-03-10')).toEqual({ date: '2025-03-10', sex: true });
    expect(dayOn(log.days, '2025-03-11')?.sex).toBeUndefined();
    expect(flagsOf(run)).toContain('copper-iud-postcoital-bleeding:urgent');
    expect(flagsOf(run)).not.toContain('postcoital-bleeding:soon');
    const iudQuestion = run.prompter.asked.find((a) => a.id === 'contraception.0.iud_type');
    expect(iudQuestion?.message).toBe(
      'Which kind of IUD? (it changes what bleeding after sex means)',
    );
    expect(iudQuestion?.choices).toEqual(['copper-iud', 'hormonal-iud', 'iud']);
  });

  it('pregnancy at week 8 with light spotting → pregnancy-bleeding-early-light (soon); no period questions', async () => {
    const run = await runScript([
      ['age', '31'],
      ...NO_CONTRACEPTION,
      ['pregnancy', 'yes'],
      ['pregnancy.dating', 'week'],
      ['pregnancy.week', '8'],
      ['episodes.more.0', true],
      ['episode.0.start', 'yesterday'],
      ['episode.0.what', ['bleeding']],
      ['episode.0.amount', 'spotting'],
      ['episode.0.days', '1'],
      ['episode.0.color', 'brown'],
      ['episode.0.source', 'unsure'],
      ['episode.0.sex', 'none'],
      ['episode.0.symptoms', []],
      ['episode.0.frequency', 'once'],
      ['episode.0.note', 'noticed when wiping'],
      ...NO_MORE_EPISODES(1),
      ...ANALYZE_NO_SAVE,
    ]);
    const { log } = run.outcome;
    // Week 8 on the day of the interview: the pregnancy started 56 days earlier.
    expect(log.profile.pregnancy).toEqual({ start: '2025-01-18', week: 8, week_on: '2025-03-15' });
    expect(dayOn(log.days, '2025-03-14')).toEqual({
      date: '2025-03-14',
      bleeding: 'spotting',
      blood_color: 'brown',
      notes: 'noticed when wiping',
    });
    expect(run.prompter.askedIds().some((id) => id.startsWith('periods.'))).toBe(false);
    expect(flagsOf(run)).toEqual(['pregnancy-bleeding-early-light:soon']);
  });

  it('pregnancy from a due date, bleeding with moderate cramps → pregnancy-bleeding-with-pain (urgent)', async () => {
    const run = await runScript([
      ['age', '27'],
      ...NO_CONTRACEPTION,
      ['pregnancy', 'yes'],
      ['pregnancy.dating', 'due'],
      ['pregnancy.due', '2025-10-01'],
      ['episodes.more.0', true],
      ['episode.0.start', 'today'],
      ['episode.0.what', ['bleeding', 'pain']],
      ['episode.0.amount', 'light'],
      ['episode.0.days', '1'],
      ['episode.0.color', 'bright red'],
      ['episode.0.source', 'vaginal'],
      ['episode.0.sex', 'none'],
      ['episode.0.pain_kind', 'cramps'],
      ['episode.0.pain_severity', 'moderate'],
      ['episode.0.pain_days', '1'],
      ['episode.0.symptoms', []],
      ['episode.0.frequency', 'once'],
      ['episode.0.note', ''],
      ...NO_MORE_EPISODES(1),
      ...ANALYZE_NO_SAVE,
    ]);
    const { log } = run.outcome;
    expect(log.profile.pregnancy).toEqual({ due: '2025-10-01' });
    // Started today: it may still be going on, so no "stopped" day is added.
    expect(log.days.at(-1)).toEqual({
      date: '2025-03-15',
      bleeding: 'light',
      bleeding_source: 'vaginal',
      blood_color: 'bright red',
      cramps: 'moderate',
    });
    expect(flagsOf(run)).toContain('pregnancy-bleeding-with-pain:urgent');
  });

  it('pregnant without known dates: the unknown week is treated as 20 or more → second-half rule (urgent)', async () => {
    const run = await runScript([
      ['age', '30'],
      ...NO_CONTRACEPTION,
      ['pregnancy', 'yes'],
      ['pregnancy.dating', 'unknown'],
      ['episodes.more.0', true],
      ['episode.0.start', '2025-03-13'],
      ['episode.0.what', ['bleeding']],
      ['episode.0.amount', 'spotting'],
      ['episode.0.days', '1'],
      ['episode.0.color', 'pink'],
      ['episode.0.source', 'vaginal'],
      ['episode.0.sex', 'none'],
      ['episode.0.symptoms', []],
      ['episode.0.frequency', 'once'],
      ['episode.0.note', ''],
      ...NO_MORE_EPISODES(1),
      ...ANALYZE_NO_SAVE,
    ]);
    // The pregnancy interval starts the day before the first reported day.
    expect(run.outcome.log.profile.pregnancy).toEqual({ start: '2025-03-12' });
    expect(flagsOf(run)).toContain('pregnancy-bleeding-second-half:urgent');
    const summary = run.prompter.notes.find((n) => n.includes('Here is what will be analyzed'));
    expect(summary).toContain(
      'Pregnant: yes, how far along is not known (treated as 20 weeks or more)',
    );
  });

  it('after menopause: no pregnancy or period questions; brown spotting → postmenopausal-bleeding (soon)', async () => {
    const run = await runScript([
      ['age', '58'],
      ['menopause', 'post'],
      ['medicines', ['hrt']],
      ...NO_CONTRACEPTION,
      ['episodes.more.0', true],
      ['episode.0.start', '2025-03-10'],
      ['episode.0.what', ['bleeding']],
      ['episode.0.amount', 'spotting'],
      ['episode.0.days', '2'],
      ['episode.0.color', 'brown'],
      ['episode.0.source', 'vaginal'],
      ['episode.0.sex', 'none'],
      ['episode.0.symptoms', []],
      ['episode.0.frequency', 'once'],
      ['episode.0.note', ''],
      ...NO_MORE_EPISODES(1),
      ...ANALYZE_NO_SAVE,
    ]);
    const { log, report } = run.outcome;
    expect(log.profile).toEqual({
      age: 58,
      menopause: 'post',
      medicines: ['hrt'],
      as_of: '2025-03-15',
    });
    // HRT was asked right after "after menopause", before contraception.
    const asked = run.prompter.askedIds();
    expect(asked.indexOf('medicines')).toBe(asked.indexOf('menopause') + 1);
    expect(log.days.map((d) => [d.date, d.bleeding])).toEqual([
      ['2025-03-10', 'spotting'],
      ['2025-03-11', 'spotting'],
      ['2025-03-12', 'none'],
    ]);
    const ids = run.prompter.askedIds();
    expect(ids).not.toContain('pregnancy');
    expect(ids.some((id) => id.startsWith('periods.'))).toBe(false);
    expect(flagsOf(run)).toEqual(['postmenopausal-bleeding:soon']);
    expect(report.flags[0]?.start).toBe('2025-03-10');
  });

  it('first-ever sex with a little bleeding → first-sex-bleeding (info), asked only once across episodes', async () => {
    const run = await runScript([
      ['age', '19'],
      ...NO_CONTRACEPTION,
      ...NOT_PREGNANT,
      ...REGULAR_PERIODS,
      ['episodes.more.0', true],
      ['episode.0.start', '2025-03-10'],
      ['episode.0.what', ['bleeding']],
      ['episode.0.amount', 'spotting'],
      ['episode.0.days', '2'],
      ['episode.0.color', 'pink'],
      ['episode.0.source', 'vaginal'],
      ['episode.0.sex', 'same-day'],
      ['episode.0.first_sex', true],
      ['episode.0.symptoms', []],
      ['episode.0.frequency', 'once'],
      ['episode.0.note', ''],
      ['episodes.more.1', true],
      ['episode.1.start', '2025-03-14'],
      ['episode.1.what', ['sex-pain']],
      ['episode.1.symptoms', []],
      ['episode.1.frequency', 'once'],
      ['episode.1.note', ''],
      ...NO_MORE_EPISODES(2),
      ...ANALYZE_NO_SAVE,
    ]);
    const { log } = run.outcome;
    expect(dayOn(log.days, '2025-03-10')).toMatchObject({
      sex: true,
      first_sex: true,
      bleeding: 'spotting',
    });
    expect(dayOn(log.days, '2025-03-14')).toEqual({
      date: '2025-03-14',
      sex: true,
      pain_during_sex: true,
    });
    expect(run.prompter.askedIds()).not.toContain('episode.1.first_sex');
    expect(flagsOf(run)).toContain('first-sex-bleeding:info');
    expect(flagsOf(run)).not.toContain('postcoital-bleeding:soon');
  });

  it('symptoms and "how often" with dates: infection signs and repeated episodes', async () => {
    const run = await runScript([
      ['age', '35'],
      ...NO_CONTRACEPTION,
      ...NOT_PREGNANT,
      ...REGULAR_PERIODS,
      ['episodes.more.0', true],
      ['episode.0.start', '2025-03-12'],
      ['episode.0.what', ['bleeding', 'other']],
      ['episode.0.amount', 'light'],
      ['episode.0.days', '1'],
      ['episode.0.color', 'unsure'],
      ['episode.0.source', 'vaginal'],
      ['episode.0.sex', 'none'],
      ['episode.0.symptoms', ['discharge', 'odor', 'fever']],
      ['episode.0.frequency', 'few'],
      ['episode.0.other_dates', '2025-02-12, 2025-01-15'],
      ['episode.0.note', ''],
      ...NO_MORE_EPISODES(1),
      ...ANALYZE_NO_SAVE,
    ]);
    const { log } = run.outcome;
    expect(dayOn(log.days, '2025-03-12')).toEqual({
      date: '2025-03-12',
      bleeding: 'light',
      bleeding_source: 'vaginal',
      discharge: 'unusual',
      odor: true,
      fever: true,
      notes: 'happened 2 or 3 times in the last 3 months',
    });
    for (const date of ['2025-02-12', '2025-01-15']) {
      expect(dayOn(log.days, date)).toMatchObject({
        bleeding: 'light',
        discharge: 'unusual',
        fever: true,
        notes: 'the same happened on 2025-03-12 (from the interview)',
      });
    }
    expect(flagsOf(run)).toContain('pelvic-infection-red-flags:urgent');
    expect(flagsOf(run)).toContain('recurrent-intermenstrual-spotting:soon');
  });
});
