/**
 * The default text report (docs/report-format.md), laid out from the visit document: a summary a
 * clinician reads first (who, what was read, cycles, the headline), then one block per finding,
 * the checklist, the calendar and the numbered sources. Tiers are told apart by words and
 * symbols; colour only adds.
 */
import type { ChalkInstance } from 'chalk';
import type { CycleLog } from '../core/log.ts';
import { TIERS } from '../core/tiers.ts';
import { buildVisitDocument } from '../report/build-document.ts';
import type { DocumentFinding, VisitDocument } from '../report/document.ts';
import type { Report } from '../report/types.ts';
import { formatTextCalendar } from './calendar-text.ts';
import { formatCycleLine } from './cycle-words.ts';
import { getTierPaint } from './tier-paint.ts';
import { wrapText } from '../text/wrap.ts';

export interface TextOptions {
  chalk: ChalkInstance;
  width: number;
  explain: boolean;
  calendar: boolean;
  /** "cyclecheck 0.1.0", printed under the title. */
  producer?: string;
}

const CYCLE_SUMMARY_PERIODS = 6;

interface Writer {
  out: string[];
  width: number;
  chalk: ChalkInstance;
  para: (text: string, indent?: string, first?: string) => void;
  heading: (text: string) => void;
}

function makeWriter(chalk: ChalkInstance, width: number): Writer {
  const out: string[] = [];
  return {
    out,
    width,
    chalk,
    para: (text, indent = '', first = indent) => out.push(...wrapText(text, width, indent, first)),
    heading: (text) =>
      out.push('', chalk.bold(text), chalk.dim('─'.repeat(Math.min(width, text.length)))),
  };
}

export function formatTextReport(report: Report, log: CycleLog, options: TextOptions): string {
  const doc = buildVisitDocument(report, log, {
    explain: options.explain,
    ...(options.producer !== undefined ? { producer: options.producer } : {}),
  });
  return formatTextDocument(doc, options);
}

export function formatTextDocument(doc: VisitDocument, options: TextOptions): string {
  const w = makeWriter(options.chalk, Math.max(40, Math.min(options.width, 100)));
  writeSummary(doc, w);
  writeFindings(doc, w);
  if (doc.explain !== null) writeExplain(doc.explain, w);
  writeChecklist(doc, w);
  writePeriods(doc, w);
  if (options.calendar) {
    w.heading('Calendar');
    w.out.push(formatTextCalendar(doc, { chalk: w.chalk, width: w.width }));
  }
  writeNotes(doc, w);
  writeSources(doc, w);
  w.out.push('');
  w.para(doc.disclaimer);
  return w.out.join('\n') + '\n';
}

function writeSummary(doc: VisitDocument, w: Writer): void {
  const { chalk, para } = w;
  const s = doc.summary;
  w.out.push(chalk.bold(doc.title));
  for (const warning of doc.warnings) para(`Warning: ${warning}`, '  ', '! ');
  // A screen has no blank to write a name on (the printed formats leave one): without a name
  // in the log the line gives the age alone.
  const age = s.age !== null ? `age ${s.age}` : 'age not given';
  para(s.name !== null ? `For: ${s.name}, ${age}.` : `For: ${age}.`);
  for (const fact of s.person.filter((f) => f.label !== 'Age'))
    para(`${fact.label}: ${fact.value}`);
  for (const fact of s.read) para(`${fact.label}: ${fact.value}`);
  const cycles = formatCycleLine(s.cycles);
  if (cycles !== null) para(`Cycles: ${cycles}`);
  w.out.push('');
  para(chalk.bold(s.headlineText));
  if (doc.findings.length > 0) {
    for (const f of doc.findings) {
      const symbol = getTierPaint(chalk, f.tier)(doc.tiers[f.tier].symbol.padEnd(4));
      para(f.heading, '      ', `  ${symbol}`);
    }
  }
  if (doc.questions.length > 0) {
    w.heading('Facts your file could not tell');
    for (const q of doc.questions) para(q, '  ', '? ');
  }
}

function writeFindings(doc: VisitDocument, w: Writer): void {
  if (doc.findings.length === 0) return;
  w.heading('Findings');
  for (const tier of TIERS) {
    const findings = doc.findings.filter((f) => f.tier === tier);
    if (findings.length === 0) continue;
    w.out.push('');
    const paint = getTierPaint(w.chalk, tier);
    w.out.push(
      ...wrapText(`[${doc.tiers[tier].symbol}] ${doc.tiers[tier].label}`, w.width, '    ', '').map(
        (l) => paint(l),
      ),
    );
    for (const f of findings) writeFinding(doc, f, w);
  }
}

function writeFinding(doc: VisitDocument, f: DocumentFinding, w: Writer): void {
  w.out.push('');
  w.para(w.chalk.bold(`${f.heading} (${doc.tiers[f.tier].word})`), '      ', '  ');
  w.para(f.summary, '      ');
  for (const o of f.occurrences) {
    const day = o.cycleDay !== null ? `, cycle day ${o.cycleDay}` : '';
    const progress = o.inProgress ? ', still in progress' : '';
    w.para(`${o.when}${day}${progress}: ${o.why.join(' ')}`, '        ', '      · ');
    for (const n of o.notes) w.para(`Your note (${n.date}): “${n.text}”`, '          ', '        ');
  }
  for (const why of f.why) w.para(why, '        ', '      · ');
  if (f.sources.length > 0) {
    w.out.push(
      ...wrapText(`Sources: ${f.sources.map((n) => `[${n}]`).join(' ')}`, w.width, '      ').map(
        (l) => w.chalk.dim(l),
      ),
    );
  }
}

function writeExplain(explain: NonNullable<VisitDocument['explain']>, w: Writer): void {
  w.heading('Not flagged, and why');
  if (explain.notFlagged.length === 0) w.para('No candidates were set aside.');
  for (const n of explain.notFlagged) {
    w.para(`${n.date ?? ''} ${n.text} [${n.rule}]`.trim(), '    ', '  - ');
  }
  w.heading('Not evaluated');
  if (explain.notEvaluated.length === 0) w.para('Every rule could be evaluated.');
  for (const n of explain.notEvaluated) w.para(`${n.text} [${n.rule}]`, '    ', '  - ');
}

function writeChecklist(doc: VisitDocument, w: Writer): void {
  if (doc.checklist.items.length === 0 && doc.checklist.startWith === '') return;
  w.heading('Doctor-visit checklist');
  w.para(`Start the visit with: ${doc.checklist.startWith}`);
  for (const item of doc.checklist.items) {
    w.out.push('');
    w.para(item.text, '    ', '[ ] ');
    for (const detail of item.details) w.para(detail, '        ', '    - ');
    for (const quote of item.quotes) w.para(quote, '        ', '    > ');
  }
}

function writePeriods(doc: VisitDocument, w: Writer): void {
  const rows = doc.periods.rows.slice(-CYCLE_SUMMARY_PERIODS);
  if (rows.length === 0) return;
  w.heading(`Last ${rows.length} period${rows.length === 1 ? '' : 's'}`);
  w.out.push('  start        days  cycle');
  for (const p of rows) {
    const cycle = p.cycleLength === null ? '    –' : String(p.cycleLength).padStart(5);
    w.out.push(`  ${p.start}  ${String(p.days).padStart(4)}  ${cycle}`);
  }
}

function writeNotes(doc: VisitDocument, w: Writer): void {
  if (doc.notes.length === 0) return;
  w.heading('Your notes');
  for (const n of doc.notes) w.para(`${n.date ?? ''} “${n.text}”`.trim(), '    ', '  - ');
}

function writeSources(doc: VisitDocument, w: Writer): void {
  if (doc.sources.length === 0) return;
  w.heading('Sources');
  for (const s of doc.sources) {
    const title = /[.?!]$/.test(s.title) ? s.title : `${s.title}.`;
    w.para(title, '     ', `[${s.number}]`.padEnd(5));
    for (const url of s.urls) w.out.push(`     ${url}`);
  }
}
