import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { inputFromBytes } from '../../src/io/input-file.ts';
import { jsonImporter, parseCanonicalJson } from '../../src/log/canonical-json.ts';

function errorOf(text: string): InputError {
  try {
    parseCanonicalJson(text, 'log.json');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parseCanonicalJson: reading', () => {
  it('reads the object shape with a profile', () => {
    const text = JSON.stringify({
      format: 'cyclecheck-log/1',
      profile: {
        age: 32,
        menopause: 'pre',
        contraception: [{ method: 'copper-iud', start: '2024-06-01' }],
      },
      days: [
        { date: '2025-03-13', bleeding: 'light' },
        { date: '2025-03-12', bleeding: 'spotting', sex: true, Odour: 'yes', temperature: 38.1 },
      ],
    });
    const result = parseCanonicalJson(text, 'log.json');
    expect(result.format).toBe('json');
    expect(result.warnings).toEqual([]);
    expect(result.log).toEqual({
      profile: {
        age: 32,
        menopause: 'pre',
        contraception: [{ method: 'copper-iud', start: '2024-06-01' }],
      },
      days: [
        { date: '2025-03-12', bleeding: 'spotting', sex: true, odor: true, temperature: 38.1 },
        { date: '2025-03-13', bleeding: 'light' },
      ],
    });
  });

  it('reads a bare array of days, without format', () => {
    const result = parseCanonicalJson(
      '[{"date": "2025-03-12", "bleeding": null, "first_sex": true}]',
      'log.json',
    );
    expect(result.log).toEqual({
      profile: {},
      days: [{ date: '2025-03-12', sex: true, first_sex: true }],
    });
  });

  it('reads an object without format, and a null profile', () => {
    const result = parseCanonicalJson(
      '{"profile": null, "days": [{"date": "2025-03-12", "bleeding": "none"}]}',
      'x',
    );
    expect(result.log).toEqual({ profile: {}, days: [{ date: '2025-03-12', bleeding: 'none' }] });
  });

  it('tolerates a BOM and CRLF line ends', () => {
    const result = parseCanonicalJson(
      '\uFEFF{\r\n"format": "cyclecheck-log/1", "days": [\r\n{"date": "2025-03-12"}]}',
      'x',
    );
    expect(result.log.days).toEqual([{ date: '2025-03-12' }]);
  });

  it('warns once per unknown day key, with its path and line', () => {
    const text =
      '[\n{"date": "2025-03-01", "mood": "ok", "bleeding": null},\n{"date": "2025-03-02", "mood": "sad", "bleding": "light"}\n]';
    const result = parseCanonicalJson(text, 'log.json');
    expect(result.warnings).toEqual([
      {
        file: 'log.json',
        line: 2,
        message: '[0].mood: unknown field "mood" is ignored in every day',
      },
      {
        file: 'log.json',
        line: 3,
        message:
          '[1].bleding: unknown field "bleding" is ignored in every day (did you mean bleeding?)',
      },
    ]);
    expect(result.log.days).toEqual([{ date: '2025-03-01' }, { date: '2025-03-02' }]);
  });

  it('warns about unknown top-level and profile keys', () => {
    const text =
      '{"format": "cyclecheck-log/1", "app": "x", "profile": {"nickname": "A"}, "days": []}';
    expect(parseCanonicalJson(text, 'log.json').warnings.map((w) => w.message)).toEqual([
      'app: unknown top-level key ignored (expected format, profile, days)',
      'profile.nickname: unknown profile key ignored (known keys: name, age, birth_date, menopause, contraception, pregnancy, not_tracked, last_screening, medicines, as_of)',
      'days: no days; the log is empty',
    ]);
  });

  it('merges duplicate dates with a warning', () => {
    const text =
      '[{"date": "2025-03-01", "bleeding": "light", "fever": false}, {"date": "2025-03-01", "bleeding": "heavy", "fever": true}]';
    const result = parseCanonicalJson(text, 'log.json');
    expect(result.log.days).toEqual([{ date: '2025-03-01', bleeding: 'heavy', fever: true }]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'date 2025-03-01 appears on more than one row; the rows were merged (highest amount, worst severity, yes wins)',
    ]);
  });
});

describe('parseCanonicalJson: invalid input names the place and the problem', () => {
  it.each([
    [
      'bad value with its path',
      '{"days": [\n  {"date": "2025-03-01"},\n  {"date": "2025-03-02", "bleeding": "lots"}\n]}',
      'log.json:3:38:days[1].bleeding: "lots" is not one of none, spotting, light, medium, heavy',
    ],
    [
      'bad date',
      '[{"date": "2025-02-30"}]',
      'log.json:1:11:[0].date: "2025-02-30" is not a real calendar date',
    ],
    [
      'date as a number',
      '[{"date": 20250301}]',
      'log.json:1:11:[0].date: 20250301 is not a date; write it as a string "YYYY-MM-DD"',
    ],
    [
      'missing date',
      '[{"bleeding": "light"}]',
      'log.json:1:2:[0]: missing "date"; every day needs one',
    ],
    [
      'day not an object',
      '[{"date": "2025-03-01"}, "2025-03-02"]',
      'log.json:1:26:[1]: expected a day object like {"date": "2025-03-12", "bleeding": "spotting"}, found "2025-03-02"',
    ],
    [
      'repeated field',
      '[{"date": "2025-03-01", "odor": true, "odour": false}]',
      'log.json:1:48:[0].odour: repeats "odor"; each field may appear once',
    ],
    [
      'wrong format',
      '{"format": "clue", "days": []}',
      'log.json:1:12:format: "clue" is not "cyclecheck-log/1"',
    ],
    ['no days', '{"profile": {}}', 'log.json:1:1: no "days" list'],
    ['days not a list', '{"days": {}}', 'log.json:1:10:days: "days" must be a list of days'],
    ['not an object or array', '"hello"', 'log.json:1:1: expected an object like'],
    [
      'bad profile value',
      '{"profile": {"age": 7}, "days": []}',
      'log.json:1:21:profile.age: 7 is not a whole number from 8 to 100',
    ],
    [
      'syntax error with line and column',
      '{\n  "days": [\n    {"date": "2025-03-01",}\n  ]\n}',
      'log.json:3:27: invalid JSON: expected a property name in double quotes, found "}"',
    ],
    [
      'truncated',
      '[{"date": "2025-03-01"}',
      'log.json:1:24: invalid JSON: expected "," or "]" after an array element, found end of file',
    ],
    [
      'unterminated string',
      '[{"date": "2025-03-01}]',
      'log.json:1:11: invalid JSON: unterminated string',
    ],
    [
      'trailing text',
      '[] x',
      'log.json:1:4: invalid JSON: unexpected "x" after the end of the JSON value',
    ],
    [
      '__proto__ key',
      '[{"date": "2025-03-01",\n "__proto__": {"sex": true}}]',
      'log.json:2:2: "__proto__" is not allowed as a key',
    ],
    [
      'constructor key in the profile',
      '{"profile": {"constructor": {}}, "days": []}',
      'log.json:1:14: "constructor" is not allowed as a key',
    ],
    [
      'prototype key',
      '{"days": [], "x": {"prototype": 1}}',
      'log.json:1:20: "prototype" is not allowed as a key',
    ],
    [
      'deep nesting',
      `{"days": [], "x": ${'['.repeat(100)}`,
      'log.json:1:50: invalid JSON: nesting deeper than 32 levels',
    ],
    ['empty file', '  \n', 'log.json:1: the file is empty; a JSON log looks like'],
    [
      'binary',
      '{"days": []}\u0000',
      'log.json:1: this is a binary file (it contains NUL bytes), not a JSON log',
    ],
  ])('%s', (_name, text, message) => {
    const error = errorOf(text);
    expect(error.message.startsWith(message), error.message).toBe(true);
  });

  it('survives very deep nesting without a stack overflow', () => {
    const error = errorOf('['.repeat(200_000) + ']'.repeat(200_000));
    expect(error.message).toMatch(/^log\.json:1:33: invalid JSON: nesting deeper than 32 levels/);
  });

  it('carries line, column and path in the structured location', () => {
    const error = errorOf('[\n{"date": "2025-03-01", "cramps": "meh"}]');
    expect(error.location).toEqual({ line: 2, column: 34, path: '[0].cramps' });
  });

  it('never sets a prototype through a day', () => {
    errorOf('[{"date": "2025-03-01", "__proto__": {"polluted": true}}]');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('jsonImporter', () => {
  it('reads bytes and refuses what is neither UTF-8 nor Windows-1252', async () => {
    const ok = await jsonImporter.read(
      inputFromBytes(
        'in.json',
        Buffer.from('[{"date": "2025-03-01", "bleeding": null, "notes": "ça va"}]'),
      ),
      { forced: false },
    );
    expect(ok.log.days).toEqual([{ date: '2025-03-01', notes: 'ça va' }]);
    const bad = await jsonImporter
      .read(inputFromBytes('in.json', Buffer.from([0x5b, 0x81, 0x5d])), { forced: false })
      .catch((e: unknown) => e);
    expect((bad as Error).message).toMatch(
      /^in\.json:1: the file is not valid UTF-8 text, nor Windows-1252/,
    );
  });
});
