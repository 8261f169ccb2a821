/**
 * After the report: offer to save the log (canonical CSV or JSON) and the report with its
 * checklist (printable HTML or Markdown). Files are written atomically with mode 0600; an
 * existing file is replaced only after the person says so; a name typed without an extension
 * gets the one its format needs.
 */
import { homedir } from 'node:os';
import { extname, resolve } from 'node:path';
import type { IsoDate } from '../core/dates.ts';
import type { CycleLog } from '../core/log.ts';
import { UserError } from '../errors.ts';
import { fileExists, writeOutputFile } from '../io/write-output.ts';
import { formatCanonicalCsv, formatCanonicalJson } from '../log/format-canonical.ts';
import { formatHtmlReport } from '../render/html.ts';
import { formatMarkdownReport } from '../render/markdown.ts';
import { sanitizeInline } from '../text/sanitize.ts';
import type { Report } from '../report/types.ts';
import type { Prompter } from './prompter.ts';

export interface SaveContext {
  prompter: Prompter;
  log: CycleLog;
  report: Report;
  today: IsoDate;
  /** Relative paths are taken from here. */
  cwd: string;
  home?: string;
}

function expandPath(text: string, cwd: string, home: string): string {
  const t = text.trim();
  if (t === '~') return home;
  if (t.startsWith('~/')) return resolve(home, t.slice(2));
  return resolve(cwd, t);
}

/** A report format the interview offers to save; the PDF document adds itself to this list. */
export interface SavedReportFormat {
  id: string;
  /** The choice as the person reads it. */
  name: string;
  short: string;
  extension: string;
  render: (report: Report, log: CycleLog) => string | Uint8Array | Promise<string | Uint8Array>;
}

export const SAVED_REPORT_FORMATS: SavedReportFormat[] = [
  {
    id: 'html',
    name: 'Yes, as a web page to print (opens in any browser)',
    short: 'HTML',
    extension: '.html',
    render: (report, log) => formatHtmlReport(report, log),
  },
  {
    id: 'pdf',
    name: 'Yes, as a PDF (to print, email or upload)',
    short: 'PDF',
    extension: '.pdf',
    render: async (report, log) => {
      // Loaded on demand: the build turns this import into a require of dist/pdf.cjs.
      const { formatPdfFromReport, MISSING_GLYPHS_NOTE } =
        await import('../render/pdf/format-pdf.ts');
      return formatPdfFromReport(report, log, {
        paper: 'a4',
        onMissingGlyphs: () => process.stderr.write(`cyclecheck: ${MISSING_GLYPHS_NOTE}\n`),
      });
    },
  },
  {
    id: 'markdown',
    name: 'Yes, as Markdown (plain text)',
    short: 'Markdown',
    extension: '.md',
    render: (report, log) => formatMarkdownReport(report, log),
  },
];

/** The typed name, with `extension` added when it has none. */
export function withExtension(name: string, extension: string): string {
  const trimmed = name.trim();
  return extname(trimmed) === '' ? `${trimmed}${extension}` : trimmed;
}

/** Asks for a file name until the content is written or the person gives up; the path, or undefined. */
async function askAndWrite(
  ctx: SaveContext,
  id: string,
  defaultName: string,
  content: string | Uint8Array,
): Promise<string | undefined> {
  const extension = extname(defaultName);
  const { prompter } = ctx;
  const home = ctx.home ?? homedir();
  let suggestion = defaultName;
  for (;;) {
    const text = await prompter.askText({
      id: `${id}.path`,
      message: 'File name?',
      default: suggestion,
      validate: (t) => (t.trim() === '' ? 'Type a file name.' : true),
    });
    const path = expandPath(withExtension(text, extension), ctx.cwd, home);
    let force = false;
    if (await fileExists(path)) {
      force = await prompter.askConfirm({
        id: `${id}.overwrite`,
        message: `${sanitizeInline(path)} already exists. Replace it?`,
        default: false,
      });
      if (!force) {
        suggestion = text.trim();
        continue;
      }
    }
    try {
      await writeOutputFile(path, content, { force });
      return path;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      prompter.note(`Could not save there: ${sanitizeInline(error.message)}`);
      const retry = await prompter.askConfirm({
        id: `${id}.retry`,
        message: 'Try another file name?',
        default: true,
      });
      if (!retry) return undefined;
      suggestion = text.trim();
    }
  }
}

/** The files saved, in order. */
export async function offerToSave(ctx: SaveContext): Promise<string[]> {
  const { prompter, log, report, today } = ctx;
  const saved: string[] = [];
  const format = await prompter.askSelect({
    id: 'save.log',
    message: 'Save your answers as a log file (to analyze again later, or add days to)?',
    choices: [
      { value: 'csv', name: 'Yes, as CSV (opens in a spreadsheet)', short: 'CSV' },
      { value: 'json', name: 'Yes, as JSON', short: 'JSON' },
      { value: 'no', name: 'No' },
    ],
  });
  if (format !== 'no') {
    // The saved log does not freeze the evaluation date: days added to it later are analyzed.
    const { as_of: _asOf, ...profile } = log.profile;
    void _asOf;
    const unfrozen = { ...log, profile };
    const content = format === 'csv' ? formatCanonicalCsv(unfrozen) : formatCanonicalJson(unfrozen);
    const path = await askAndWrite(ctx, 'save.log', `cyclecheck-log-${today}.${format}`, content);
    if (path !== undefined) {
      prompter.note(`Saved your log to ${sanitizeInline(path)} (only you can read it).`);
      saved.push(path);
    }
  }
  const choice = await prompter.askSelect({
    id: 'save.report',
    message: 'Save the report and checklist (to print or bring along)?',
    choices: [
      ...SAVED_REPORT_FORMATS.map((f) => ({ value: f.id, name: f.name, short: f.short })),
      { value: 'no', name: 'No' },
    ],
  });
  const chosen = SAVED_REPORT_FORMATS.find((f) => f.id === choice);
  if (chosen !== undefined) {
    const path = await askAndWrite(
      ctx,
      'save.report',
      `cyclecheck-visit-${today}${chosen.extension}`,
      await chosen.render(report, log),
    );
    if (path !== undefined) {
      prompter.note(
        `Saved the report and checklist to ${sanitizeInline(path)} (only you can read it).`,
      );
      saved.push(path);
    }
  }
  return saved;
}
