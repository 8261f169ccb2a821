/* eslint-disable no-control-regex -- matching control characters is the point of this file */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/text/sanitize.ts';

// What a terminal may act on: C0 and C1 controls, DEL, bidi controls, line separators.
const TERMINAL_UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('formatJson', () => {
  it('writes C1 controls, bidi controls and line separators as \\u escapes', () => {
    const note = 'a\u009b31m b\u202eevil\u202c c\u2066d\u2069 e\u2028f \u001b[2J';
    const json = formatJson({ note }, 2);
    // Indented output has its own newlines, and only those.
    expect(json.replaceAll('\n', '')).not.toMatch(TERMINAL_UNSAFE);
    expect(json).toContain('\\u009b31m');
    expect(json).toContain('\\u202eevil\\u202c');
    expect(JSON.parse(json)).toEqual({ note });
  });

  it('is JSON.stringify where nothing needs escaping', () => {
    const value = { a: [1, 'two', { three: 'é ü 😀 –' }], b: null };
    expect(formatJson(value)).toBe(JSON.stringify(value));
    expect(formatJson(value, 2)).toBe(JSON.stringify(value, null, 2));
  });

  it('any string round-trips, and compact output holds nothing a terminal acts on', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const json = formatJson({ text });
        expect(JSON.parse(json)).toEqual({ text });
        expect(json).not.toMatch(TERMINAL_UNSAFE);
      }),
      { numRuns: 500 },
    );
  });
});
