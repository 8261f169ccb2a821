import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonTextError, parseJsonText } from '../../src/log/json-text.ts';

function errorOf(text: string, maxDepth?: number): JsonTextError {
  try {
    parseJsonText(text, maxDepth === undefined ? {} : { maxDepth });
  } catch (error) {
    expect(error).toBeInstanceOf(JsonTextError);
    return error as JsonTextError;
  }
  throw new Error('expected a JsonTextError');
}

describe('parseJsonText', () => {
  it.each([
    '0',
    '-1.5e3',
    '1E+2',
    '"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00"',
    'true',
    'false',
    'null',
    '[]',
    '{}',
    ' [1, [2, {"a": [null]}], "x"] ',
  ])('parses %s like JSON.parse', (text) => {
    expect(parseJsonText(text).value).toEqual(JSON.parse(text));
  });

  it('agrees with JSON.parse on generated documents', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'small' }), (text) => {
        const expected: unknown = JSON.parse(text);
        // Prototype keys are refused by design; everything else must match.
        if (/"(__proto__|constructor|prototype)"\s*:/.test(text)) return;
        expect(JSON.parse(JSON.stringify(parseJsonText(text).value))).toEqual(expected);
      }),
    );
  });

  it('remembers where members start', () => {
    const { value, locations } = parseJsonText('{\n  "days": [\n    {"date": "x"},\n    5\n  ]\n}');
    const days = (value as { days: object[] }).days;
    expect(locations.of(value as object)).toEqual({ line: 1, column: 1 });
    expect(locations.member(value as object, 'days')).toEqual({ line: 2, column: 11 });
    expect(locations.member(days, 0)).toEqual({ line: 3, column: 5 });
    expect(locations.member(days, 1)).toEqual({ line: 4, column: 5 });
    expect(locations.member(days[0]!, 'date')).toEqual({ line: 3, column: 14 });
  });

  it('keeps the ordinary prototype: no key can replace it', () => {
    const { value } = parseJsonText('{"a": 1, "toString": 2}');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect((value as Record<string, unknown>)['toString']).toBe(2);
    expect(() => parseJsonText('{"__proto__": {"a": 1}}')).toThrow(JsonTextError);
  });

  it.each([
    ['', 1, 1, 'no JSON value (the file is empty)'],
    ['{"a" 1}', 1, 6, 'expected ":" after property name "a", found "1"'],
    ['{"a": 1,}', 1, 9, 'expected a property name in double quotes, found "}"'],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes, found "\'"'],
    ['[1 2]', 1, 4, 'expected "," or "]" after an array element, found "2"'],
    ['[1,]', 1, 4, 'expected a JSON value, found "]"'],
    ['{"a": tru}', 1, 7, 'expected a JSON value, found "t"'],
    ['01', 1, 1, 'invalid number'],
    ['-', 1, 1, 'invalid number'],
    ['1.', 1, 1, 'invalid number'],
    ['"a\nb"', 1, 3, 'unterminated string (a line break inside a string must be written \\n)'],
    ['"a\tb"', 1, 3, 'control character inside a string'],
    ['"\\x"', 1, 2, 'invalid escape "\\x" in a string'],
    ['"\\u12"', 1, 2, 'invalid \\u escape (expected 4 hex digits)'],
    ['\n\n  "abc', 3, 3, 'unterminated string'],
    ['{} {}', 1, 4, 'unexpected "{" after the end of the JSON value'],
    ['[NaN]', 1, 2, 'expected a JSON value, found "N"'],
  ])('%j fails at %d:%d', (text, line, column, reason) => {
    const error = errorOf(text);
    expect(error.position).toEqual({ line, column });
    expect(error.reason).toBe(reason);
    expect(error.isSyntaxError).toBe(true);
  });

  it('refuses prototype keys at their position, as a non-syntax error', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const error = errorOf(`{"ok": {\n  "${key}": 1}}`);
      expect(error.position).toEqual({ line: 2, column: 3 });
      expect(error.reason).toBe(`"${key}" is not allowed as a key`);
      expect(error.isSyntaxError).toBe(false);
    }
  });

  it('refuses a key given twice in one object, where JSON.parse would drop the first', () => {
    const error = errorOf('{"days": [{"bleeding": "heavy",\n  "bleeding": "none"}]}');
    expect(error.position).toEqual({ line: 2, column: 3 });
    expect(error.reason).toBe(
      'duplicate key "bleeding" (first given on line 1); give each key once',
    );
    expect(error.isSyntaxError).toBe(false);
    // The same key in two different objects is fine.
    expect(parseJsonText('[{"a": 1}, {"a": 2}]').value).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('allows exactly maxDepth levels of nesting', () => {
    expect(() => parseJsonText('[[[]]]', { maxDepth: 3 })).not.toThrow();
    const error = errorOf('[[[[]]]]', 3);
    expect(error.position).toEqual({ line: 1, column: 4 });
    expect(error.reason).toBe('nesting deeper than 3 levels; this is not a cycle log');
    expect(() => parseJsonText('{"a":{"b":{"c":1}}}', { maxDepth: 3 })).not.toThrow();
    expect(() => parseJsonText('{"a":{"b":{"c":{}}}}', { maxDepth: 3 })).toThrow(JsonTextError);
  });
});
