/**
 * The report as a Markdown document to print or send (docs/report-format.md), laid out from the visit
 * document: clean on GitHub and on paper. Every string from the document may carry text from an
 * input file, so each one is escaped; only this module's own words are written raw.
 */
import type { CycleLog } from '../core/log.ts';
import { TIERS } from '../core/tiers.ts';
import { buildVisitDocument } from '../report/build-document.ts';
import type { DocumentFinding, LabelledValue, VisitDocument } from '../report/document.ts';
import type { Report } from '../report/types.ts';
import { formatCycleLine } from './cycle-words.ts';
import { sanitizeInline } from '../text/sanitize.ts';

/** Shown above the findings when any is urgent. */
export const URGENT_NOTE =
  'For heavy bleeding with faintness or severe pain, call emergency services.';

export const IN_PROGRESS_NOTE =
  'Still in progress: this episode reaches the evaluation date and may change as you log more days.';

/** A title followed by a full stop unless it already ends with punctuation. */
export function withFullStop(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

const ALWAYS_ESCAPED = /[\\`*_[\]|~$]/g;
const LINE_START_MARKER = /^(\s*)([#+\-=>]|\d+[.)])/;

/**
 * One line of input-derived text, safe anywhere in a Markdown line (including table cells): HTML
 * and entity syntax become entities, inline syntax is backslash-escaped, and a leading block marker ("# ", "- ",
 * "1.") is neutralised so text can never start a heading or a list.
 */
export function escapeMarkdown(text: string): string {
  let out = sanitizeInline(text)
    // A bare "&" is text in CommonMark; only an entity-like "&name;" or "&#…;" needs escaping.
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(ALWAYS_ESCAPED, (c) => `\\${c}`);
  out = out.replace(LINE_START_MARKER, (_m, space: string, marker: string) =>
    /^\d/.test(marker)
      ? `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`
      : `${space}\\${marker}`,
  );
  return out;
}

const md = escapeMarkdown;

function formatFactList(facts: readonly LabelledValue[]): string[] {
  return facts.map((f) => `- **${md(f.label)}:** ${md(f.value)}`);
}

function formatSummary(doc: VisitDocument): string[] {
  const s = doc.summary;
  const lines = [
    `**Name:** ${s.name !== null ? md(s.name) : '\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_'} · **Age:** ${s.age !== null ? s.age : 'not given'}`,
    '',
  ];
  if (doc.warnings.length > 0) {
    lines.push(
      '> **Warnings about what was read:**',
      ...doc.warnings.map((w) => `> - ${md(w)}`),
      '',
    );
  }
  lines.push('## Summary', '', ...formatFactList(s.person.filter((f) => f.label !== 'Age')));
  lines.push(...formatFactList(s.read));
  const cycles = formatCycleLine(s.cycles);
  if (cycles !== null) lines.push(`- **Cycles:** ${md(cycles)}`);
  lines.push('', `**${md(s.headlineText)}**`, '');
  for (const f of doc.findings) {
    lines.push(`- ${doc.tiers[f.tier].symbol} **${doc.tiers[f.tier].word}** ${md(f.heading)}`);
  }
  if (doc.findings.length > 0) lines.push('');
  return lines;
}

function formatFinding(doc: VisitDocument, f: DocumentFinding): string[] {
  const lines = [`#### ${md(f.heading)}`, '', md(f.summary), ''];
  for (const o of f.occurrences) {
    const day = o.cycleDay !== null ? `, cycle day ${o.cycleDay}` : '';
    lines.push(`- **${md(o.when)}**${day}: ${o.why.map(md).join(' ')}`);
    if (o.inProgress) lines.push(`  - *${IN_PROGRESS_NOTE}*`);
    for (const n of o.notes) lines.push(`  - *Your note (${md(n.date)}):* “${md(n.text)}”`);
  }
  for (const why of f.why) lines.push(`- ${md(why)}`);
  lines.push('');
  const meta = [`**Tier:** ${doc.tiers[f.tier].symbol} ${doc.tiers[f.tier].word}`];
  if (f.sources.length > 0) meta.push(`**Sources:** ${f.sources.map((n) => `[${n}]`).join(' ')}`);
  lines.push(meta.join(' · '), '');
  return lines;
}

function formatFindings(doc: VisitDocument): string[] {
  if (doc.findings.length === 0) return [];
  const lines = ['## Findings', ''];
  if (doc.findings.some((f) => f.tier === 'urgent')) {
    lines.push(`> **${doc.tiers.urgent.label}.** ${URGENT_NOTE}`, '');
  }
  for (const tier of TIERS) {
    const findings = doc.findings.filter((f) => f.tier === tier);
    if (findings.length === 0) continue;
    lines.push(`### ${doc.tiers[tier].symbol} ${doc.tiers[tier].label}`, '');
    for (const f of findings) lines.push(...formatFinding(doc, f));
  }
  return lines;
}

function formatChecklist(doc: VisitDocument): string[] {
  const lines = ['## Doctor-visit checklist', ''];
  if (doc.checklist.startWith === '' && doc.checklist.items.length === 0) {
    return [...lines, 'Nothing to prepare from this log. Bring it along if you have concerns.', ''];
  }
  lines.push(`**Start the visit with:** ${md(doc.checklist.startWith)}`, '');
  if (doc.checklist.items.length > 0) {
    lines.push('Note, bring and ask:', '');
    for (const item of doc.checklist.items) {
      lines.push(`- [ ] ${md(item.text)}`);
      for (const d of item.details) lines.push(`  - ${md(d)}`);
      for (const q of item.quotes) lines.push(`  - *You wrote:* ${md(q)}`);
    }
    lines.push('');
  }
  return lines;
}

function formatCycleTable(doc: VisitDocument): string[] {
  const { rows, omitted } = doc.periods;
  if (rows.length === 0) return ['## Cycles', '', 'No periods were found in this log.', ''];
  const lines = [
    '## Cycles',
    '',
    omitted > 0
      ? `The last ${rows.length} of ${rows.length + omitted} periods found, oldest first.`
      : `The ${rows.length === 1 ? 'period' : `${rows.length} periods`} found, oldest first.`,
    '',
    '| # | Period start | Last bleeding day | Days | Cycle length (days) |',
    '| ---: | --- | --- | ---: | ---: |',
  ];
  for (const p of rows) {
    const cycle = p.cycleLength === null ? '— (latest)' : String(p.cycleLength);
    lines.push(`| ${p.number} | ${md(p.start)} | ${md(p.end)} | ${p.days} | ${cycle} |`);
  }
  return [...lines, ''];
}

function formatSection(title: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : [`## ${title}`, '', ...items.map((i) => `- ${i}`), ''];
}

function formatExplain(doc: VisitDocument): string[] {
  if (doc.explain === null) return [];
  return [
    ...formatSection(
      'Checked and not flagged',
      doc.explain.notFlagged.map(
        (n) => `${n.date !== null ? `${md(n.date)}: ` : ''}${md(n.text)} (\`${n.rule}\`)`,
      ),
    ),
    ...formatSection(
      'Not evaluated',
      doc.explain.notEvaluated.map((n) => `${md(n.text)} (\`${n.rule}\`)`),
    ),
  ];
}

function formatSources(doc: VisitDocument): string[] {
  if (doc.sources.length === 0) return [];
  return [
    '## Sources',
    '',
    ...doc.sources.map((s) => {
      const urls = s.urls.length > 0 ? ` ${s.urls.map((u) => `<${u}>`).join(' ')}` : '';
      return `${s.number}. ${md(withFullStop(s.title))}${urls}`;
    }),
    '',
  ];
}

export function formatMarkdownReport(
  report: Report,
  log: CycleLog,
  options: { explain?: boolean } = {},
): string {
  return formatMarkdownDocument(buildVisitDocument(report, log, options));
}

export function formatMarkdownDocument(doc: VisitDocument): string {
  const lines: string[] = [
    `# ${doc.title}`,
    '',
    `*Informational, not a diagnosis.* Evaluated on ${doc.evaluatedOn ?? 'no date'} by ${md(doc.producer)}.`,
    '',
    ...formatSummary(doc),
    ...formatFindings(doc),
    ...formatExplain(doc),
    ...formatChecklist(doc),
    ...formatCycleTable(doc),
    ...formatSection('Facts that would make this report more precise', doc.questions.map(md)),
    ...formatSection(
      'Your notes',
      doc.notes.map((n) => `${n.date !== null ? `${md(n.date)}: ` : ''}“${md(n.text)}”`),
    ),
    ...formatSources(doc),
    '---',
    '',
    `*${md(doc.disclaimer)}*`,
    '',
  ];
  return lines.join('\n');
}
