/**
 * A batch worker thread: analyzes the files it is sent, one at a time, and posts back the
 * summary row (and the NDJSON line when wanted). Bundled as dist/batch-worker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { detectFormat } from '../importers/registry.ts';
import { openInputFile } from '../io/input-file.ts';
import { analyzeInput, describeFileError, type OneResult } from './analyze-one.ts';
import { formatErrorLine, summarizeReport } from './log-row.ts';
import type { Job, JobResult, WorkerSetup } from './protocol.ts';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (port === null) throw new Error('batch worker started outside a worker thread');

port.on('message', (job: Job) => {
  void runJob(job).then((result) => port.postMessage(result));
});
// Everything is loaded: tell the pool, which treats a worker dying before this as fatal.
port.postMessage({ ready: true });

async function runJob(job: Job): Promise<JobResult> {
  let outcome: OneResult;
  try {
    const input = await openInputFile(job.path);
    if (
      setup.skipUnrecognised &&
      !job.explicit &&
      setup.analyze.from === undefined &&
      (await detectFormat(input)) === undefined
    ) {
      return { index: job.index, kind: 'unrecognised' };
    }
    outcome = await analyzeInput(input, setup.analyze);
  } catch (error) {
    outcome = { error: describeFileError(error) };
  }
  if ('error' in outcome) {
    const row = { ok: false as const, file: job.path, error: outcome.error };
    return setup.wantLine
      ? { index: job.index, kind: 'row', row, line: formatErrorLine(job.path, outcome.error) }
      : { index: job.index, kind: 'row', row };
  }
  const row = summarizeReport(job.path, outcome.report);
  return setup.wantLine
    ? { index: job.index, kind: 'row', row, line: JSON.stringify(outcome.report) }
    : { index: job.index, kind: 'row', row };
}
