import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { importError, importText } from './helpers.ts';

const HEADER =
  'date,temperature.value,temperature.exclude,temperature.time,temperature.note,bleeding.value,bleeding.exclude,mucus.feeling,mucus.texture,mucus.value,mucus.exclude,cervix.opening,cervix.firmness,cervix.position,cervix.exclude,note.value,desire.value,sex.solo,sex.partner,sex.condom,sex.pill,sex.iud,sex.patch,sex.ring,sex.implant,sex.diaphragm,sex.none,sex.other,sex.note,pain.cramps,pain.ovulationPain,pain.headache,pain.backache,pain.nausea,pain.tenderBreasts,pain.migraine,pain.other,pain.note,mood.happy,mood.sad,mood.stressed,mood.balanced,mood.fine,mood.anxious,mood.energetic,mood.fatigue,mood.angry,mood.other,mood.note'.split(
    ',',
  );

/** A drip export with the given cells (raw CSV text per cell), newest row first like drip. */
function dripCsv(rows: Record<string, string>[], extraColumns: string[] = []): string {
  const columns = [...HEADER, ...extraColumns];
  return [columns.join(','), ...rows.map((row) => columns.map((c) => row[c] ?? '').join(','))].join(
    '\n',
  );
}

describe('drip fixture', () => {
  test('maps the example export, newest-first rows into date order', async () => {
    const bytes = await readFile('fixtures/imports/drip-data.csv');
    const result = await importText('drip-data.csv', bytes);
    expect(result.format).toBe('drip');
    const dates = result.log.days.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]).toBe('2025-01-03');
    const day = (date: string) => result.log.days.find((d) => d.date === date);
    expect(day('2025-01-04')).toEqual({
      date: '2025-01-04',
      bleeding: 'heavy',
      period: true,
      cramps: 'mild',
    });
    expect(day('2025-01-14')).toEqual({ date: '2025-01-14', sex: true });
    expect(day('2025-01-15')).toEqual({
      date: '2025-01-15',
      bleeding: 'spotting',
      notes: 'spotting after sex, pinkish; stopped by evening',
    });
    expect(day('2025-02-12')?.notes).toBe('pain: cramping after sex');
    // A day with only mood or temperature is still a logged day, with nothing to report.
    expect(day('2025-02-20')).toEqual({ date: '2025-02-20' });
    expect(result.log.profile.contraception).toEqual([{ method: 'iud' }]);
    expect(result.gaps.find((g) => g.fact === 'iud-type')?.message).toContain(
      '`--contraception copper-iud@DATE` or `hormonal-iud@DATE`',
    );
    expect(result.summary).toContainEqual({
      what: 'temperature',
      mapped: 0,
      dropped: 3,
      note: 'basal temperature is never fever',
    });
    expect(result.summary.find((r) => r.what === 'bleeding.value')?.mapped).toBe(10);
  });
});

describe('drip values', () => {
  test.each([
    ['0', 'spotting'],
    ['1', 'light'],
    ['2', 'medium'],
    ['3', 'heavy'],
  ])('bleeding.value %s is %s, a period day unless excluded', async (value, level) => {
    const kept = await importText(
      'd.csv',
      dripCsv([{ date: '2025-03-01', 'bleeding.value': value, 'bleeding.exclude': 'false' }]),
    );
    expect(kept.log.days).toEqual([{ date: '2025-03-01', bleeding: level, period: true }]);
    const excluded = await importText(
      'd.csv',
      dripCsv([{ date: '2025-03-01', 'bleeding.value': value, 'bleeding.exclude': 'true' }]),
    );
    expect(excluded.log.days).toEqual([{ date: '2025-03-01', bleeding: level }]);
  });

  test('an unknown bleeding value is named in a warning and not guessed', async () => {
    const result = await importText(
      'd.csv',
      dripCsv([{ date: '2025-03-01', 'bleeding.value': '7' }]),
    );
    expect(result.log.days).toEqual([{ date: '2025-03-01' }]);
    expect(result.warnings).toEqual([
      {
        file: 'd.csv',
        line: 2,
        message: "not used: value of bleeding.value '7' ×1 (unknown to cyclecheck)",
      },
    ]);
  });

  test.each([
    ['pain.cramps', 'true', { cramps: 'mild' }],
    ['pain.cramps', 'false', {}],
    ['sex.partner', 'true', { sex: true }],
    ['sex.solo', 'true', {}],
    ['mucus.texture', '0', {}],
    ['mucus.texture', '1', { discharge: 'normal' }],
    ['mucus.texture', '2', { discharge: 'normal' }],
    ['temperature.value', '38.4', {}],
    ['note.value', '"a note, with a comma"', { notes: 'a note, with a comma' }],
    ['sex.note', 'sore', { notes: 'sex: sore' }],
  ])('%s = %s', async (column, value, fields) => {
    const result = await importText('d.csv', dripCsv([{ date: '2025-03-01', [column]: value }]));
    expect(result.log.days).toEqual([{ date: '2025-03-01', ...fields }]);
    expect(result.warnings).toEqual([]);
  });

  test('a yes/no column with another word is reported', async () => {
    const result = await importText(
      'd.csv',
      dripCsv([{ date: '2025-03-01', 'pain.cramps': 'yes' }]),
    );
    expect(result.log.days).toEqual([{ date: '2025-03-01' }]);
    expect(result.warnings[0]?.message).toContain("value of pain.cramps 'yes'");
  });

  test('a quoted note may span lines', async () => {
    const result = await importText(
      'd.csv',
      dripCsv([
        { date: '2025-03-02', 'note.value': '"line one\nline two"' },
        { date: '2025-03-01', 'pain.cramps': 'true' },
      ]),
    );
    expect(result.log.days).toEqual([
      { date: '2025-03-01', cramps: 'mild' },
      { date: '2025-03-02', notes: 'line one\nline two' },
    ]);
  });

  test('sex on one day and bleeding on the next stay on their own dates', async () => {
    const result = await importText(
      'd.csv',
      dripCsv([
        { date: '2025-03-02', 'bleeding.value': '0', 'bleeding.exclude': 'true' },
        { date: '2025-03-01', 'sex.partner': 'true' },
      ]),
    );
    expect(result.log.days).toEqual([
      { date: '2025-03-01', sex: true },
      { date: '2025-03-02', bleeding: 'spotting' },
    ]);
  });
});

describe('drip contraception', () => {
  test('the pill is asked about, never assumed', async () => {
    const result = await importText(
      'd.csv',
      dripCsv([{ date: '2025-03-01', 'sex.partner': 'true', 'sex.pill': 'true' }]),
    );
    expect(result.log.profile).toEqual({});
    expect(result.gaps.map((g) => g.fact)).toContain('pill-type');
  });

  test('an implant is in use for the whole log, without an invented start date', async () => {
    const result = await importText(
      'd.csv',
      dripCsv([
        { date: '2025-03-09', 'sex.partner': 'true', 'sex.implant': 'true' },
        { date: '2025-01-02', 'sex.partner': 'true', 'sex.implant': 'true' },
      ]),
    );
    expect(result.log.profile.contraception).toEqual([{ method: 'implant' }]);
    expect(result.gaps.find((g) => g.fact === 'contraception-dates')?.message).toContain(
      'from 2025-01-02 to 2025-03-09',
    );
  });
});

describe('drip tolerance and errors', () => {
  test('columns from a newer drip are named once with their count, and the rest still imports', async () => {
    const result = await importText(
      'd.csv',
      dripCsv(
        [
          { date: '2025-03-02', 'bleeding.value': '2', 'bleeding.pad': '3' },
          { date: '2025-03-01', 'bleeding.value': '1', 'bleeding.pad': '1' },
        ],
        ['bleeding.pad'],
      ),
    );
    expect(result.log.days.map((d) => d.bleeding)).toEqual(['light', 'medium']);
    expect(result.warnings).toEqual([
      {
        file: 'd.csv',
        line: 2,
        message: "not used: column 'bleeding.pad' ×2 (unknown to cyclecheck)",
      },
    ]);
    expect(result.summary).toContainEqual({
      what: 'bleeding.pad',
      mapped: 0,
      dropped: 2,
      note: 'unknown',
    });
  });

  test('a date that appears twice is combined and reported', async () => {
    const result = await importText(
      'd.csv',
      dripCsv([
        { date: '2025-03-01', 'bleeding.value': '1' },
        { date: '2025-03-01', 'bleeding.value': '3' },
      ]),
    );
    expect(result.log.days).toEqual([{ date: '2025-03-01', bleeding: 'heavy', period: true }]);
    expect(result.warnings[0]).toMatchObject({
      line: 3,
      message: expect.stringContaining('first on line 2'),
    });
  });

  test.each([
    [
      'a bad date',
      dripCsv([{ date: '2025-03-01' }, { date: '2025-13-01' }]),
      3,
      1,
      "'2025-13-01' is not a date",
    ],
    [
      'a short row',
      dripCsv([{ date: '2025-03-01' }]) + '\n2025-03-02,1,2',
      3,
      undefined,
      'has 3 values but the header has 49',
    ],
    [
      'an unclosed quote',
      dripCsv([{ date: '2025-03-01', 'note.value': '"never closed' }]),
      2,
      undefined,
      'never closed',
    ],
    [
      'no date column',
      'temperature.value,bleeding.value\n36.5,1',
      1,
      undefined,
      'no `date` column',
    ],
  ])('%s is rejected with its location', async (_what, text, line, column, reason) => {
    const error = await importError('d.csv', text, 'drip');
    expect(error).toBeInstanceOf(InputError);
    const input = error as InputError;
    expect(input.location.line).toBe(line);
    expect(input.location.column).toBe(column);
    expect(input.message).toContain(reason);
    expect(input.message.startsWith(`d.csv:${line}`)).toBe(true);
  });
});
