/**
 * A batch worker thread: analyzes the files it is sent (a couple at a time, so that reading one
 * overlaps analyzing another) and posts back, for each, the summary row and, when wanted, the
 * NDJSON line. Bundled as dist/batch-worker.cjs.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { CycleLog } from '../core/log.ts';
import { detectFormat } from '../importers/registry.ts';
import { openInputFile, type InputFile } from '../io/input-file.ts';
import { writeOutputFile } from '../io/write-output.ts';
import type { Report } from '../report/types.ts';
import { analyzeInput, describeFileError, type OneResult } from './analyze-one.ts';
import { formatErrorLine, summarizeReport } from './log-row.ts';
import type { Job, JobResult, WorkerSetup } from './protocol.ts';
import { formatJson } from '../text/sanitize.ts';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (port === null) throw new Error('batch worker started outside a worker thread');

port.on('message', (job: Job) => {
  void runJob(job).then((result) => port.postMessage(result));
});
// Everything is loaded: tell the pool, which treats a worker dying before this as fatal.
port.postMessage({ ready: true });

/**
 * A readable file of another kind (a `settings.json`, a spreadsheet without a date column) is
 * skipped; an empty or binary file where a log was expected is a broken log and is reported.
 */
function isSomeOtherFile(input: InputFile): boolean {
  const head = input.head;
  if (head.length === 0) return false;
  const packed = (head[0] === 0x1f && head[1] === 0x8b) || (head[0] === 0x50 && head[1] === 0x4b);
  return packed || !head.includes(0);
}

/** Writes the log's document; true when the PDF's font lacked some of its characters. */
async function writeDocument(path: string, report: Report, log: CycleLog): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // Renderers are loaded only for documents, so other batches do not pay for them.
  if (setup.documentFormat === 'pdf') {
    const { formatPdfFromReport } = await import('../render/pdf/format-pdf.ts');
    let missingGlyphs = false;
    const bytes = await formatPdfFromReport(report, log, {
      paper: setup.paper ?? 'a4',
      onMissingGlyphs: () => (missingGlyphs = true),
    });
    await writeOutputFile(path, bytes, { force: setup.force });
    return missingGlyphs;
  }
  if (setup.documentFormat === 'markdown') {
    const { formatMarkdownReport } = await import('../render/markdown.ts');
    await writeOutputFile(path, formatMarkdownReport(report, log), { force: setup.force });
    return false;
  }
  const { formatHtmlReport } = await import('../render/html.ts');
  await writeOutputFile(path, formatHtmlReport(report, log), { force: setup.force });
  return false;
}

async function runJob(job: Job): Promise<JobResult> {
  let outcome: OneResult;
  try {
    const input = await openInputFile(job.path);
    if (
      setup.skipUnrecognised &&
      !job.explicit &&
      setup.analyze.from === undefined &&
      // `--column X=date` says the spreadsheets have their date column under another name.
      setup.analyze.reading?.columns?.some((c) => c.target === 'date') !== true &&
      isSomeOtherFile(input) &&
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
  let missingGlyphs = false;
  if (job.document !== undefined) {
    try {
      missingGlyphs = await writeDocument(job.document, outcome.report, outcome.log);
    } catch (error) {
      const fileError = describeFileError(error);
      return {
        index: job.index,
        kind: 'row',
        row: { ok: false, file: job.path, error: fileError },
      };
    }
  }
  const row = summarizeReport(job.path, outcome.report);
  const note = missingGlyphs ? { missingGlyphs } : {};
  return setup.wantLine
    ? { index: job.index, kind: 'row', row, line: formatJson(outcome.report), ...note }
    : { index: job.index, kind: 'row', row, ...note };
}
