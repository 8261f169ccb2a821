/**
 * The default text report (product.md §4.2): what was read → flags by tier → the checklist →
 * the last periods → the disclaimer. Tiers are told apart by words and symbols; colour only adds.
 */
import type { ChalkInstance } from 'chalk';
import type { CycleLog } from '../core/log.ts';
import { TIERS, type Tier } from '../core/tiers.ts';
import { RULE_TEXT } from '../report/rule-text.ts';
import type { Report, ReportFlag } from '../report/types.ts';
import { formatTextCalendar } from './calendar-text.ts';
import { sanitizeInline } from './sanitize.ts';
import { DISCLAIMER, TIER_LABEL, TIER_SYMBOL } from '../report/tier-labels.ts';
import { wrapText } from './wrap.ts';

export interface TextOptions {
  chalk: ChalkInstance;
  width: number;
  explain: boolean;
  calendar: boolean;
}

const CYCLE_SUMMARY_PERIODS = 6;

function tierColor(chalk: ChalkInstance, tier: Tier): (text: string) => string {
  switch (tier) {
    case 'urgent':
      return chalk.bold.red;
    case 'soon':
      return chalk.bold.yellow;
    case 'next-visit':
      return chalk.bold.cyan;
    case 'info':
      return chalk.bold;
  }
}

function dates(flag: { start: string; end: string }): string {
  return flag.start === flag.end ? flag.start : `${flag.start} to ${flag.end}`;
}

export function formatTextReport(report: Report, log: CycleLog, options: TextOptions): string {
  const { chalk } = options;
  const width = Math.max(40, Math.min(options.width, 100));
  const out: string[] = [];
  const para = (text: string, indent = '', first = indent) =>
    out.push(...wrapText(text, width, indent, first));
  const heading = (text: string) =>
    out.push('', chalk.bold(text), chalk.dim('─'.repeat(Math.min(width, text.length))));

  out.push(chalk.bold('cyclecheck report'));
  const files = report.input.files.map((f) => sanitizeInline(f)).join(', ');
  para(
    `Read: ${files}${report.input.formats.length > 0 ? ` (${report.input.formats.join(', ')})` : ''}`,
  );
  if (report.input.first_date) {
    para(
      `Logged: ${report.input.first_date} to ${report.input.last_date ?? report.input.first_date}, ${report.input.days_logged} day${report.input.days_logged === 1 ? '' : 's'}; ${report.periods.length} period${report.periods.length === 1 ? '' : 's'} found.`,
    );
  } else {
    para('Logged: no days.');
  }
  para(
    `Evaluated as of ${report.as_of ?? 'unknown'}${report.age !== null ? `; age ${report.age}` : ''}.`,
  );

  for (const note of report.app_notes)
    para(`${note.date}: ${sanitizeInline(note.text)}`, '  ', '• ');
  if (report.questions.length > 0) {
    heading('Facts your file could not tell');
    for (const q of report.questions) para(sanitizeInline(q.message), '  ', '? ');
  }

  heading(report.flags.length === 0 ? 'Flags: none' : `Flags (${report.flags.length})`);
  if (report.flags.length === 0) {
    para(
      'Nothing in this log matched a rule. That is not a clean bill of health: if something worries you, tell a clinician.',
    );
  }
  for (const tier of TIERS) {
    const flags = report.flags.filter((f) => f.tier === tier);
    if (flags.length === 0) continue;
    out.push('');
    const color = tierColor(chalk, tier);
    out.push(
      ...wrapText(`[${TIER_SYMBOL[tier]}] ${TIER_LABEL[tier]}`, width, '    ', '').map((l) =>
        color(l),
      ),
    );
    for (const flag of flags) formatFlag(flag, out, width, chalk);
  }

  if (options.explain) {
    heading('Not flagged, and why');
    if (report.not_flagged.length === 0) para('No candidates were set aside.');
    for (const n of report.not_flagged) para(`${n.date} ${n.rule}: ${n.reason}`, '    ', '  - ');
    heading('Not evaluated');
    if (report.not_evaluated.length === 0) para('Every rule could be evaluated.');
    for (const n of report.not_evaluated) para(`${n.rule}: ${n.reason}`, '    ', '  - ');
  }

  if (report.checklist.length > 0) {
    heading('Doctor-visit checklist');
    // clinical-rules.md §4: every printed checklist starts with the age and every flag (info too:
    // its items are on the list) with its dates and cycle day.
    const facts = [report.age !== null ? `age ${report.age}` : 'age not given'];
    facts.push(
      ...report.flags.map(
        (f) =>
          `${f.rule} (${f.tier}, ${dates(f)}${f.cycle_day !== null ? `, cycle day ${f.cycle_day}` : ''})`,
      ),
    );
    para(`Tell them: ${facts.join('; ')}.`);
    for (const item of report.checklist) {
      out.push('');
      para(`${item.code}  ${item.text}`, '      ', '[ ] ');
      for (const detail of item.details) para(sanitizeInline(detail), '        ', '      - ');
    }
  }

  if (report.periods.length > 0) {
    heading(`Last ${Math.min(CYCLE_SUMMARY_PERIODS, report.periods.length)} periods`);
    out.push('  start        days  cycle');
    for (const p of report.periods.slice(-CYCLE_SUMMARY_PERIODS)) {
      out.push(
        `  ${p.start}  ${String(p.days).padStart(4)}  ${p.cycle_length === null ? '    –' : String(p.cycle_length).padStart(5)}`,
      );
    }
  }

  if (options.calendar) {
    heading('Calendar');
    out.push(formatTextCalendar(report, log, { chalk, width }));
  }

  out.push('');
  para(DISCLAIMER);
  return out.join('\n') + '\n';
}

function formatFlag(flag: ReportFlag, out: string[], width: number, chalk: ChalkInstance): void {
  const title = RULE_TEXT[flag.rule].title;
  const when = `${dates(flag)}${flag.cycle_day !== null ? `, cycle day ${flag.cycle_day}` : ''}${flag.in_progress ? ', still in progress' : ''}`;
  out.push('');
  // Title and dates on their own lines, so neither wraps mid-phrase at 80 columns.
  out.push(`  ${TIER_SYMBOL[flag.tier].padEnd(4)}${chalk.bold(title)}`);
  out.push(...wrapText(when, width, '      '));
  out.push(...wrapText(flag.summary, width, '      '));
  for (const why of flag.why)
    out.push(...wrapText(sanitizeInline(why), width, '        ', '      · '));
  out.push(
    ...wrapText(`Rule ${flag.rule}; sources ${flag.sources.join(', ')}`, width, '      ').map((l) =>
      chalk.dim(l),
    ),
  );
}
