import { describe, expect, it } from 'vitest';
import { makeChalk, shouldUseColor } from '../../src/render/color.ts';

describe('shouldUseColor', () => {
  it.each([
    ['a terminal', {}, true, false, true],
    ['not a terminal', {}, false, false, false],
    ['--no-color on a terminal', {}, true, true, false],
    ['NO_COLOR=1 on a terminal', { NO_COLOR: '1' }, true, false, false],
    ['NO_COLOR empty is ignored', { NO_COLOR: '' }, true, false, true],
    ['TERM=dumb on a terminal', { TERM: 'dumb' }, true, false, false],
    ['FORCE_COLOR=1 into a pipe', { FORCE_COLOR: '1' }, false, false, true],
    ['FORCE_COLOR=0 on a terminal', { FORCE_COLOR: '0' }, true, false, true],
    ['NO_COLOR beats FORCE_COLOR', { NO_COLOR: '1', FORCE_COLOR: '1' }, true, false, false],
    ['--no-color beats FORCE_COLOR', { FORCE_COLOR: '1' }, false, true, false],
  ])('%s', (_name, env, isTTY, noColorFlag, expected) => {
    expect(shouldUseColor({ env, isTTY, noColorFlag })).toBe(expected);
  });

  it('makeChalk(false) emits no escapes; makeChalk(true) does', () => {
    expect(makeChalk(false).red('x')).toBe('x');
    expect(makeChalk(true).red('x')).toBe('\u001b[31mx\u001b[39m');
  });
});
