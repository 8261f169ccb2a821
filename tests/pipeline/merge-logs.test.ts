import { describe, expect, test } from 'vitest';
import type { CycleLog, Profile } from '../../src/core/log.ts';
import {
  dropAnsweredGaps,
  MAX_LISTED_CONFLICTS,
  mergeImports,
} from '../../src/pipeline/merge-logs.ts';
import type { ImportResult, ProfileGap } from '../../src/log/import-contract.ts';

function result(log: CycleLog, extra: Partial<ImportResult> = {}): ImportResult {
  return { log, format: 'csv', warnings: [], summary: [], gaps: [], ...extra };
}

const iudGap: ProfileGap = {
  fact: 'iud-type',
  message: 'your export says IUD (on 2025-01-01) but not which kind',
};

describe('mergeImports', () => {
  test('days merge by date: highest amount, worst severity, yes wins; conflicts name both files', () => {
    const apple = result(
      {
        profile: { contraception: [{ method: 'iud', start: '2024-06-03' }] },
        days: [
          { date: '2025-03-01', bleeding: 'light', sex: true },
          { date: '2025-03-02', bleeding: 'heavy', cramps: 'mild' },
        ],
      },
      { format: 'apple-health', gaps: [iudGap] },
    );
    const diary = result({
      profile: { contraception: [{ method: 'copper-iud', start: '2024-06-01' }], age: 34 },
      days: [
        { date: '2025-03-02', bleeding: 'light', cramps: 'severe', notes: 'bad day' },
        { date: '2025-03-03', bleeding: 'spotting' },
      ],
    });
    const { result: merged, conflicts } = mergeImports([apple, diary], ['export.zip', 'diary.csv']);
    expect(merged.log.days).toEqual([
      { date: '2025-03-01', bleeding: 'light', sex: true },
      { date: '2025-03-02', bleeding: 'heavy', cramps: 'severe', notes: 'bad day' },
      { date: '2025-03-03', bleeding: 'spotting' },
    ]);
    expect(conflicts.map((c) => c.message)).toEqual([
      '2025-03-02: bleeding is heavy in export.zip but light in diary.csv; kept heavy',
      '2025-03-02: cramps is mild in export.zip but severe in diary.csv; kept severe',
    ]);
    expect(conflicts[0]?.file).toBe('diary.csv');
    // The typed IUD from the diary refines Apple's "IUD"; the question is answered.
    expect(merged.log.profile).toEqual({
      age: 34,
      contraception: [{ method: 'copper-iud', start: '2024-06-01' }],
    });
    expect(merged.gaps).toEqual([]);
    expect(merged.format).toBe('apple-health');
  });

  test('a profile fact two files disagree on: the later file wins, and the conflict is reported', () => {
    const a = result({
      profile: { menopause: 'peri', not_tracked: [{ from: '2025-01-01', to: '2025-01-05' }] },
      days: [],
    });
    const b = result({
      profile: { menopause: 'post', not_tracked: [{ from: '2024-12-01', to: '2024-12-02' }] },
      days: [],
    });
    const { result: merged, conflicts } = mergeImports([a, b], ['a.json', 'b.csv']);
    expect(merged.log.profile).toEqual({
      menopause: 'post',
      not_tracked: [
        { from: '2024-12-01', to: '2024-12-02' },
        { from: '2025-01-01', to: '2025-01-05' },
      ],
    });
    expect(conflicts).toEqual([
      {
        file: 'b.csv',
        message: 'profile menopause: peri in a.json but post in b.csv; kept post (the later file)',
      },
    ]);
  });

  test('the same value in both files, or a value in only one, is no conflict', () => {
    const a = result({
      profile: { age: 30 },
      days: [{ date: '2025-03-01', bleeding: 'light', period: true }],
    });
    const b = result({
      profile: { age: 30 },
      days: [{ date: '2025-03-01', bleeding: 'light', sex: true }],
    });
    const { result: merged, conflicts } = mergeImports([a, b], ['a', 'b']);
    expect(conflicts).toEqual([]);
    expect(merged.log.days).toEqual([
      { date: '2025-03-01', bleeding: 'light', period: true, sex: true },
    ]);
  });

  test('many disagreeing days are listed up to a limit, then counted', () => {
    const days = (level: 'light' | 'heavy') =>
      Array.from({ length: MAX_LISTED_CONFLICTS + 5 }, (_, i) => ({
        date: `2025-03-${String(i + 1).padStart(2, '0')}`,
        bleeding: level,
      }));
    const { conflicts } = mergeImports(
      [result({ profile: {}, days: days('light') }), result({ profile: {}, days: days('heavy') })],
      ['a', 'b'],
    );
    expect(conflicts).toHaveLength(MAX_LISTED_CONFLICTS + 1);
    expect(conflicts.at(-1)?.message).toMatch(/^5 more days where the files disagree/);
  });

  test('warnings, summaries and Apple notes of every file are kept', () => {
    const a = result(
      { profile: {}, days: [] },
      { warnings: [{ file: 'a', message: 'one' }], appNotes: [{ date: '2025-01-01', text: 'x' }] },
    );
    const b = result(
      { profile: {}, days: [] },
      {
        warnings: [{ file: 'b', message: 'two' }],
        summary: [{ what: 'period', mapped: 1, dropped: 0 }],
      },
    );
    const { result: merged } = mergeImports([a, b]);
    expect(merged.warnings.map((w) => w.message)).toEqual(['one', 'two']);
    expect(merged.summary).toHaveLength(1);
    expect(merged.appNotes).toEqual([{ date: '2025-01-01', text: 'x' }]);
  });
});

describe('dropAnsweredGaps', () => {
  const gaps: ProfileGap[] = [
    { fact: 'age', message: 'drip: age?' },
    { fact: 'age', message: 'Clue: age?' },
    { fact: 'menopause', message: 'menopause?' },
    iudGap,
    { fact: 'pill-type', message: 'which pill?' },
    { fact: 'contraception-dates', message: 'your export shows the implant in use from …' },
  ];

  test('asks each person-level question once', () => {
    const untypedIud = { contraception: [{ method: 'iud' as const }] };
    expect(dropAnsweredGaps(gaps, {}, untypedIud).map((g) => g.fact)).toEqual([
      'age',
      'menopause',
      'iud-type',
      'pill-type',
      'contraception-dates',
    ]);
  });

  test('drops what the profile answers', () => {
    const given: Profile = {
      birth_date: '1990',
      menopause: 'pre',
      contraception: [
        { method: 'hormonal-iud', start: '2024-01-01' },
        { method: 'progestogen-pill' },
        { method: 'implant', start: '2023-05-01' },
      ],
    };
    expect(dropAnsweredGaps(gaps, given, given)).toEqual([]);
  });

  test("an import's own guesses do not answer its questions (Apple's Oral, Flo's due date)", () => {
    const guessed: Profile = {
      contraception: [{ method: 'combined-pill', start: '2025-01-01' }],
      pregnancy: { due: '2026-01-06' },
    };
    const questions: ProfileGap[] = [
      { fact: 'pill-type', message: 'which pill?' },
      { fact: 'pregnancy-week', message: 'which week?' },
    ];
    expect(dropAnsweredGaps(questions, {}, guessed).map((g) => g.fact)).toEqual([
      'pill-type',
      'pregnancy-week',
    ]);
    // The same facts given on the command line do answer them.
    expect(dropAnsweredGaps(questions, guessed, guessed)).toEqual([]);
  });

  test('the IUD question goes once no untyped IUD is left, and the week once a week or due date is given', () => {
    const iudAndWeek: ProfileGap[] = [iudGap, { fact: 'pregnancy-week', message: 'which week?' }];
    const untyped: Profile = { contraception: [{ method: 'iud' }] };
    expect(dropAnsweredGaps(iudAndWeek, {}, untyped).map((g) => g.fact)).toEqual([
      'iud-type',
      'pregnancy-week',
    ]);
    const given: Profile = {
      contraception: [{ method: 'condom' }],
      pregnancy: { due: '2025-09-01' },
    };
    expect(dropAnsweredGaps(iudAndWeek, given, given)).toEqual([]);
  });
});
