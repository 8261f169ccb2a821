import { describe, expect, it } from 'vitest';
import type { Profile } from '../../src/core/log.ts';
import { InputError } from '../../src/errors.ts';
import { parseJsonText } from '../../src/log/json-text.ts';
import {
  applyProfileText,
  formatContraceptionSpec,
  formatPregnancySpec,
  mergeProfiles,
  parseAgeText,
  parseAsOfText,
  parseBirthDateText,
  parseContraceptionSpec,
  parseDateRangeSpec,
  parseMenopauseText,
  parsePregnancySpec,
  parseProfileJson,
  parseScreeningSpec,
} from '../../src/log/profile.ts';
import { JsonCursor } from '../../src/log/source-site.ts';

describe('age', () => {
  it.each([
    ['8', 8],
    ['32', 32],
    [' 100 ', 100],
  ])('%j → %d', (text, age) => expect(parseAgeText(text)).toBe(age));

  it.each([
    ['7', 'age: 7 is not a whole number from 8 to 100'],
    ['101', 'age: 101 is not a whole number from 8 to 100'],
    ['32.5', 'age: "32.5" is not a whole number of years, e.g. 32'],
    ['thirty', 'age: "thirty" is not a whole number of years'],
    ['', 'age: "" is not a whole number of years'],
  ])('%j is rejected', (text, message) => {
    expect(() => parseAgeText(text)).toThrow(message);
  });

  it('throws a plain Error without a site and an InputError with one', () => {
    expect(() => parseAgeText('7')).toThrow(Error);
    expect(() => parseAgeText('7')).not.toThrow(InputError);
    try {
      parseAgeText('7', { file: 'log.csv', line: 3 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toBe(
        'log.csv:3: age: 7 is not a whole number from 8 to 100',
      );
    }
  });
});

describe('birth_date, menopause, as_of', () => {
  it.each([
    ['1990-04-12', '1990-04-12'],
    ['1990', '1990'],
  ])('birth date %j', (text, expected) => expect(parseBirthDateText(text)).toBe(expected));

  it.each([
    ['1899', 'birth_date: year 1899 is outside 1900–2100'],
    ['1990-02-30', 'birth_date: "1990-02-30" is not a real calendar date'],
    [
      '12.4.1990',
      'birth_date: "12.4.1990" is not a date; use YYYY-MM-DD, or YYYY when only the year is known',
    ],
  ])('birth date %j is rejected', (text, message) => {
    expect(() => parseBirthDateText(text)).toThrow(message);
  });

  it.each(['pre', 'peri', 'POST'])('menopause %s', (text) => {
    expect(parseMenopauseText(text)).toBe(text.toLowerCase());
  });

  it('rejects an unknown menopause state', () => {
    expect(() => parseMenopauseText('during')).toThrow(
      'menopause: "during" is not one of pre, peri, post',
    );
  });

  it('as_of is a date', () => {
    expect(parseAsOfText('2025-03-15')).toBe('2025-03-15');
    expect(() => parseAsOfText('2025-02-29')).toThrow(
      'as_of: "2025-02-29" is not a real calendar date',
    );
  });
});

describe('parseContraceptionSpec', () => {
  it.each([
    ['copper-iud', { method: 'copper-iud' }],
    ['Copper IUD', { method: 'copper-iud' }],
    ['copper-iud@2024-06-01', { method: 'copper-iud', start: '2024-06-01' }],
    [
      'hormonal-iud@2024-06-01..2025-01-01',
      { method: 'hormonal-iud', start: '2024-06-01', end: '2025-01-01' },
    ],
    ['implant@..2025-01-01', { method: 'implant', end: '2025-01-01' }],
    ['combined-pill@2024-06-01..', { method: 'combined-pill', start: '2024-06-01' }],
    ['iud', { method: 'iud' }],
    ['none', { method: 'none' }],
    ['ring@2025-01-01..2025-01-01', { method: 'ring', start: '2025-01-01', end: '2025-01-01' }],
  ])('%j', (text, expected) => {
    expect(parseContraceptionSpec(text)).toEqual(expected);
    expect(parseContraceptionSpec(formatContraceptionSpec(parseContraceptionSpec(text)))).toEqual(
      expected,
    );
  });

  it.each([
    [
      'copper',
      'contraception: "copper" is not a method; did you mean copper-iud? use one of copper-iud,',
    ],
    ['pill', 'contraception: "pill" is not a method; use one of'],
    ['copper-iud@', 'contraception: "copper-iud@" has "@" but no date; use METHOD@START[..END]'],
    ['copper-iud@2024-13-01', 'contraception start: "2024-13-01" is not a real calendar date'],
    [
      'copper-iud@2024-06-01..June',
      'contraception end: "June" is not a date in the form YYYY-MM-DD',
    ],
    [
      'copper-iud@2025-01-01..2024-06-01',
      'contraception: the end 2024-06-01 is before the start 2025-01-01',
    ],
  ])('%j is rejected', (text, message) => {
    expect(() => parseContraceptionSpec(text)).toThrow(message);
  });
});

describe('parsePregnancySpec', () => {
  it.each([
    ['start=2025-02-15 week=6@2025-03-29', { start: '2025-02-15', week: 6, week_on: '2025-03-29' }],
    ['week=6@2025-03-29', { week: 6, week_on: '2025-03-29' }],
    ['due=2025-11-01', { due: '2025-11-01' }],
    ['due=2025-11-01 end=2025-10-20', { end: '2025-10-20', due: '2025-11-01' }],
    ['start=2025-02-15', { start: '2025-02-15' }],
    ['start=2025-02-15, end=2025-04-01', { start: '2025-02-15', end: '2025-04-01' }],
    ['week=0@2025-03-29', { week: 0, week_on: '2025-03-29' }],
    ['week=42@2025-03-29', { week: 42, week_on: '2025-03-29' }],
    // 19 weeks and 6 days on the 29th is 19 weeks on the 23rd: week 20 begins on the 30th.
    ['week=19+6@2025-03-29', { week: 19, week_on: '2025-03-23' }],
    ['WEEK=8@2025-03-29', { week: 8, week_on: '2025-03-29' }],
  ])('%j', (text, expected) => {
    expect(parsePregnancySpec(text)).toEqual(expected);
    expect(parsePregnancySpec(formatPregnancySpec(parsePregnancySpec(text)))).toEqual(expected);
  });

  it.each([
    ['week=43@2025-03-29', 'pregnancy week: 43 is not a whole number from 0 to 42'],
    ['week=6', 'pregnancy: week needs the date it applies to, e.g. week=6@2025-03-29'],
    ['week=6+7@2025-03-29', 'pregnancy week: "6+7": days after "+" must be 0 to 6'],
    ['week=six@2025-03-29', 'pregnancy week: "six" is not a week'],
    [
      'due=2025-11-01 week=6@2025-03-29',
      'pregnancy: give either a week on a date or a due date, not both',
    ],
    ['end=2025-04-01', 'pregnancy: no start, week or due date'],
    [
      'start=2025-04-01 end=2025-02-01',
      'pregnancy: the end 2025-02-01 is before the start 2025-04-01',
    ],
    ['start=2025-04-01 start=2025-04-02', 'pregnancy: start= is given twice'],
    ['lmp=2025-04-01', 'pregnancy: "lmp=2025-04-01" is not understood; use start=DATE'],
    ['2025-04-01', 'pregnancy: "2025-04-01" is not understood'],
    ['', 'pregnancy: missing'],
    ['due=2025-02-30', 'pregnancy due: "2025-02-30" is not a real calendar date'],
  ])('%j is rejected', (text, message) => {
    expect(() => parsePregnancySpec(text)).toThrow(message);
  });
});

describe('parseDateRangeSpec and parseScreeningSpec', () => {
  it.each([
    ['2025-03-20..2025-03-31', { from: '2025-03-20', to: '2025-03-31' }],
    [' 2025-03-20 .. 2025-03-31 ', { from: '2025-03-20', to: '2025-03-31' }],
    ['2025-03-20..2025-03-20', { from: '2025-03-20', to: '2025-03-20' }],
    ['2025-03-20', { from: '2025-03-20', to: '2025-03-20' }],
  ])('range %j', (text, expected) => expect(parseDateRangeSpec(text)).toEqual(expected));

  it.each([
    ['2025-03-31..2025-03-20', 'not_tracked: the end 2025-03-20 is before the start 2025-03-31'],
    ['2025-03-20..', 'not_tracked end: missing'],
    ['March', 'not_tracked: "March" is not a date in the form YYYY-MM-DD'],
  ])('range %j is rejected', (text, message) => {
    expect(() => parseDateRangeSpec(text)).toThrow(message);
  });

  it('reads a screening date with optional result words, on one line', () => {
    expect(parseScreeningSpec('2024-05-01')).toEqual({ date: '2024-05-01' });
    expect(parseScreeningSpec('2024-05-01 normal,  HPV\nnegative')).toEqual({
      date: '2024-05-01',
      result: 'normal, HPV negative',
    });
    expect(() => parseScreeningSpec('last May')).toThrow('last_screening: "last" is not a date');
  });
});

describe('applyProfileText', () => {
  it('adds list items (comma-separated or repeated) and sets single values', () => {
    const profile: Profile = {};
    applyProfileText(profile, 'age', '32');
    applyProfileText(
      profile,
      'contraception',
      'copper-iud@2024-06-01..2025-01-01, implant@2025-01-02',
    );
    applyProfileText(profile, 'contraception', 'condom');
    applyProfileText(profile, 'not_tracked', '2025-03-20..2025-03-31');
    applyProfileText(profile, 'last_screening', '2024-05-01 normal');
    expect(profile).toEqual({
      age: 32,
      contraception: [
        { method: 'copper-iud', start: '2024-06-01', end: '2025-01-01' },
        { method: 'implant', start: '2025-01-02' },
        { method: 'condom' },
      ],
      not_tracked: [{ from: '2025-03-20', to: '2025-03-31' }],
      last_screening: { date: '2024-05-01', result: 'normal' },
    });
  });
});

function profileFrom(text: string) {
  const { value, locations } = parseJsonText(text);
  return parseProfileJson(value, JsonCursor.root('p.json', locations, value));
}

function profileError(text: string): string {
  try {
    profileFrom(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('parseProfileJson', () => {
  it('reads every key in its object form', () => {
    const { profile, warnings } = profileFrom(`{
      "as_of": "2025-03-15",
      "age": 32, "birth_date": "1993", "menopause": "pre",
      "contraception": [{"method": "copper-iud", "start": "2024-06-01"}],
      "pregnancy": {"start": "2025-02-01", "week": 8, "week_on": "2025-03-29"},
      "not_tracked": [{"from": "2025-03-20", "to": "2025-03-31"}],
      "last_screening": {"date": "2024-05-01", "result": "normal"}
    }`);
    expect(warnings).toEqual([]);
    expect(profile).toEqual({
      age: 32,
      birth_date: '1993',
      menopause: 'pre',
      contraception: [{ method: 'copper-iud', start: '2024-06-01' }],
      pregnancy: { start: '2025-02-01', week: 8, week_on: '2025-03-29' },
      not_tracked: [{ from: '2025-03-20', to: '2025-03-31' }],
      last_screening: { date: '2024-05-01', result: 'normal' },
      as_of: '2025-03-15',
    });
    // Keys come out in canonical order whatever the input order.
    expect(Object.keys(profile)[0]).toBe('age');
    expect(Object.keys(profile).at(-1)).toBe('as_of');
  });

  it('accepts the one-line spec strings as values too', () => {
    const { profile } = profileFrom(`{
      "contraception": ["copper-iud@2024-06-01"], "pregnancy": "due=2025-11-01",
      "not_tracked": "2025-03-20..2025-03-31", "last_screening": "2024-05-01 normal", "age": "40"
    }`);
    expect(profile).toEqual({
      age: 40,
      contraception: [{ method: 'copper-iud', start: '2024-06-01' }],
      pregnancy: { due: '2025-11-01' },
      not_tracked: [{ from: '2025-03-20', to: '2025-03-31' }],
      last_screening: { date: '2024-05-01', result: 'normal' },
    });
  });

  it('warns about unknown keys and does not copy them', () => {
    const { profile, warnings } = profileFrom(
      '{"age": 30, "weight": 60, "contraception": [{"method": "ring", "brand": "x"}]}',
    );
    expect(profile).toEqual({ age: 30, contraception: [{ method: 'ring' }] });
    expect(warnings.map((w) => w.message)).toEqual([
      'weight: unknown profile key ignored (known keys: name, age, birth_date, menopause, contraception, pregnancy, not_tracked, last_screening, medicines, as_of)',
      'contraception[0].brand: unknown key ignored (known keys: method, start, end)',
    ]);
    expect(warnings[0]!.line).toBe(1);
  });

  it('treats null and empty lists as not given', () => {
    expect(profileFrom('{"age": null, "contraception": [], "not_tracked": []}').profile).toEqual(
      {},
    );
  });

  it.each([
    ['{"age": 7}', 'p.json:1:9:age: 7 is not a whole number from 8 to 100'],
    ['{"age": 101}', 'p.json:1:9:age: 101 is not a whole number from 8 to 100'],
    ['{"age": 32.5}', 'p.json:1:9:age: 32.5 is not a whole number from 8 to 100'],
    ['{"age": true}', 'p.json:1:9:age: true is not valid here; expected a whole number, e.g. 32'],
    ['{"menopause": "yes"}', 'p.json:1:15:menopause: "yes" is not one of pre, peri, post'],
    [
      '{"contraception": [{"start": "2024-06-01"}]}',
      'p.json:1:20:contraception[0]: missing "method", e.g. {"method": "copper-iud"}',
    ],
    [
      '{"contraception": [{"method": "coil"}]}',
      'p.json:1:31:contraception[0].method: "coil" is not a method',
    ],
    [
      '{\n"pregnancy": {"week": 43, "week_on": "2025-03-29"}}',
      'p.json:2:23:pregnancy.week: 43 is not a whole number from 0 to 42',
    ],
    [
      '{"pregnancy": {"week": 42}}',
      'p.json:1:15:pregnancy: week and week_on must be given together',
    ],
    [
      '{"not_tracked": [{"from": "2025-03-31", "to": "2025-03-20"}]}',
      'p.json:1:18:not_tracked[0]: the end 2025-03-20 is before the start 2025-03-31',
    ],
    [
      '{"as_of": 20250315}',
      'p.json:1:11:as_of: 20250315 is not valid here; expected a date "YYYY-MM-DD"',
    ],
    ['[1]', 'p.json:1:1: expected an object such as {"age": 32, "menopause": "pre"}, found a list'],
  ])('%s → %s', (text, message) => {
    expect(profileError(text)).toMatch(
      new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });

  it('refuses prototype keys even in objects not made by the JSON parser', () => {
    const hostile = JSON.parse('{"age": 30, "__proto__": {"polluted": true}}') as unknown;
    expect(() => parseProfileJson(hostile, JsonCursor.detached('p.json', 'profile'))).toThrow(
      'p.json:profile.__proto__: "__proto__" is not allowed as a key',
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('mergeProfiles', () => {
  const base: Profile = {
    age: 30,
    menopause: 'pre',
    contraception: [{ method: 'copper-iud', start: '2024-06-01' }],
    not_tracked: [{ from: '2025-01-01', to: '2025-01-10' }],
  };

  it('lets the override win key by key', () => {
    expect(mergeProfiles(base, { age: 31, as_of: '2025-03-01' })).toEqual({
      age: 31,
      menopause: 'pre',
      contraception: [{ method: 'copper-iud', start: '2024-06-01' }],
      not_tracked: [{ from: '2025-01-01', to: '2025-01-10' }],
      as_of: '2025-03-01',
    });
  });

  it.each([
    [{ birth_date: '1980-01-01' }, { age: 30 }, { age: 30 }],
    [{ age: 30 }, { birth_date: '1970' }, { birth_date: '1970' }],
    [{ age: 30, birth_date: '1980-01-01' }, { age: 41 }, { age: 41 }],
    [
      { birth_date: '1980-01-01' },
      { menopause: 'peri' },
      { birth_date: '1980-01-01', menopause: 'peri' },
    ],
  ] as [Profile, Profile, Profile][])(
    'age and birth date are one fact: %j under %j gives %j',
    (under, over, expected) => {
      expect(mergeProfiles(under, over)).toEqual(expected);
    },
  );

  it('replaces a list rather than adding to it', () => {
    const merged = mergeProfiles(base, { contraception: [{ method: 'hormonal-iud' }] });
    expect(merged.contraception).toEqual([{ method: 'hormonal-iud' }]);
    expect(merged.not_tracked).toEqual(base.not_tracked);
  });

  it('keeps the base when the override is empty, and does not modify its inputs', () => {
    const copy = structuredClone(base);
    expect(mergeProfiles(base, {})).toEqual(base);
    mergeProfiles(base, { age: 50 });
    expect(base).toEqual(copy);
  });
});
