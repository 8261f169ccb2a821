import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { classifyFloEvent } from '../../src/importers/flo.ts';
import { importError, importText } from './helpers.ts';

function flo(data: {
  cycles?: object[];
  point_events_manual_v2?: object[];
  notes?: object[];
  [k: string]: unknown;
}): string {
  return JSON.stringify(
    { operationalData: { cycles: [], point_events_manual_v2: [], notes: [], ...data } },
    null,
    2,
  );
}

describe('Flo', () => {
  test('maps the fixture', async () => {
    const result = await importText('flo.json', await readFile('fixtures/imports/flo.json'));
    expect(result.format).toBe('flo');
    const day = (date: string) => result.log.days.find((d) => d.date === date);
    expect(day('2025-01-04')).toEqual({
      date: '2025-01-04',
      bleeding: 'heavy',
      period: true,
      cramps: 'mild',
    });
    expect(day('2025-01-15')).toMatchObject({
      bleeding: 'spotting',
      notes: 'spotting after sex, pinkish; stopped by evening',
    });
    // The cramps were logged at 00:10 UTC on the 13th, on the person's 12th.
    expect(day('2025-02-12')).toEqual({ date: '2025-02-12', sex: true, cramps: 'mild' });
  });

  test('every day of a cycle is a period day, with its intensity (a JSON string) or light', async () => {
    const result = await importText(
      'f.json',
      flo({
        cycles: [
          {
            period_start_date: '2025-03-30 00:00:00.0',
            period_end_date: '2025-04-02 00:00:00.0',
            period_intensity: '{"0":3,"1":2}',
            pregnant: false,
          },
        ],
      }),
    );
    expect(result.log.days).toEqual([
      { date: '2025-03-30', bleeding: 'heavy', period: true },
      { date: '2025-03-31', bleeding: 'medium', period: true },
      { date: '2025-04-01', bleeding: 'light', period: true },
      { date: '2025-04-02', bleeding: 'light', period: true },
    ]);
  });

  test.each([
    ['Sex', 'Protected', { kind: 'flag', field: 'sex' }],
    ['SexProtected', '', { kind: 'flag', field: 'sex' }],
    ['Sex', 'Unprotected', { kind: 'flag', field: 'sex' }],
    ['Sex', 'HighSexDrive', { kind: 'drop' }],
    ['Symptom', 'DrawingPain', { kind: 'severity', field: 'cramps' }],
    ['Symptom', 'AbdominalPain', { kind: 'severity', field: 'cramps' }],
    ['Symptom', 'PelvicPain', { kind: 'severity', field: 'pelvic_pain' }],
    ['Symptom', 'Fever', { kind: 'flag', field: 'fever' }],
    ['Symptom', 'Headache', { kind: 'drop' }],
    ['Fluid', 'Spotting', { kind: 'bleeding', level: 'spotting' }],
    ['Fluid', 'Eggwhite', { kind: 'discharge', value: 'normal' }],
    ['Fluid', 'Unusual', { kind: 'discharge', value: 'unusual' }],
    ['Spotting', '', { kind: 'bleeding', level: 'spotting' }],
    ['Period', 'Heavy', { kind: 'bleeding', level: 'heavy', period: true }],
    ['Pills', 'TakenOnTime', { kind: 'pill' }],
    ['Mood', 'Happy', { kind: 'drop' }],
    ['Hydration', 'Low', { kind: 'unknown' }],
  ])('event %s/%s', (category, subcategory, action) => {
    expect(classifyFloEvent(category, subcategory)).toMatchObject(action);
  });

  test('unknown categories and sections are named with counts', async () => {
    const result = await importText(
      'f.json',
      flo({
        point_events_manual_v2: [
          { category: 'Hydration', subcategory: 'Low', date: '2025-03-01 10:00:00.0' },
          { category: 'Hydration', subcategory: 'Low', date: '2025-03-02 10:00:00.0' },
        ],
        repeatable_child_point_events: [{}, {}, {}],
      }),
    );
    expect(result.log.days.map((d) => d.date)).toEqual(['2025-03-01', '2025-03-02']);
    expect(result.warnings.map((w) => w.message)).toEqual([
      "not used: event 'Hydration/Low' ×2 (unknown to cyclecheck)",
      "not used: section 'operationalData.repeatable_child_point_events' ×3 (unknown to cyclecheck)",
    ]);
  });

  test('a pregnant cycle becomes a dated pregnancy and a question', async () => {
    const result = await importText(
      'f.json',
      flo({
        cycles: [
          {
            period_start_date: '2024-06-01 00:00:00.0',
            period_end_date: '2024-06-04 00:00:00.0',
            pregnant: true,
          },
          {
            period_start_date: '2025-05-10 00:00:00.0',
            period_end_date: '2025-05-13 00:00:00.0',
            pregnant: false,
          },
        ],
      }),
    );
    expect(result.log.profile.pregnancy).toEqual({ due: '2025-03-08', end: '2025-05-09' });
    expect(result.gaps[0]).toMatchObject({ fact: 'pregnancy-week' });
  });

  test.each([
    [
      'a bad cycle date',
      flo({ cycles: [{ period_start_date: 'yesterday' }] }),
      5,
      'period_start_date',
    ],
    ['no operationalData', '{"cycles": []}', 1, 'missing the "operationalData" object'],
    [
      'an event without a date',
      flo({ point_events_manual_v2: [{ category: 'Sex' }] }),
      5,
      'point_events_manual_v2[0].date',
    ],
  ])('%s is rejected with its location', async (_what, text, line, reason) => {
    const error = (await importError('f.json', text, 'flo')) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.location.line).toBe(line);
    expect(error.message).toContain(reason);
  });
});
