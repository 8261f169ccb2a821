import { describe, expect, it } from 'vitest';
import {
  parseDateAnswer,
  parseDateList,
  parseWholeNumber,
} from '../../src/interview/parse-answer.ts';
import {
  ANALYZE_NO_SAVE,
  NO_CONTRACEPTION,
  NO_MORE_EPISODES,
  NOT_PREGNANT,
  TODAY,
  runScript,
} from './helpers.ts';

describe('parseDateAnswer (today is 2025-03-15)', () => {
  it.each([
    ['2025-03-12', '2025-03-12'],
    ['2025-3-2', '2025-03-02'],
    ['2025/03/02', '2025-03-02'],
    ['today', '2025-03-15'],
    ['Yesterday', '2025-03-14'],
    ['3 days ago', '2025-03-12'],
    ['1 day ago', '2025-03-14'],
    ['2 weeks ago', '2025-03-01'],
    ['20 days ago', '2025-02-23'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (text, date) => {
    expect(parseDateAnswer(text, TODAY)).toEqual({ ok: true, value: date });
  });

  it.each([
    ['2025-02-29', '2025-02 has no day 29'],
    ['2025-13-01', 'There is no month 13'],
    ['12/03/2025', 'Type a date like 2025-03-12'],
    ['last tuesday', 'Type a date like 2025-03-12'],
    ['', 'Type a date like 2025-03-12'],
  ])('%s is refused: %s', (text, reason) => {
    const parsed = parseDateAnswer(text, TODAY);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  it('parses a list of dates and names the bad one', () => {
    expect(parseDateList('2025-02-01, 3 days ago; 2025-01-05', TODAY)).toEqual({
      ok: true,
      value: ['2025-02-01', '2025-03-12', '2025-01-05'],
    });
    const bad = parseDateList('2025-02-01, 2025-02-30', TODAY);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/^"2025-02-30": /);
  });

  it.each([
    ['7', false],
    ['8', true],
    ['100', true],
    ['101', false],
    ['3.5', false],
    ['-4', false],
    ['thirty', false],
  ])('age %s accepted: %s', (text, ok) => {
    expect(parseWholeNumber(text, 8, 100, 'years').ok).toBe(ok);
  });
});

describe('invalid answers are re-asked with a reason', () => {
  it('refuses impossible ages, future dates, misordered periods, long episodes and bad weeks', async () => {
    const run = await runScript([
      ['age', '7'],
      ['age', 'thirty'],
      ['age', '33'],
      ['contraception.0.method', 'implant'],
      ['contraception.0.start', '2025-04-01'],
      ['contraception.0.start', '1980-01-01'],
      ['contraception.0.start', '2024-12-01'],
      ['contraception.0.more', false],
      ...NOT_PREGNANT,
      ['periods.length', '40'],
      ['periods.length', '4'],
      ['periods.start.0', 'tomorrow'],
      ['periods.start.0', '2025-03-20'],
      ['periods.start.0', '2025-03-01'],
      ['periods.start.1', '2025-03-05'],
      ['periods.start.1', '2025-02-25'],
      ['periods.start.1', '2025-02-02'],
      ['periods.start.2', ''],
      ['episodes.more.0', true],
      ['episode.0.start', '2 days ago'],
      ['episode.0.what', []],
      ['episode.0.what', ['bleeding']],
      ['episode.0.amount', 'light'],
      ['episode.0.days', '5'],
      ['episode.0.days', '2'],
      ['episode.0.color', 'dark red'],
      ['episode.0.source', 'vaginal'],
      ['episode.0.sex', 'none'],
      ['episode.0.symptoms', []],
      ['episode.0.frequency', 'few'],
      ['episode.0.other_dates', '2025-03-13'],
      ['episode.0.other_dates', '2025-04-02'],
      ['episode.0.other_dates', '2025-02-14'],
      ['episode.0.note', ''],
      ...NO_MORE_EPISODES(1),
      ...ANALYZE_NO_SAVE,
    ]);
    expect(run.prompter.refused).toEqual([
      { id: 'age', answer: '7', reason: 'Type a number of years from 8 to 100.' },
      { id: 'age', answer: 'thirty', reason: 'Type a whole number of years from 8 to 100.' },
      {
        id: 'contraception.0.start',
        answer: '2025-04-01',
        reason: '2025-04-01 is in the future (today is 2025-03-15).',
      },
      {
        id: 'contraception.0.start',
        answer: '1980-01-01',
        reason: '1980-01-01 is before you were born (you are 33).',
      },
      { id: 'periods.length', answer: '40', reason: 'Type a number of days from 1 to 14.' },
      {
        id: 'periods.start.0',
        answer: 'tomorrow',
        reason: expect.stringContaining("Type a date like 2025-03-12, or 'today'"),
      },
      {
        id: 'periods.start.0',
        answer: '2025-03-20',
        reason: '2025-03-20 is in the future (today is 2025-03-15).',
      },
      {
        id: 'periods.start.1',
        answer: '2025-03-05',
        reason: 'That is not before the period that started on 2025-03-01; give the earlier one.',
      },
      {
        id: 'periods.start.1',
        answer: '2025-02-25',
        reason: expect.stringContaining('only 4 days before the period that started on 2025-03-01'),
      },
      { id: 'episode.0.what', answer: '', reason: 'Tick at least one.' },
      {
        id: 'episode.0.days',
        answer: '5',
        reason: 'It started on 2025-03-13, so it can have lasted at most 3 days up to today.',
      },
      {
        id: 'episode.0.other_dates',
        answer: '2025-03-13',
        reason: '2025-03-13 is the date of this episode; give the other times.',
      },
      {
        id: 'episode.0.other_dates',
        answer: '2025-04-02',
        reason: '2025-04-02 is in the future (today is 2025-03-15).',
      },
    ]);
    const { log } = run.outcome;
    expect(log.profile.age).toBe(33);
    expect(log.profile.contraception).toEqual([{ method: 'implant', start: '2024-12-01' }]);
    // Four-day periods: medium, medium, light, light.
    expect(
      log.days
        .filter((d) => d.date >= '2025-03-01' && d.date <= '2025-03-05')
        .map((d) => d.bleeding),
    ).toEqual(['medium', 'medium', 'light', 'light']);
  });

  it('refuses a pregnancy week over 42 and a due date too far away', async () => {
    const run = await runScript([
      ['age', '30'],
      ...NO_CONTRACEPTION,
      ['pregnancy', 'yes'],
      ['pregnancy.dating', 'week'],
      ['pregnancy.week', '43'],
      ['pregnancy.week', '20'],
      ...NO_MORE_EPISODES(0),
      ...ANALYZE_NO_SAVE,
    ]);
    expect(run.prompter.refused).toEqual([
      { id: 'pregnancy.week', answer: '43', reason: 'Type a number of weeks from 0 to 42.' },
    ]);
    expect(run.outcome.log.profile.pregnancy).toEqual({
      start: '2024-10-26',
      week: 20,
      week_on: TODAY,
    });

    const due = await runScript([
      ['age', '30'],
      ...NO_CONTRACEPTION,
      ['pregnancy', 'yes'],
      ['pregnancy.dating', 'due'],
      ['pregnancy.due', '2026-03-01'],
      ['pregnancy.due', '2025-02-01'],
      ['pregnancy.due', '2025-09-01'],
      ...NO_MORE_EPISODES(0),
      ...ANALYZE_NO_SAVE,
    ]);
    expect(due.prompter.refused.map((r) => r.reason)).toEqual([
      '2026-03-01 is more than 40 weeks away; check the year.',
      '2025-02-01 is more than 2 weeks ago; a pregnancy lasts at most 42 weeks.',
    ]);
  });

  it('offers neither "not linked to sex" after pain during sex, nor a method already given', async () => {
    const run = await runScript([
      ['age', '30'],
      ['contraception.0.method', 'condom'],
      ['contraception.0.more', true],
      ['contraception.1.method', 'combined-pill'],
      ['contraception.1.start', ''],
      ['contraception.1.more', false],
      ...NOT_PREGNANT,
      ['periods.length', ''],
      ['periods.start.0', ''],
      ['episodes.more.0', true],
      ['episode.0.start', TODAY],
      ['episode.0.what', ['bleeding', 'sex-pain']],
      ['episode.0.amount', 'spotting'],
      ['episode.0.days', '1'],
      ['episode.0.color', 'pink'],
      ['episode.0.source', 'vaginal'],
      ['episode.0.sex', 'during'],
      ['episode.0.first_sex', false],
      ['episode.0.symptoms', []],
      ['episode.0.frequency', 'once'],
      ['episode.0.note', ''],
      ...NO_MORE_EPISODES(1),
      ...ANALYZE_NO_SAVE,
    ]);
    const offered = (id: string) => run.prompter.asked.find((a) => a.id === id)?.choices;
    expect(offered('contraception.0.method')).toContain('condom');
    expect(offered('contraception.1.method')).not.toContain('condom');
    expect(offered('contraception.1.method')).not.toContain('none');
    expect(offered('episode.0.sex')).toEqual(['during', 'same-day', 'next-day']);
    // Condoms need no start date; the pill's is optional.
    expect(run.prompter.askedIds()).not.toContain('contraception.0.start');
    expect(run.outcome.log.profile.contraception).toEqual([
      { method: 'condom' },
      { method: 'combined-pill' },
    ]);
    expect(run.outcome.log.days).toEqual([
      {
        date: TODAY,
        bleeding: 'spotting',
        bleeding_source: 'vaginal',
        blood_color: 'pink',
        sex: true,
        pain_during_sex: true,
        notes: 'started during sex',
      },
    ]);
  });
});
