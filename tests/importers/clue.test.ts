import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { importError, importText } from './helpers.ts';

const clue = (records: object[]): string => JSON.stringify(records, null, 2);

describe('Clue fixture', () => {
  test('maps measurements.json', async () => {
    const result = await importText(
      'measurements.json',
      await readFile('fixtures/imports/clue-measurements.json'),
    );
    expect(result.format).toBe('clue');
    const day = (date: string) => result.log.days.find((d) => d.date === date);
    expect(day('2025-01-04')).toEqual({
      date: '2025-01-04',
      bleeding: 'heavy',
      period: true,
      cramps: 'mild',
    });
    expect(day('2025-01-15')).toEqual({
      date: '2025-01-15',
      bleeding: 'spotting',
      blood_color: 'red',
    });
    expect(day('2025-02-13')).toEqual({ date: '2025-02-13', discharge: 'normal' });
    expect(result.summary).toContainEqual({
      what: 'bbt',
      mapped: 0,
      dropped: 2,
      note: 'basal temperature is never fever',
    });
    expect(result.warnings).toEqual([]);
  });
});

describe('Clue values', () => {
  test.each([
    ['period', { option: 'light' }, { bleeding: 'light', period: true }],
    ['period', { option: 'medium' }, { bleeding: 'medium', period: true }],
    ['period', { option: 'heavy' }, { bleeding: 'heavy', period: true }],
    ['period', { option: 'very_heavy' }, { bleeding: 'heavy', period: true }],
    ['period', [{ option: 'heavy' }], { bleeding: 'heavy', period: true }],
    ['spotting', [{ option: 'brown' }], { bleeding: 'spotting', blood_color: 'brown' }],
    ['spotting', { option: 'red' }, { bleeding: 'spotting', blood_color: 'red' }],
    ['sex_life', [{ option: 'protected' }], { sex: true }],
    ['sex_life', [{ option: 'unprotected' }], { sex: true }],
    ['sex_life', [{ option: 'protected_sex' }], { sex: true }],
    ['sex_life', [{ option: 'withdrawal' }], { sex: true }],
    ['sex_life', [{ option: 'no_sex_today' }], {}],
    ['sex_life', [{ option: 'masturbation' }], {}],
    ['sex_life', [{ option: 'high_sex_drive' }], {}],
    ['pain', [{ option: 'period_cramps' }], { cramps: 'mild' }],
    ['pain', [{ option: 'headache' }, { option: 'lower_back' }], {}],
    ['discharge', [{ option: 'atypical' }], { discharge: 'unusual' }],
    ['discharge', [{ option: 'creamy' }], { discharge: 'normal' }],
    ['discharge', [{ option: 'egg_white' }], { discharge: 'normal' }],
    ['discharge', [{ option: 'none' }], {}],
    ['feelings', [{ option: 'sad' }], {}],
  ])('%s %j', async (type, value, fields) => {
    const result = await importText('m.json', clue([{ type, id: 'x', date: '2025-03-01', value }]));
    expect(result.log.days).toEqual([{ date: '2025-03-01', ...fields }]);
    expect(result.warnings).toEqual([]);
  });

  test('records of one day in separate places (grouped by type) combine', async () => {
    const result = await importText(
      'm.json',
      clue([
        { type: 'sex_life', id: '1', date: '2025-03-01', value: [{ option: 'unprotected' }] },
        { type: 'period', id: '2', date: '2025-03-05', value: { option: 'light' } },
        { type: 'spotting', id: '3', date: '2025-03-02', value: [{ option: 'red' }] },
        { type: 'pain', id: '4', date: '2025-03-02', value: [{ option: 'period_cramps' }] },
      ]),
    );
    expect(result.log.days).toEqual([
      { date: '2025-03-01', sex: true },
      { date: '2025-03-02', bleeding: 'spotting', blood_color: 'red', cramps: 'mild' },
      { date: '2025-03-05', bleeding: 'light', period: true },
    ]);
  });

  test('unknown types and options are named with counts; an unknown period option keeps the day', async () => {
    const result = await importText(
      'm.json',
      clue([
        { type: 'hydration', id: '1', date: '2025-03-01', value: [{ option: 'low' }] },
        { type: 'hydration', id: '2', date: '2025-03-02', value: [{ option: 'low' }] },
        { type: 'period', id: '3', date: '2025-03-03', value: { option: 'torrential' } },
        { type: 'pain', id: '4', date: '2025-03-03', value: [{ option: 'knee' }] },
      ]),
    );
    expect(result.log.days.find((d) => d.date === '2025-03-03')).toEqual({
      date: '2025-03-03',
      bleeding: 'light',
      period: true,
    });
    expect(result.warnings.map((w) => w.message)).toEqual([
      "not used: Clue type 'hydration' ×2 (unknown to cyclecheck)",
      "not used: period option 'torrential' ×1 (unknown to cyclecheck)",
      "not used: pain option 'knee' ×1 (unknown to cyclecheck)",
    ]);
    expect(result.warnings[0]?.line).toBe(2);
  });

  test('the birth control pill becomes a question, not a guess', async () => {
    const result = await importText(
      'm.json',
      clue([
        { type: 'birth_control_pill', id: '1', date: '2025-03-01', value: { option: 'taken' } },
      ]),
    );
    expect(result.log.profile).toEqual({});
    expect(result.gaps.map((g) => g.fact)).toEqual(['pill-type', 'age', 'menopause']);
  });
});

describe('Clue errors', () => {
  test.each([
    [
      'a bad date',
      clue([
        { type: 'period', id: 'a', date: '2025-03-01', value: {} },
        { type: 'period', id: 'b', date: '03/02/2025', value: {} },
      ]),
      11,
      '$[1].date',
    ],
    ['a record without a type', clue([{ id: 'a', date: '2025-03-01' }]), 2, '$[0].type'],
    ['broken JSON', '[{"type": "period", "date": "2025-03-01",}]', 1, 'expected a property name'],
  ])('%s is rejected with its location', async (_what, text, line, reason) => {
    const error = (await importError('m.json', text, 'clue')) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.location.line).toBe(line);
    expect(error.message).toContain(reason);
  });

  test('an object where an array belongs says what Clue writes', async () => {
    const error = (await importError('m.json', '{"data": []}', 'clue')) as InputError;
    expect(error.message).toContain('expected a JSON array of measurements');
    expect(error.hint).toContain('measurements.json');
  });
});
