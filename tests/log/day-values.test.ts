import { describe, expect, it } from 'vitest';
import type { Day, DayField } from '../../src/core/log.ts';
import {
  applyImpliedFields,
  getDateProblem,
  parseDateText,
  parseDayFieldJson,
  parseDayFieldText,
  quoteInput,
  ValueError,
} from '../../src/log/day-values.ts';
import { matchColumnName, suggestColumnName } from '../../src/log/column-names.ts';

describe('parseDayFieldText accepts every documented spelling', () => {
  const accepted: [DayField, string, unknown][] = [
    // yes/no
    ['sex', 'yes', true],
    ['sex', 'YES', true],
    ['sex', 'y', true],
    ['sex', 'Y', true],
    ['sex', 'true', true],
    ['sex', 'True', true],
    ['sex', '1', true],
    ['sex', 'x', true],
    ['sex', 'X', true],
    ['sex', ' yes ', true],
    ['sex', 'no', false],
    ['sex', 'N', false],
    ['sex', 'false', false],
    ['sex', '0', false],
    ['sex', '', undefined],
    ['sex', '   ', undefined],
    ['period', 'yes', true],
    ['odor', 'y', true],
    ['fever', '1', true],
    ['soaking', 'x', true],
    ['dizzy', 'no', false],
    ['painful_urination', 'true', true],
    ['first_sex', 'yes', true],
    ['pain_during_sex', 'yes', true],
    // bleeding
    ['bleeding', 'none', 'none'],
    ['bleeding', 'spotting', 'spotting'],
    ['bleeding', 'Light', 'light'],
    ['bleeding', 'MEDIUM', 'medium'],
    ['bleeding', 'heavy', 'heavy'],
    ['bleeding', '', undefined],
    // bleeding words people use
    ['bleeding', 'Moderate', 'medium'],
    ['bleeding', 'very  heavy', 'heavy'],
    ['bleeding', 'spotted', 'spotting'],
    ['bleeding', 'no', 'none'],
    ['bleeding', '0', 'none'],
    // source
    ['bleeding_source', 'vaginal', 'vaginal'],
    ['bleeding_source', 'Urinary', 'urinary'],
    ['bleeding_source', 'rectal', 'rectal'],
    ['bleeding_source', 'unsure', 'unsure'],
    ['bleeding_source', '', undefined],
    // severities
    ['cramps', 'none', 'none'],
    ['cramps', 'mild', 'mild'],
    ['cramps', 'Moderate', 'moderate'],
    ['pelvic_pain', 'severe', 'severe'],
    ['cramps', 'light', 'mild'],
    ['cramps', 'medium', 'moderate'],
    ['cramps', 'no', 'none'],
    // discharge
    ['discharge', 'none', 'none'],
    ['discharge', 'normal', 'normal'],
    ['discharge', 'unusual', 'unusual'],
    ['discharge', 'creamy', 'normal'],
    ['discharge', 'Sticky', 'normal'],
    ['discharge', 'egg-white', 'normal'],
    ['discharge', 'egg white', 'normal'],
    ['discharge', 'Egg  White', 'normal'],
    ['discharge', 'watery', 'normal'],
    ['discharge', 'dry', 'normal'],
    ['discharge', 'atypical', 'unusual'],
    ['discharge', 'ABNORMAL', 'unusual'],
    // temperature
    ['temperature', '36.6', 36.6],
    ['temperature', '38', 38],
    ['temperature', '36,6', 36.6],
    ['temperature', '38.2 °C', 38.2],
    ['temperature', '38.2C', 38.2],
    ['temperature', '30', 30],
    ['temperature', '45', 45],
    ['temperature', '', undefined],
    // free text
    ['notes', '  after the gym  ', 'after the gym'],
    ['notes', 'line one\r\nline two', 'line one\nline two'],
    ['notes', 'crème brûlée, 😀', 'crème brûlée, 😀'],
    ['notes', '', undefined],
    ['blood_color', 'Bright red', 'Bright red'],
  ];
  it.each(accepted)('%s %j → %j', (field, text, expected) => {
    expect(parseDayFieldText(field, text)).toEqual(expected);
  });
});

describe('parseDayFieldText rejects invalid values with what a valid one looks like', () => {
  const rejected: [DayField, string, string][] = [
    ['bleeding', 'lots', 'bleeding: "lots" is not one of none, spotting, light, medium, heavy'],
    [
      'bleeding',
      'yes',
      'bleeding: "yes" says there was bleeding but not how much: write spotting, light, medium or heavy',
    ],
    ['cramps', 'x', 'cramps: "x" does not say how bad: write mild, moderate or severe'],
    [
      'sex',
      'maybe',
      'sex: "maybe" is not yes or no (use yes/no, y/n, true/false, 1/0, x, or leave it blank)',
    ],
    ['period', '2', 'period: "2" is not yes or no'],
    [
      'bleeding_source',
      'nose',
      'bleeding_source: "nose" is not one of vaginal, urinary, rectal, unsure',
    ],
    ['cramps', 'bad', 'cramps: "bad" is not one of none, mild, moderate, severe'],
    ['pelvic_pain', 'high', 'pelvic_pain: "high" is not one of none, mild, moderate, severe'],
    ['discharge', 'green', 'discharge: "green" is not one of none, normal, unusual'],
    ['temperature', 'hot', 'temperature: "hot" is not a temperature in °C, e.g. 36.6'],
    ['temperature', '29.9', 'temperature: 29.9 is not a plausible body temperature (30–45 °C)'],
    ['temperature', '45.1', 'temperature: 45.1 is not a plausible body temperature (30–45 °C)'],
    [
      'temperature',
      '98.6',
      'temperature: 98.6 is not a plausible body temperature (30–45 °C); if that is °F, it is 37.0 °C',
    ],
    ['temperature', '-5', 'temperature: "-5" is not a temperature in °C'],
    ['notes', 'a\u0000b', 'notes: contains a NUL character'],
    ['notes', 'a\ud800b', 'notes: contains an invalid character'],
  ];
  it.each(rejected)('%s %j', (field, text, message) => {
    expect(() => parseDayFieldText(field, text)).toThrow(ValueError);
    expect(() => parseDayFieldText(field, text)).toThrow(message);
  });
});

describe('parseDayFieldJson', () => {
  const accepted: [DayField, unknown, unknown][] = [
    ['sex', true, true],
    ['sex', false, false],
    ['sex', 1, true],
    ['sex', 0, false],
    ['sex', 'yes', true],
    ['sex', null, undefined],
    ['bleeding', 'Heavy', 'heavy'],
    ['bleeding', null, undefined],
    ['temperature', 38.5, 38.5],
    ['temperature', '38.5', 38.5],
    ['discharge', 'egg white', 'normal'],
    ['notes', ' hi ', 'hi'],
  ];
  it.each(accepted)('%s %j → %j', (field, value, expected) => {
    expect(parseDayFieldJson(field, value)).toEqual(expected);
  });

  const rejected: [DayField, unknown, string][] = [
    ['sex', 2, 'sex: 2 is not yes or no'],
    ['sex', [], 'sex: a list is not yes or no'],
    ['bleeding', 3, 'bleeding: 3 is not one of none, spotting, light, medium, heavy'],
    ['bleeding', true, 'bleeding: true is not one of'],
    ['temperature', 120, 'temperature: 120 is not a plausible body temperature'],
    ['temperature', {}, 'temperature: an object is not a temperature'],
    ['notes', 5, 'notes: 5 is not text; write it as a string'],
  ];
  it.each(rejected)('%s %j', (field, value, message) => {
    expect(() => parseDayFieldJson(field, value)).toThrow(message);
  });

  it('names the problem without the field, for messages that already show a JSON path', () => {
    try {
      parseDayFieldJson('bleeding', 'lots');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValueError);
      expect((error as ValueError).field).toBe('bleeding');
      expect((error as ValueError).problem).toBe(
        '"lots" is not one of none, spotting, light, medium, heavy',
      );
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('dates', () => {
  it.each(['2025-03-12', '2024-02-29', '1900-01-01', '2100-12-31'])('%s is valid', (text) => {
    expect(getDateProblem(text)).toBeUndefined();
    expect(parseDateText('date', ` ${text} `)).toBe(text);
  });

  const rejected: [string, string][] = [
    ['2025-02-30', '"2025-02-30" is not a real calendar date (no day 30 in that month)'],
    ['2025-02-29', '"2025-02-29" is not a real calendar date'],
    ['2025-13-45', '"2025-13-45" is not a real calendar date (there is no month 13)'],
    ['2025-00-10', '"2025-00-10" is not a real calendar date (there is no month 00)'],
    ['0000-01-01', '"0000-01-01": year 0000 is outside 1900–2100'],
    ['1899-12-31', '"1899-12-31": year 1899 is outside 1900–2100'],
    ['2101-01-01', '"2101-01-01": year 2101 is outside 1900–2100'],
    ['12/03/2025', '"12/03/2025" is not a date in the form YYYY-MM-DD, e.g. 2025-03-12'],
    ['2025-3-12', '"2025-3-12" is not a date in the form YYYY-MM-DD'],
    ['2025-03-12T10:00', '"2025-03-12T10:00" is not a date in the form YYYY-MM-DD'],
  ];
  it.each(rejected)('%s is rejected', (text, message) => {
    expect(getDateProblem(text)).toMatch(new RegExp(`^${escape(message)}`));
    expect(() => parseDateText('date', text)).toThrow(`date: ${message}`);
  });

  it('a blank required date is an error', () => {
    expect(() => parseDateText('date', '  ')).toThrow(
      'date: missing; expected a date in the form YYYY-MM-DD',
    );
  });
});

describe('columns', () => {
  it.each([
    ['date', 'date'],
    [' Date ', 'date'],
    ['BLEEDING', 'bleeding'],
    ['Bleeding Source', 'bleeding_source'],
    ['bleeding-source', 'bleeding_source'],
    ['odour', 'odor'],
    ['Odour', 'odor'],
    ['blood_colour', 'blood_color'],
    ['notes', 'notes'],
  ])('%j → %s', (name, column) => {
    expect(matchColumnName(name)).toEqual({ target: column, how: 'canonical' });
  });

  it.each(['mood', '', '__proto__', 'constructor'])('%j is not a column', (name) => {
    expect(matchColumnName(name)).toBeUndefined();
  });

  it('suggests a close column name and nothing for a distant one', () => {
    expect(suggestColumnName('bleding')).toBe('bleeding');
    expect(suggestColumnName('notse')).toBe('notes');
    expect(suggestColumnName('mood')).toBeUndefined();
  });
});

describe('applyImpliedFields', () => {
  it.each<[Day, boolean | undefined]>([
    [{ date: '2025-01-01', first_sex: true }, true],
    [{ date: '2025-01-01', pain_during_sex: true }, true],
    [{ date: '2025-01-01', first_sex: true, sex: false }, true],
    [{ date: '2025-01-01', first_sex: false }, undefined],
    [{ date: '2025-01-01' }, undefined],
  ])('%j → sex %j', (day, sex) => {
    const copy = { ...day };
    applyImpliedFields(copy);
    expect(copy.sex).toBe(sex);
  });
});

describe('quoteInput', () => {
  it('quotes, shortens and strips terminal escapes from input shown in messages', () => {
    expect(quoteInput('lots')).toBe('"lots"');
    expect(quoteInput('x'.repeat(60))).toBe(`"${'x'.repeat(39)}…"`);
    expect(quoteInput('\u001b[31mred')).toBe('"red"');
    expect(quoteInput(3)).toBe('3');
  });
});
