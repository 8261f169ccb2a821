/**
 * `cyclecheck analyze`: import → (merge) → apply the profile options → analyze → render → write.
 */
import type { CycleLog } from '../core/log.ts';
import { analyzeImport } from '../pipeline/analyze-import.ts';
import { isAtOrAbove, type Tier } from '../core/tiers.ts';
import { EXIT } from '../errors.ts';
import type { ImportResult } from '../log/import-contract.ts';
import { openInputFile } from '../io/input-file.ts';
import { writeOutputFile } from '../io/write-output.ts';
import { formatImportSummary, formatWarning } from '../importers/format-summary.ts';
import type { Report } from '../report/types.ts';
import { makeChalk, shouldUseColor } from '../render/color.ts';
import { formatJson, sanitizeInline } from '../text/sanitize.ts';
import type { OutputFormat, OutputOptions, ProfileOptions, ReadingCliOptions } from './options.ts';
import { readReadingOptions } from './reading-options.ts';
import { readProfileOverrides } from './profile-overrides.ts';
import { formatHiddenDaysWarning } from './hidden-days.ts';
import { resolveReportFormat } from './report-format.ts';
import type { FormatId } from '../log/import-contract.ts';
import { PRODUCER_VERSION } from '../version.ts';

export interface AnalyzeOptions extends ProfileOptions, OutputOptions, ReadingCliOptions {
  merge?: boolean;
  from?: FormatId;
  explain?: boolean;
  calendar?: boolean;
  failOn?: Tier;
}

interface Analyzed {
  report: Report;
  log: CycleLog;
}

export async function runAnalyze(files: string[], options: AnalyzeOptions): Promise<number> {
  const format: OutputFormat = resolveReportFormat(options);
  await refuseBinaryToTerminal(format, options);
  const overrides = await readProfileOverrides(options);
  const reading = readReadingOptions(options);
  const { importFile } = await import('../importers/registry.ts');

  const imports: ImportResult[] = [];
  for (const file of files) {
    const input = await openInputFile(file);
    const result = await importFile(input, options.from, reading);
    printImportNotes(file, result);
    imports.push(result);
  }

  const groups: { files: string[]; result: ImportResult }[] = [];
  if (options.merge && imports.length > 1) {
    const { mergeImports } = await import('../pipeline/merge-logs.ts');
    const { result, conflicts } = mergeImports(imports, files);
    for (const c of conflicts) printWarning(c.file, c.line, c.message);
    groups.push({ files, result: { ...result, warnings: [...result.warnings, ...conflicts] } });
  } else {
    imports.forEach((result, i) => groups.push({ files: [files[i]!], result }));
  }

  const analyzed: Analyzed[] = groups.map(({ files: names, result }) =>
    analyzeImport(names, result, overrides),
  );
  for (const [i, { log }] of analyzed.entries()) {
    const hidden = formatHiddenDaysWarning(log, options.asOf);
    if (hidden !== null) printWarning(groups[i]!.files.join(', '), undefined, hidden);
  }
  const text = await renderAll(analyzed, format, options);
  if (options.output !== undefined) {
    await writeOutputFile(options.output, text, { force: options.force === true });
    process.stderr.write(`cyclecheck: wrote ${sanitizeInline(options.output)}\n`);
  } else {
    process.stdout.write(text);
  }

  if (options.failOn !== undefined) {
    const threshold = options.failOn;
    const reached = analyzed.some(({ report }) =>
      report.flags.some((f) => isAtOrAbove(f.tier, threshold)),
    );
    if (reached) return EXIT.failOn;
  }
  return EXIT.ok;
}

/** A PDF is bytes: never to a terminal (exit 2 with a hint), only to -o or a pipe. */
async function refuseBinaryToTerminal(
  format: OutputFormat,
  options: AnalyzeOptions,
): Promise<void> {
  if (options.paper !== undefined && format !== 'pdf') {
    const { UsageError } = await import('../errors.ts');
    throw new UsageError(
      '--paper sets the page size of --to pdf; it does nothing for --to ' + format,
    );
  }
  if (format === 'pdf' && options.output === undefined && process.stdout.isTTY === true) {
    const { UsageError } = await import('../errors.ts');
    throw new UsageError(
      '--to pdf writes a binary file, not text for the terminal',
      'Pass -o visit.pdf, or redirect it: cyclecheck analyze LOG --to pdf > visit.pdf',
    );
  }
}

async function renderAll(
  analyzed: Analyzed[],
  format: OutputFormat,
  options: AnalyzeOptions,
): Promise<string | Uint8Array> {
  switch (format) {
    case 'pdf': {
      if (analyzed.length > 1) {
        const { UsageError } = await import('../errors.ts');
        throw new UsageError(
          '--to pdf writes one document per log; use --merge, or one file at a time (or `cyclecheck batch --to pdf -o DIR`).',
        );
      }
      const { formatPdfFromReport, MISSING_GLYPHS_NOTE } =
        await import('../render/pdf/format-pdf.ts');
      return await formatPdfFromReport(analyzed[0]!.report, analyzed[0]!.log, {
        paper: options.paper ?? 'a4',
        explain: options.explain === true,
        onMissingGlyphs: () => process.stderr.write(`cyclecheck: ${MISSING_GLYPHS_NOTE}\n`),
      });
    }
    case 'json':
      // One report: a formatted JSON document. Several: one compact report per line (NDJSON).
      if (analyzed.length === 1) return formatJson(analyzed[0]!.report, 2) + '\n';
      return analyzed.map(({ report }) => formatJson(report)).join('\n') + '\n';
    case 'markdown': {
      const { formatMarkdownReport } = await import('../render/markdown.ts');
      const explain = options.explain === true;
      return analyzed
        .map(({ report, log }) => formatMarkdownReport(report, log, { explain }))
        .join('\n---\n\n');
    }
    case 'html': {
      if (analyzed.length > 1) {
        const { UsageError } = await import('../errors.ts');
        throw new UsageError(
          '--to html writes one document per log; use --merge, or one file at a time (or `cyclecheck batch --to html -o DIR`).',
        );
      }
      const { formatHtmlReport } = await import('../render/html.ts');
      return formatHtmlReport(analyzed[0]!.report, analyzed[0]!.log, {
        explain: options.explain === true,
        producer: `cyclecheck ${PRODUCER_VERSION}`,
      });
    }
    case 'text': {
      const { formatTextReport } = await import('../render/text.ts');
      const toTerminal = options.output === undefined && process.stdout.isTTY === true;
      const chalk = makeChalk(
        options.output === undefined &&
          shouldUseColor({ noColorFlag: options.color === false, isTTY: process.stdout.isTTY }),
      );
      const width = toTerminal ? Math.min(process.stdout.columns || 80, 100) : 80;
      return analyzed
        .map(({ report, log }) =>
          formatTextReport(report, log, {
            chalk,
            width,
            explain: options.explain === true,
            calendar: options.calendar === true,
            producer: `cyclecheck ${PRODUCER_VERSION}`,
          }),
        )
        .join('\n' + '═'.repeat(Math.min(width, 80)) + '\n\n');
    }
  }
}

function printWarning(file: string, line: number | undefined, message: string): void {
  process.stderr.write(
    `cyclecheck: ${formatWarning({ file, ...(line !== undefined ? { line } : {}), message })}\n`,
  );
}

function printImportNotes(file: string, result: ImportResult): void {
  for (const w of result.warnings) printWarning(w.file, w.line, w.message);
  if (result.summary.length > 0)
    process.stderr.write(`cyclecheck: ${formatImportSummary(result, file)}\n`);
}
