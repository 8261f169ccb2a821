import { describe, expect, it } from 'vitest';
import { OrderedWorkerPool } from '../../src/batch/worker-pool.ts';

interface EchoJob {
  index: number;
  path: string;
}
interface EchoResult {
  index: number;
  path: string;
  crashed?: string;
  maxSeen?: number;
}

const workerUrl = new URL('./helpers/echo-worker.mjs', import.meta.url);

function makePool(threads: number, window = 8, workerData: unknown = {}) {
  return new OrderedWorkerPool<EchoJob, EchoResult>({
    workerUrl,
    workerData,
    threads,
    window,
    perWorker: 3,
    onCrash: (index, error) => ({ index, path: '', crashed: error.message }),
  });
}

function makeJobs(paths: string[]): EchoJob[] {
  return paths.map((path, index) => ({ index, path }));
}

describe('OrderedWorkerPool', () => {
  it.each([1, 2, 4])('yields every result in job order with %i thread(s)', async (threads) => {
    const paths = Array.from({ length: 200 }, (_, i) => `f${i}`);
    const seen: string[] = [];
    for await (const result of makePool(threads).run(makeJobs(paths))) seen.push(result.path);
    expect(seen).toEqual(paths);
  });

  it('never sends a job further ahead of the consumer than the window', async () => {
    const window = 5;
    const jobs = makeJobs(Array.from({ length: 60 }, (_, i) => `f${i}`));
    let furthest = 0;
    for await (const result of makePool(2, window).run(jobs)) {
      // When a worker answers job i, job i has not been consumed yet, so nothing at or past
      // i + window may have been sent.
      expect(result.maxSeen).toBeLessThan(result.index + window);
      furthest = Math.max(furthest, (result.maxSeen ?? 0) - result.index);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    // The slow consumer lets the workers run ahead as far as allowed.
    expect(furthest).toBeGreaterThan(1);
  });

  it('turns a worker crash into a result for the jobs it held, and goes on', async () => {
    const paths = ['a', 'b', 'c', 'crash', 'd', 'e', 'f', 'g'];
    const results: EchoResult[] = [];
    for await (const result of makePool(2).run(makeJobs(paths))) results.push(result);
    expect(results.map((r) => r.index)).toEqual(paths.map((_, i) => i));
    // Only the job that kills its worker fails; the jobs that shared the worker run again.
    expect(results.filter((r) => r.crashed !== undefined).map((r) => r.index)).toEqual([3]);
    expect(results[3]?.crashed).toMatch(/boom/);
    expect(results.filter((r) => r.crashed === undefined).map((r) => r.path)).toEqual(
      paths.filter((p) => p !== 'crash'),
    );
  });

  it('turns a worker that exits mid-job into a result, and goes on', async () => {
    const paths = ['a', 'b', 'die-now', 'c', 'd'];
    const results: EchoResult[] = [];
    for await (const result of makePool(2).run(makeJobs(paths))) results.push(result);
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.crashed === undefined)).toEqual([true, true, false, true, true]);
    expect(results[2]?.crashed).toMatch(/exit code 4/);
  });

  it('fails the run when a worker cannot even start', async () => {
    const run = async () => {
      for await (const _ of makePool(2, 8, { dieAtStart: true }).run(makeJobs(['a', 'b']))) void _;
    };
    await expect(run()).rejects.toThrow(/exit code 3/);
  });

  it('stops early when asked, yielding nothing more', async () => {
    const pool = makePool(2);
    const seen: number[] = [];
    for await (const result of pool.run(makeJobs(Array.from({ length: 100 }, (_, i) => `f${i}`)))) {
      seen.push(result.index);
      if (seen.length === 10) await pool.stop();
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
