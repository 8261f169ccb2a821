/** In CI a missing tool fails the run instead of skipping its tests (required-tools.ts). */
import { describe, expect, it } from 'vitest';
import { decideRequirement, isCi } from './required-tools.ts';

describe('isCi', () => {
  it.each([
    [{ CI: 'true' }, true],
    [{ CI: '1' }, true],
    [{ CI: 'TRUE' }, true],
    [{ CI: 'false' }, false],
    [{ CI: '0' }, false],
    [{ CI: '' }, false],
    [{}, false],
  ])('%j → %s', (env, expected) => {
    expect(isCi(env)).toBe(expected);
  });
});

describe('decideRequirement', () => {
  it('runs the tests when the tool is there, in CI or not', () => {
    expect(decideRequirement(true, { CI: 'true' })).toBe('run');
    expect(decideRequirement(true, {})).toBe('run');
  });

  it('skips them on a developer machine without the tool', () => {
    expect(decideRequirement(false, {})).toBe('skip');
  });

  it('fails in CI without the tool', () => {
    expect(decideRequirement(false, { CI: 'true' })).toBe('fail');
  });
});
