/**
 * The report as a Markdown document to print or send (product.md §4.3): clean on GitHub and on
 * paper. Every string from the report may carry text from an input file, so each one is
 * sanitized and escaped; only this module's own words are written raw.
 *
 * The plain-text helpers here (what was read, the profile, dates) are shared with the HTML
 * renderer so that both documents say exactly the same things.
 */
import type { CycleLog, Profile } from '../core/log.ts';
import { TIERS, type Tier } from '../core/tiers.ts';
import type { FormatId } from '../importers/types.ts';
import type { Report, ReportChecklistItem, ReportFlag, ReportPeriod } from '../report/types.ts';
import { METHOD_WORDS } from '../report/method-words.ts';
import { RULE_TEXT } from '../report/rule-text.ts';
import { sanitizeInline } from './sanitize.ts';
import { getCitedSources, getSource } from '../report/sources.ts';
import { DISCLAIMER, TIER_LABEL, TIER_SYMBOL, TIER_WORD } from '../report/tier-labels.ts';

/** The cycle table shows the most recent periods only (clinical-rules.md K11: last 6–12). */
export const CYCLE_TABLE_PERIODS = 12;

export const DOCUMENT_TITLE = 'cyclecheck report for a clinician visit';

const FORMAT_NAME: Record<FormatId, string> = {
  csv: 'cyclecheck CSV',
  json: 'cyclecheck JSON',
  'apple-health': 'Apple Health export',
  drip: 'drip export',
  clue: 'Clue export',
  mensinator: 'Mensinator export',
  periodical: 'Periodical export',
  flo: 'Flo export',
};

const MENOPAUSE_TEXT = {
  pre: 'before menopause',
  peri: 'perimenopause',
  post: 'after menopause (12 months or more since the last natural period)',
} as const;

/** A labelled line of plain (unescaped) text. */
export interface LabelledValue {
  label: string;
  value: string;
}

export function formatDateRange(start: string, end: string): string {
  return start === end ? start : `${start} to ${end}`;
}

/** The rule's short title ("Bleeding after sex"), or its id when there is none. */
export function getRuleTitle(rule: string): string {
  return (RULE_TEXT as Partial<Record<string, { title: string }>>)[rule]?.title ?? rule;
}

/** "2025-03-12 to 2025-03-13, cycle day 13" (plain text). */
export function formatFlagWhen(flag: ReportFlag): string {
  const when = formatDateRange(flag.start, flag.end);
  return flag.cycle_day === null ? when : `${when}, cycle day ${flag.cycle_day}`;
}

/** Shown above the flags when any is urgent. */
export const URGENT_NOTE =
  'For heavy bleeding with faintness or severe pain, call emergency services.';

/** A title followed by a full stop unless it already ends with punctuation. */
export function withFullStop(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

export const IN_PROGRESS_NOTE =
  'Still in progress: this episode reaches the evaluation date and may change as you log more days.';

function describeContraception(profile: Profile): string | null {
  const list = profile.contraception ?? [];
  if (list.length === 0) return null;
  return list
    .map((c) => {
      const name = METHOD_WORDS[c.method];
      if (c.start && c.end) return `${name}, ${c.start} to ${c.end}`;
      if (c.start) return `${name} since ${c.start}`;
      if (c.end) return `${name} until ${c.end}`;
      return name;
    })
    .join('; ');
}

function describePregnancy(profile: Profile): string | null {
  const p = profile.pregnancy;
  if (!p) return null;
  const parts: string[] = [];
  if (p.start) parts.push(`from ${p.start}`);
  if (p.week !== undefined)
    parts.push(p.week_on ? `week ${p.week} on ${p.week_on}` : `week ${p.week}`);
  if (p.due) parts.push(`due ${p.due}`);
  if (p.end) parts.push(`ended ${p.end}`);
  return parts.length > 0 ? parts.join(', ') : 'yes';
}

/** The profile the analysis used, as plain-text facts. */
export function getProfileFacts(report: Report): LabelledValue[] {
  const profile = report.profile;
  const facts: LabelledValue[] = [];
  const age = report.age ?? profile.age;
  facts.push({
    label: 'Age',
    value: age === undefined || age === null ? 'not given' : String(age),
  });
  if (profile.birth_date) facts.push({ label: 'Birth date', value: profile.birth_date });
  if (profile.menopause)
    facts.push({ label: 'Menopause', value: MENOPAUSE_TEXT[profile.menopause] });
  const contraception = describeContraception(profile);
  if (contraception) facts.push({ label: 'Contraception', value: contraception });
  const pregnancy = describePregnancy(profile);
  if (pregnancy) facts.push({ label: 'Pregnancy', value: pregnancy });
  if (profile.last_screening) {
    const s = profile.last_screening;
    facts.push({
      label: 'Last cervical screening',
      value: s.result ? `${s.date} (${s.result})` : s.date,
    });
  }
  const gaps = profile.not_tracked ?? [];
  if (gaps.length > 0) {
    facts.push({
      label: 'Not tracked',
      value: gaps.map((g) => formatDateRange(g.from, g.to)).join('; '),
    });
  }
  return facts;
}

/** What was read and evaluated, as plain-text facts. */
export function getInputFacts(report: Report): LabelledValue[] {
  const { files, formats, first_date, last_date, days_logged } = report.input;
  const fileText =
    files.length === formats.length
      ? files.map((f, i) => `${f} (${FORMAT_NAME[formats[i] as FormatId] ?? formats[i]})`)
      : [...files, ...formats.map((f) => `format: ${FORMAT_NAME[f] ?? f}`)];
  const facts: LabelledValue[] = [
    { label: files.length === 1 ? 'File' : 'Files', value: fileText.join('; ') },
  ];
  facts.push({
    label: 'Dates',
    value:
      first_date && last_date
        ? `${formatDateRange(first_date, last_date)} (${days_logged} day${days_logged === 1 ? '' : 's'} logged)`
        : 'no days logged',
  });
  facts.push({ label: 'Periods found', value: String(report.periods.length) });
  facts.push({ label: 'Evaluated on', value: report.as_of ?? 'no evaluation date' });
  return facts;
}

/** "5 flags: 1 urgent, 2 soon, 1 next visit, 1 info" (plain text). */
export function formatFlagCounts(report: Report): string {
  if (report.flags.length === 0) {
    return 'No episode in this log met a flag rule. If something worries you, tell a clinician anyway.';
  }
  const counts = TIERS.map((tier) => ({
    tier,
    n: report.flags.filter((f) => f.tier === tier).length,
  }))
    .filter((c) => c.n > 0)
    .map((c) => `${c.n} ${TIER_WORD[c.tier].toLowerCase()}`);
  const noun = report.flags.length === 1 ? 'flag' : 'flags';
  return `${report.flags.length} ${noun}: ${counts.join(', ')}.`;
}

export function getFlagsByTier(report: Report): { tier: Tier; flags: ReportFlag[] }[] {
  return TIERS.map((tier) => ({ tier, flags: report.flags.filter((f) => f.tier === tier) })).filter(
    (g) => g.flags.length > 0,
  );
}

/** The periods shown in the cycle table (the most recent ones), and how many were left out. */
export function getTablePeriods(report: Report): { periods: ReportPeriod[]; omitted: number } {
  const periods = report.periods.slice(-CYCLE_TABLE_PERIODS);
  return { periods, omitted: report.periods.length - periods.length };
}

export function formatCycleRange(periods: readonly ReportPeriod[]): string | null {
  const lengths = periods.map((p) => p.cycle_length).filter((n): n is number => n !== null);
  if (lengths.length === 0) return null;
  const min = Math.min(...lengths);
  const max = Math.max(...lengths);
  return min === max ? `${min} days` : `${min} to ${max} days`;
}

// --- Markdown ---------------------------------------------------------------------------------

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

/** A rule id as inline code; ids are plain [a-z0-9-], anything else is escaped text. */
function mdRule(rule: string): string {
  return /^[a-z0-9-]+$/.test(rule) ? `\`${rule}\`` : md(rule);
}

function formatFactList(facts: readonly LabelledValue[]): string[] {
  return facts.map((f) => `- **${f.label}:** ${md(f.value)}`);
}

function formatSourceCitations(tags: readonly string[]): string {
  return tags
    .map((tag) => {
      const s = getSource(tag);
      return s.short === s.tag ? `[${md(s.tag)}]` : `[${md(s.tag)}] ${md(s.short)}`;
    })
    .join('; ');
}

function formatFlag(flag: ReportFlag): string[] {
  const lines = [
    `#### ${md(getRuleTitle(flag.rule))} (${mdRule(flag.rule)})`,
    '',
    `**${md(formatFlagWhen(flag))}**`,
    '',
    md(flag.summary),
    '',
  ];
  if (flag.in_progress) lines.push(`*${IN_PROGRESS_NOTE}*`, '');
  if (flag.why.length > 0) {
    lines.push('Why it was flagged:', '', ...flag.why.map((w) => `- ${md(w)}`), '');
  }
  const meta: string[] = [`**Tier:** ${TIER_SYMBOL[flag.tier]} ${TIER_WORD[flag.tier]}`];
  if (flag.checklist.length > 0) meta.push(`**Checklist:** ${flag.checklist.map(md).join(', ')}`);
  if (flag.sources.length > 0) meta.push(`**Sources:** ${formatSourceCitations(flag.sources)}`);
  lines.push(meta.join(' · '), '');
  return lines;
}

function formatChecklistItem(item: ReportChecklistItem): string[] {
  const forText = item.for.length > 0 ? ` *(for ${item.for.map(mdRule).join(', ')})*` : '';
  return [
    `- [ ] **${md(item.code)}** ${md(item.text)}${forText}`,
    ...item.details.map((d) => `  - ${md(d)}`),
  ];
}

function formatCycleTable(report: Report): string[] {
  const { periods, omitted } = getTablePeriods(report);
  if (periods.length === 0) return ['No periods were found in this log.', ''];
  const lines = [
    omitted > 0
      ? `The last ${periods.length} of ${report.periods.length} periods found, oldest first.`
      : `The ${periods.length === 1 ? 'period' : `${periods.length} periods`} found, oldest first.`,
    '',
    '| # | Period start | Last bleeding day | Days | Cycle length (days) |',
    '| ---: | --- | --- | ---: | ---: |',
  ];
  periods.forEach((p, i) => {
    const cycle = p.cycle_length === null ? '— (latest)' : String(p.cycle_length);
    lines.push(`| ${omitted + i + 1} | ${md(p.start)} | ${md(p.end)} | ${p.days} | ${cycle} |`);
  });
  lines.push('');
  const range = formatCycleRange(periods);
  if (range) lines.push(`Cycle lengths in this table: ${range}.`, '');
  return lines;
}

function formatOtherNotes(report: Report): string[] {
  const lines: string[] = [];
  const section = (title: string, items: string[]): void => {
    if (items.length === 0) return;
    lines.push(`### ${title}`, '', ...items.map((i) => `- ${i}`), '');
  };
  section(
    'Not evaluated',
    report.not_evaluated.map(
      (n) => `${md(getRuleTitle(n.rule))} (${mdRule(n.rule)}): ${md(n.reason)}`,
    ),
  );
  section(
    'Checked and not flagged',
    report.not_flagged.map(
      (n) => `${md(getRuleTitle(n.rule))} (${mdRule(n.rule)}) on ${md(n.date)}: ${md(n.reason)}`,
    ),
  );
  section(
    'Noted by your tracking app',
    report.app_notes.map((n) => `${md(n.date)}: ${md(n.text)}`),
  );
  section(
    'Facts that would make this report more precise',
    report.questions.map((q) => md(q.message)),
  );
  section(
    'Warnings about the input',
    report.warnings.map(
      (w) => `${md(w.line === undefined ? w.file : `${w.file}:${w.line}`)}: ${md(w.message)}`,
    ),
  );
  return lines.length > 0 ? ['## Also noted', '', ...lines] : [];
}

function formatSources(report: Report): string[] {
  const sources = getCitedSources(report.flags.map((f) => f.sources));
  if (sources.length === 0) return [];
  return [
    '## Sources',
    '',
    ...sources.map((s) => {
      const urls = s.urls.length > 0 ? ` ${s.urls.map((u) => `<${u}>`).join(' ')}` : '';
      return `- **[${md(s.tag)}]** ${md(withFullStop(s.title))}${urls}`;
    }),
    '',
  ];
}

function formatChecklistIntro(report: Report): string[] {
  const age = report.age ?? report.profile.age;
  return [
    'Start the visit with:',
    '',
    `- Age: ${age === undefined || age === null ? 'not given' : age}`,
    ...report.flags.map(
      (f) =>
        `- ${md(getRuleTitle(f.rule))} (${mdRule(f.rule)}, ${TIER_WORD[f.tier].toLowerCase()}): ${md(formatFlagWhen(f))}`,
    ),
    '',
  ];
}

export function formatMarkdownReport(report: Report, log: CycleLog): string {
  void log; // the Markdown document has no calendar; the parameter keeps all renderers alike
  const lines: string[] = [
    `# ${DOCUMENT_TITLE}`,
    '',
    '*Informational, not a diagnosis.*',
    '',
    ...formatFactList(getInputFacts(report)),
    '',
    '## About you',
    '',
    ...formatFactList(getProfileFacts(report)),
    '',
    '## Flagged episodes',
    '',
    formatFlagCounts(report),
    '',
  ];
  if (report.flags.some((f) => f.tier === 'urgent')) {
    lines.push(`> **${TIER_LABEL.urgent}.** ${URGENT_NOTE}`, '');
  }
  for (const group of getFlagsByTier(report)) {
    lines.push(`### ${TIER_SYMBOL[group.tier]} ${TIER_LABEL[group.tier]}`, '');
    for (const flag of group.flags) lines.push(...formatFlag(flag));
  }
  lines.push('## Doctor-visit checklist', '');
  if (report.checklist.length === 0 && report.flags.length === 0) {
    lines.push('Nothing to prepare from this log. Bring it along if you have concerns.', '');
  } else {
    lines.push(...formatChecklistIntro(report));
    if (report.checklist.length > 0) {
      lines.push('Note, bring and ask:', '');
      for (const item of report.checklist) lines.push(...formatChecklistItem(item));
      lines.push('');
    }
  }
  lines.push('## Cycles', '', ...formatCycleTable(report));
  lines.push(...formatOtherNotes(report));
  lines.push(...formatSources(report));
  lines.push('---', '', `*${DISCLAIMER}*`, '');
  return lines.join('\n');
}
