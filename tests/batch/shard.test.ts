import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getShardRange, parseShardSpec } from '../../src/batch/shard.ts';
import { UsageError } from '../../src/errors.ts';

describe('parseShardSpec', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['3/8', { index: 3, count: 8 }],
    [' 8/8 ', { index: 8, count: 8 }],
  ])('%s', (text, expected) => {
    expect(parseShardSpec(text)).toEqual(expected);
  });

  it.each(['0/4', '5/4', '1/0', '2', 'a/b', '-1/4', '1/4/2', '', '1.5/4'])('rejects %j', (text) => {
    expect(() => parseShardSpec(text)).toThrow(UsageError);
  });
});

describe('getShardRange', () => {
  it('splits any list into contiguous, disjoint shards that cover it in order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 300 }),
        (total, count) => {
          let expectedStart = 0;
          for (let index = 1; index <= count; index++) {
            const { start, end } = getShardRange(total, { index, count });
            expect(start).toBe(expectedStart);
            expect(end).toBeGreaterThanOrEqual(start);
            // Shards differ in size by at most one file.
            expect(end - start).toBeLessThanOrEqual(Math.ceil(total / count));
            expect(end - start).toBeGreaterThanOrEqual(Math.floor(total / count));
            expectedStart = end;
          }
          expect(expectedStart).toBe(total);
        },
      ),
    );
  });

  it('gives 10 files to 4 shards as 2, 3, 2, 3', () => {
    const sizes = [1, 2, 3, 4].map((index) => {
      const { start, end } = getShardRange(10, { index, count: 4 });
      return end - start;
    });
    expect(sizes).toEqual([2, 3, 2, 3]);
  });
});
