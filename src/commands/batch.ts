/**
 * `cyclecheck batch PATH...` (README "Many logs at once"; docs/report-format.md): many logs, each analyzed on its own by worker
 * threads, results streamed in sorted-path order whatever the number of threads.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Profile } from '../core/log.ts';
import { TIERS, isAtOrAbove, type Tier } from '../core/tiers.ts';
import { EXIT, InterruptedError, MissingInputError, UsageError } from '../errors.ts';
import type { ProfileOptions, ReadingCliOptions } from './options.ts';
import type { ReadOptions } from '../log/read-options.ts';
import { readReadingOptions } from './reading-options.ts';
import { readProfileOverrides } from './profile-overrides.ts';
import { FORMAT_IDS, isFormatId } from '../importers/registry.ts';
import type { FormatId } from '../log/import-contract.ts';
import { fileExists, refuseOverwrite } from '../io/write-output.ts';
import { makeChalk, shouldUseColor } from '../render/color.ts';
import { sanitizeInline } from '../text/sanitize.ts';
import {
  addToCohort,
  createCohortCounts,
  formatCohortCsv,
  formatCohortJson,
  formatCohortText,
  formatLogCount,
  formatSkipped,
  type CohortCounts,
  type SkipCounts,
} from '../batch/cohort-summary.ts';
import { getCommonFolder, getDocumentPath } from '../batch/document-paths.ts';
import { findLogFiles, type FoundFile } from '../batch/find-files.ts';
import { formatCsvHeader, formatCsvRow } from '../batch/format-csv.ts';
import {
  formatTableHeader,
  formatTableRow,
  formatTableTotals,
  getTableLayout,
  type TableLayout,
} from '../batch/format-table.ts';
import { formatErrorLine, type FailedRow } from '../batch/log-row.ts';
import { openOutputSink, type OutputSink } from '../batch/output-sink.ts';
import { createProgressLine, type ProgressLine } from '../batch/progress.ts';
import { selectSkippedNames } from '../batch/skipped-files.ts';
import {
  DOCUMENT_FORMATS,
  type DocumentFormat,
  type Job,
  type JobResult,
  type WorkerSetup,
} from '../batch/protocol.ts';
import { MISSING_GLYPHS_NOTE, type PaperSize } from '../render/pdf/paper.ts';
import { getShardRange, parseShardSpec, type Shard } from '../batch/shard.ts';
import { OrderedWorkerPool } from '../batch/worker-pool.ts';

export const BATCH_OUTPUTS = ['text', 'json', 'csv', 'html', 'markdown', 'pdf'] as const;

const DOCUMENT_EXTENSION: Record<DocumentFormat, string> = {
  html: '.html',
  markdown: '.md',
  pdf: '.pdf',
};

/** Outputs that are one document per log in a folder (-o DIR) rather than one stream. */
function isDocumentOutput(output: BatchOutput): output is DocumentFormat {
  return (DOCUMENT_FORMATS as readonly string[]).includes(output);
}
type BatchOutput = (typeof BATCH_OUTPUTS)[number];

export interface BatchOptions {
  json?: boolean;
  to?: string;
  output?: string;
  force?: boolean;
  jobs?: string | number;
  shard?: string;
  summaryOnly?: boolean;
  /** Name every skipped file, not only the first few. */
  verbose?: boolean;
  from?: FormatId;
  failOn?: string;
  /** false when --no-color was given. */
  color?: boolean;
  /** --to pdf: a4 (default) or letter. */
  paper?: string;
  /** Profile facts from the command line (and --profile FILE), parsed once; for every log. */
  profile?: Profile;
  /** --column and --date-format, for every CSV and JSON log. */
  reading?: ReadOptions;
}

export interface BatchCliOptions extends ProfileOptions, ReadingCliOptions {
  json?: boolean;
  to?: string;
  output?: string;
  force?: boolean;
  color?: boolean;
  jobs?: string;
  shard?: string;
  summaryOnly?: boolean;
  verbose?: boolean;
  from?: string;
  failOn?: string;
  paper?: string;
}

/** The command line's options → BatchOptions: profile facts read and parsed once, for all logs. */
export async function runBatchCommand(paths: string[], options: BatchCliOptions): Promise<number> {
  const from = options.from;
  if (from !== undefined && !isFormatId(from)) {
    throw new UsageError(`--from: "${from}" is not one of ${FORMAT_IDS.join(', ')}`);
  }
  const profile = await readProfileOverrides(options);
  const reading = readReadingOptions(options);
  return await runBatch(paths, {
    json: options.json,
    to: options.to,
    output: options.output,
    force: options.force,
    color: options.color,
    jobs: options.jobs,
    shard: options.shard,
    summaryOnly: options.summaryOnly,
    verbose: options.verbose,
    failOn: options.failOn,
    paper: options.paper,
    from,
    profile,
    reading,
  });
}

/** How many unrecognised files and failures stderr names before it only counts them. */
const NAME_LIMIT = 10;

interface Plan {
  output: BatchOutput;
  summaryOnly: boolean;
  threads: number;
  failOn: Tier | undefined;
  shard: (Shard & { start: number; end: number; total: number }) | undefined;
  files: FoundFile[];
  skipped: SkipCounts;
  /** Files skipped by their extension, for naming on stderr. */
  skippedPaths: string[];
  verbose: boolean;
  /** The PDF's page size (--paper; a4 unless letter). */
  paper: PaperSize;
  /** --to html|markdown|pdf: the folder for the documents, and the folder all logs share. */
  documents:
    { dir: string; commonFolder: string; format: DocumentFormat; extension: string } | undefined;
  /** Where the NDJSON, CSV or table goes (-o), or undefined for standard output. */
  outputFile: string | undefined;
}

interface Outcome {
  counts: CohortCounts;
  unrecognised: string[];
  failures: FailedRow[];
  internalFailure: boolean;
  reachedFailOn: boolean;
  interrupted: boolean;
  /** PDFs whose font lacked some of the characters they show. */
  missingGlyphs: number;
}

export async function runBatch(paths: string[], options: BatchOptions): Promise<number> {
  const plan = await planBatch(paths, options);
  const sink = await openOutputSink(plan.outputFile, { force: options.force === true });
  let outcome: Outcome;
  try {
    outcome = await writeResults(plan, sink, options);
    await sink.finish();
  } catch (error) {
    await sink.abort();
    throw error;
  }
  printStderrSummary(plan, outcome);
  if (outcome.interrupted) {
    const where =
      plan.outputFile === undefined ? 'standard output' : sanitizeInline(plan.outputFile);
    throw new InterruptedError(
      `batch interrupted after ${outcome.counts.logs} of ${plan.files.length} logs; ${where} has a complete result for each of them`,
    );
  }
  if (outcome.counts.failed > 0) return outcome.internalFailure ? EXIT.internal : EXIT.dataError;
  return outcome.reachedFailOn ? EXIT.failOn : EXIT.ok;
}

async function planBatch(paths: string[], options: BatchOptions): Promise<Plan> {
  const output = getOutputKind(options);
  const threads = parseJobs(options.jobs);
  const shard = options.shard === undefined ? undefined : parseShardSpec(options.shard);
  const failOn = parseFailOn(options.failOn);
  if (paths.length === 0) throw new UsageError('batch needs at least one file or folder');
  if (isDocumentOutput(output) && (options.output === undefined || options.summaryOnly === true)) {
    throw new UsageError(
      options.output === undefined
        ? `--to ${output} writes one document per log into a folder; pass -o DIR`
        : `--summary-only and --to ${output} do not go together: the summary is one table, not documents`,
    );
  }
  if (options.paper !== undefined && output !== 'pdf') {
    throw new UsageError(
      `--paper sets the page size of --to pdf; it does nothing for --to ${output}`,
    );
  }
  const outputFile = isDocumentOutput(output) ? undefined : options.output;
  // Refuse before the work, not after it.
  if (outputFile !== undefined)
    await refuseOverwrite(outputFile, { force: options.force === true });

  const found = await findLogFiles(paths);
  for (const message of found.unreadable) {
    process.stderr.write(`batch: skipped ${sanitizeInline(message)}\n`);
  }
  const skipped: SkipCounts = { unsupported: found.unsupported, hidden: found.hidden };
  if (found.files.length === 0) {
    const why = formatSkipped(skipped);
    throw new MissingInputError(
      `no log files found in ${paths.map(sanitizeInline).join(', ')}${why === '' ? '' : ` (${why.replace(/\.$/, '')})`}`,
      'batch reads canonical CSV/JSON logs and app exports (.csv .tsv .json .xml .zip .gz); see `cyclecheck formats`.',
    );
  }
  const total = found.files.length;
  const range = shard === undefined ? { start: 0, end: total } : getShardRange(total, shard);
  const files = found.files.slice(range.start, range.end);
  let documents: Plan['documents'];
  if (isDocumentOutput(output) && options.output !== undefined) {
    // Named from the whole list, so that every shard names a log's document the same way.
    documents = {
      dir: options.output,
      commonFolder: getCommonFolder(found.files.map((f) => f.path)),
      format: output,
      extension: DOCUMENT_EXTENSION[output],
    };
    if (options.force !== true) await refuseExistingDocuments(documents, files);
  }
  return {
    output,
    summaryOnly: options.summaryOnly === true,
    threads,
    failOn,
    shard: shard === undefined ? undefined : { ...shard, ...range, total },
    files,
    skipped,
    skippedPaths: found.unsupportedPaths,
    verbose: options.verbose === true,
    paper: options.paper === 'letter' ? 'letter' : 'a4',
    documents,
    outputFile,
  };
}

async function refuseExistingDocuments(
  documents: NonNullable<Plan['documents']>,
  files: FoundFile[],
): Promise<void> {
  const info = await stat(documents.dir).catch(() => undefined);
  if (info === undefined) return;
  if (!info.isDirectory()) {
    throw new UsageError(
      `${documents.dir} is not a folder; --to ${documents.format} writes one document per log into a folder`,
    );
  }
  let existing = 0;
  let first: string | undefined;
  for (const file of files) {
    const path = getDocumentPath(
      documents.dir,
      documents.commonFolder,
      file.path,
      documents.extension,
    );
    if (await fileExists(path)) {
      existing += 1;
      first ??= path;
    }
  }
  if (first !== undefined) {
    throw new UsageError(
      `${existing === 1 ? `${first} already exists` : `${existing} documents already exist, such as ${first}`}; not overwriting`,
      'Pass --force to replace them, or choose another folder with -o.',
    );
  }
}

/** The table on stdout (--to text): laid out for every file name before the first row. */
function createTableLayout(plan: Plan, options: BatchOptions): TableLayout | undefined {
  if (plan.output !== 'text' || plan.summaryOnly) return undefined;
  const toTerminal = plan.outputFile === undefined && process.stdout.isTTY === true;
  return getTableLayout(
    plan.files.map((f) => f.path),
    toTerminal ? process.stdout.columns : undefined,
    makeChalk(
      plan.outputFile === undefined &&
        shouldUseColor({ noColorFlag: options.color === false, isTTY: toTerminal }),
    ),
  );
}

function createPool(plan: Plan, options: BatchOptions): OrderedWorkerPool<Job, JobResult> {
  const setup: WorkerSetup = {
    analyze: {
      ...(options.from === undefined ? {} : { from: options.from }),
      ...(options.profile === undefined ? {} : { profile: options.profile }),
      ...(options.reading === undefined ? {} : { reading: options.reading }),
    },
    wantLine: plan.output === 'json' && !plan.summaryOnly,
    skipUnrecognised: true,
    force: options.force === true,
    ...(plan.documents === undefined
      ? {}
      : { documentFormat: plan.documents.format, paper: plan.paper }),
  };
  return new OrderedWorkerPool<Job, JobResult>({
    // Built beside the CLI bundle by scripts/build.mjs (entry point `batch-worker`).
    workerUrl: new URL('./batch-worker.cjs', import.meta.url),
    workerData: setup,
    threads: plan.threads,
    window: Math.max(32, plan.threads * 8),
    perWorker: 2,
    onCrash: (index, error) => {
      const file = plan.files[index]?.path ?? '?';
      const fileError = {
        code: EXIT.internal,
        message: `internal error: ${file}: ${error.message}`,
      };
      const row: FailedRow = { ok: false, file, error: fileError };
      return { index, kind: 'row', row, line: formatErrorLine(file, fileError) };
    },
  });
}

function createJobs(plan: Plan): Job[] {
  const documents = plan.documents;
  return plan.files.map((file, index): Job => ({
    index,
    path: file.path,
    explicit: file.explicit,
    ...(documents === undefined
      ? {}
      : {
          document: getDocumentPath(
            documents.dir,
            documents.commonFolder,
            file.path,
            documents.extension,
          ),
        }),
  }));
}

/** Counts one result and writes its row (unless only the summary is wanted). */
async function handleResult(
  result: JobResult,
  ctx: { plan: Plan; sink: OutputSink; layout: TableLayout | undefined; outcome: Outcome },
  progress: ProgressLine,
): Promise<void> {
  const { plan, sink, layout, outcome } = ctx;
  if (result.kind === 'unrecognised') {
    plan.skipped.unsupported += 1;
    const path = plan.files[result.index]?.path;
    if (path !== undefined) outcome.unrecognised.push(path);
    return;
  }
  const row = result.row;
  if (result.missingGlyphs === true) outcome.missingGlyphs += 1;
  addToCohort(outcome.counts, row);
  if (!row.ok) {
    if (row.error.code === EXIT.internal) outcome.internalFailure = true;
    if (outcome.failures.length < NAME_LIMIT) outcome.failures.push(row);
  } else if (
    plan.failOn !== undefined &&
    row.highest_tier !== 'none' &&
    isAtOrAbove(row.highest_tier, plan.failOn)
  ) {
    outcome.reachedFailOn = true;
  }
  if (plan.summaryOnly || plan.documents !== undefined) return;
  // A row must never run into the progress line on the same terminal: erase it first.
  progress.clear();
  if (plan.output === 'json' && result.line !== undefined) await sink.write(result.line + '\n');
  else if (plan.output === 'csv') await sink.write(formatCsvRow(row));
  else if (layout !== undefined) await sink.write(formatTableRow(row, layout));
}

/** After the rows: the totals under the table, or the cohort summary on its own. */
async function writeClosing(
  plan: Plan,
  sink: OutputSink,
  layout: TableLayout | undefined,
  outcome: Outcome,
): Promise<void> {
  if (outcome.interrupted) return;
  if (plan.summaryOnly || plan.documents !== undefined) {
    // Documents go to the folder; stdout carries only the summary.
    if (plan.output === 'json') await sink.write(formatCohortJson(outcome.counts, plan.skipped));
    else if (plan.output === 'csv') await sink.write(formatCohortCsv(outcome.counts));
    else await sink.write(formatCohortText(outcome.counts, plan.skipped));
  } else if (layout !== undefined) {
    await sink.write(formatTableTotals(outcome.counts, plan.skipped));
  }
}

async function writeResults(plan: Plan, sink: OutputSink, options: BatchOptions): Promise<Outcome> {
  const layout = createTableLayout(plan, options);
  if (layout !== undefined) await sink.write(formatTableHeader(layout));
  // Only the first shard writes the CSV header, so shard outputs concatenate to the whole.
  if (plan.output === 'csv' && !plan.summaryOnly && (plan.shard?.index ?? 1) === 1) {
    await sink.write(formatCsvHeader());
  }
  const pool = createPool(plan, options);
  const outcome: Outcome = {
    counts: createCohortCounts(),
    unrecognised: [],
    failures: [],
    internalFailure: false,
    reachedFailOn: false,
    interrupted: false,
    missingGlyphs: 0,
  };
  const onSignal = (): void => {
    outcome.interrupted = true;
    // A second Ctrl-C gets Node's default: stop at once.
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    void pool.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  // The progress line only when stderr is a terminal that nothing else is being written to.
  const progress = createProgressLine(process.stderr, plan.files.length);
  let done = 0;
  try {
    for await (const result of pool.run(createJobs(plan))) {
      await handleResult(result, { plan, sink, layout, outcome }, progress);
      done += 1;
      progress.update(done);
      if (sink.closed) break;
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.clear();
    await pool.stop();
  }
  await writeClosing(plan, sink, layout, outcome);
  return outcome;
}

function formatSkippedLines(plan: Plan, outcome: Outcome): string[] {
  const lines: string[] = [];
  const byName = selectSkippedNames(plan.skippedPaths, plan.verbose);
  for (const path of byName.named) {
    lines.push(`batch: skipped ${sanitizeInline(path)}: not a file type cyclecheck reads`);
  }
  const byContent = selectSkippedNames(outcome.unrecognised, plan.verbose);
  for (const path of byContent.named) {
    lines.push(`batch: skipped ${sanitizeInline(path)}: not in a log format cyclecheck reads`);
  }
  const more = byName.more + byContent.more;
  if (more > 0) {
    lines.push(`batch: … and ${more} more skipped files (--verbose names them all)`);
  }
  return lines;
}

function printStderrSummary(plan: Plan, outcome: Outcome): void {
  const lines = formatSkippedLines(plan, outcome);
  if (plan.documents !== undefined && outcome.counts.analyzed > 0) {
    const n = outcome.counts.analyzed;
    lines.push(
      `batch: wrote ${n} ${n === 1 ? 'document' : 'documents'} to ${sanitizeInline(plan.documents.dir)}`,
    );
  }
  if (outcome.missingGlyphs > 0) {
    const n = outcome.missingGlyphs;
    lines.push(`batch: in ${n} ${n === 1 ? 'PDF' : 'PDFs'}, ${MISSING_GLYPHS_NOTE}`);
  }
  // The table and the text cohort summary already say all this on the terminal.
  const saidOnStdout = plan.output === 'text' && plan.outputFile === undefined;
  if (!saidOnStdout) {
    for (const row of outcome.failures) lines.push(`batch: ${sanitizeInline(row.error.message)}`);
    const unnamed = outcome.counts.failed - outcome.failures.length;
    if (unnamed > 0) lines.push(`batch: … and ${unnamed} more failed logs (see their error lines)`);
    const shard = plan.shard;
    const where =
      shard === undefined
        ? ''
        : ` (shard ${shard.index}/${shard.count}: files ${shard.start + 1}–${shard.end} of ${shard.total})`;
    const skip = formatSkipped(plan.skipped);
    lines.push(`batch${where}: ${formatLogCount(outcome.counts)}.${skip === '' ? '' : ` ${skip}`}`);
  }
  if (lines.length > 0) process.stderr.write(lines.join('\n') + '\n');
}

function getOutputKind(options: BatchOptions): BatchOutput {
  if (options.json === true && options.to !== undefined && options.to !== 'json') {
    throw new UsageError(`--json and --to ${options.to} ask for two different outputs; pass one`);
  }
  if (options.json === true) return 'json';
  const to = options.to ?? 'text';
  if (!(BATCH_OUTPUTS as readonly string[]).includes(to)) {
    throw new UsageError(`--to: batch writes ${BATCH_OUTPUTS.join(', ')}, not "${to}"`);
  }
  return to as BatchOutput;
}

function parseJobs(value: string | number | undefined): number {
  if (value === undefined) return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new UsageError(`--jobs: "${value}" is not a whole number from 1 to 256`);
  }
  return n;
}

function parseFailOn(value: string | undefined): Tier | undefined {
  if (value === undefined) return undefined;
  if (!(TIERS as readonly string[]).includes(value)) {
    throw new UsageError(`--fail-on: "${value}" is not one of ${TIERS.join(', ')}`);
  }
  return value as Tier;
}
