import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { importError, importText } from './helpers.ts';

interface Tables {
  periods?: object[];
  symptoms?: object[];
  symptom_date?: object[];
  [table: string]: unknown;
}

const BUILT_IN = [
  { id: '1', symptom_name: 'Heavy_Flow', active: '1', color: 'Red' },
  { id: '2', symptom_name: 'Medium_Flow', active: '1', color: 'Red' },
  { id: '3', symptom_name: 'Light_Flow', active: '1', color: 'Red' },
];

function mensinator(tables: Tables): string {
  return JSON.stringify(
    {
      periods: [],
      symptoms: BUILT_IN,
      symptom_date: [],
      ovulations: [],
      app_settings: [],
      ...tables,
    },
    null,
    1,
  );
}

/** One symptom on one date, the symptom defined with the given name. */
async function withSymptom(name: string) {
  return importText(
    'm.json',
    mensinator({
      symptoms: [...BUILT_IN, { id: '9', symptom_name: name, active: '1', color: 'Blue' }],
      symptom_date: [{ id: '1', symptom_date: '2025-03-01', symptom_id: '9' }],
    }),
  );
}

describe('Mensinator', () => {
  test('maps the fixture; periods take their amount from the flow symptoms', async () => {
    const result = await importText(
      'mensinator.json',
      await readFile('fixtures/imports/mensinator.json'),
    );
    expect(result.format).toBe('mensinator');
    const day = (date: string) => result.log.days.find((d) => d.date === date);
    expect(day('2025-01-04')).toEqual({
      date: '2025-01-04',
      bleeding: 'heavy',
      period: true,
      cramps: 'mild',
    });
    expect(day('2025-01-15')).toEqual({ date: '2025-01-15', bleeding: 'spotting' });
    expect(day('2025-01-14')).toEqual({ date: '2025-01-14', sex: true });
    expect(result.warnings.map((w) => w.message)).toEqual([
      "not used: symptom 'Headache' ×1 (unknown to cyclecheck)",
    ]);
    expect(result.summary).toContainEqual({
      what: 'ovulations',
      mapped: 0,
      dropped: 1,
      note: 'ovulation marks are not used',
    });
  });

  test('a period day without a flow symptom is a light period day', async () => {
    const result = await importText(
      'm.json',
      mensinator({ periods: [{ id: '1', date: '2025-03-01', period_id: '1' }] }),
    );
    expect(result.log.days).toEqual([{ date: '2025-03-01', bleeding: 'light', period: true }]);
  });

  test.each([
    ['Heavy_Flow', { bleeding: 'heavy' }],
    ['Medium_Flow', { bleeding: 'medium' }],
    ['Light_Flow', { bleeding: 'light' }],
    ['Spotting', { bleeding: 'spotting' }],
    ['spotting', { bleeding: 'spotting' }],
    ['SEX', { sex: true }],
    ['Intercourse', { sex: true }],
    ['Cramps', { cramps: 'mild' }],
    ['Pelvic pain', { pelvic_pain: 'mild' }],
    ['Pain_during_sex', { pain_during_sex: true, sex: true }],
    ['pain-during-sex', { pain_during_sex: true, sex: true }],
    ['Discharge', { discharge: 'normal' }],
    ['Unusual discharge', { discharge: 'unusual' }],
    ['Fever', { fever: true }],
    ['Odour', { odor: true }],
    ['Burning urination', { painful_urination: true }],
    ['Dizziness', { dizzy: true }],
  ])('symptom %s', async (name, fields) => {
    const result = await withSymptom(name);
    expect(result.log.days).toEqual([{ date: '2025-03-01', ...fields }]);
    expect(result.warnings).toEqual([]);
  });

  test('every unmapped symptom name is reported with its count', async () => {
    const result = await importText(
      'm.json',
      mensinator({
        symptoms: [...BUILT_IN, { id: '7', symptom_name: 'Bloating', active: '1', color: 'Grey' }],
        symptom_date: [
          { id: '1', symptom_date: '2025-03-01', symptom_id: '7' },
          { id: '2', symptom_date: '2025-03-02', symptom_id: '7' },
          { id: '3', symptom_date: '2025-03-03', symptom_id: '42' },
        ],
        notes_v2: [{ id: '1' }],
      }),
    );
    expect(result.log.days.map((d) => d.date)).toEqual(['2025-03-01', '2025-03-02', '2025-03-03']);
    expect(result.warnings.map((w) => w.message)).toEqual([
      "not used: symptom 'Bloating' ×2 (unknown to cyclecheck)",
      "not used: symptom id (not in the symptoms table) '42' ×1 (unknown to cyclecheck)",
      "not used: table 'notes_v2' ×1 (unknown to cyclecheck)",
    ]);
  });

  test.each([
    [
      'a bad period date',
      mensinator({ periods: [{ id: '1', date: '1.3.2025', period_id: '1' }] }),
      '$.periods[0].date',
    ],
    ['no periods table', '{"symptoms": []}', '$.periods: missing'],
    ['a symptom without a name', mensinator({ symptoms: [{ id: '1' }] }), 'symptom_name'],
  ])('%s is rejected with its location', async (_what, text, reason) => {
    const error = (await importError('m.json', text, 'mensinator')) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.location.line).toBeGreaterThan(0);
    expect(error.message).toContain(reason);
  });
});
