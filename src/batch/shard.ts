/**
 * `--shard K/N`: a contiguous 1/N of the sorted file list, so that the N outputs, concatenated
 * in shard order, are exactly the output of one machine running the whole list.
 */
import { UsageError } from '../errors.ts';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

const SHARD = /^(\d{1,7})\/(\d{1,7})$/;

export function parseShardSpec(text: string): Shard {
  const m = SHARD.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UsageError(
      `--shard: "${text}" is not K/N with 1 ≤ K ≤ N`,
      'For example --shard 3/8 processes the third of eight equal parts of the sorted file list.',
    );
  }
  return { index, count };
}

/** The half-open range [start, end) of a list of `total` items that shard `shard` takes. */
export function getShardRange(total: number, shard: Shard): { start: number; end: number } {
  return {
    start: Math.floor(((shard.index - 1) * total) / shard.count),
    end: Math.floor((shard.index * total) / shard.count),
  };
}
