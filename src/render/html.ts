/**
 * The report as one self-contained, printable HTML file (product.md §4.3): inline CSS, no
 * scripts, nothing fetched, no links out of the document (source addresses are printed as text).
 * Adds to the Markdown content a calendar of the logged months and a cycle-length chart.
 * Every marker pairs a colour with a letter, symbol or border pattern, so the document also works
 * in black and white and for people who do not see colour.
 */
import type { CycleLog } from '../core/log.ts';
import type { Tier } from '../core/tiers.ts';
import type { Report, ReportChecklistItem, ReportFlag, ReportPeriod } from '../report/types.ts';
import {
  CALENDAR_LEGEND,
  LONG_FLAG_DAYS,
  MONTH_NAMES,
  TIER_LEGEND,
  WEEKDAY_NAMES,
  describeDay,
  getCalendarMonths,
  getDayMarkers,
  hasLongFlags,
  type CalendarDay,
  type CalendarMonth,
} from '../report/calendar-data.ts';
import {
  DOCUMENT_TITLE,
  IN_PROGRESS_NOTE,
  URGENT_NOTE,
  formatCycleRange,
  formatFlagCounts,
  formatFlagWhen,
  getFlagsByTier,
  getInputFacts,
  getProfileFacts,
  getRuleTitle,
  getTablePeriods,
  withFullStop,
  type LabelledValue,
} from './markdown.ts';
import { sanitizeInline } from './sanitize.ts';
import { getCitedSources, getSource } from '../report/sources.ts';
import { DISCLAIMER, TIER_LABEL, TIER_SYMBOL, TIER_WORD } from '../report/tier-labels.ts';

/** Text and background pairs used in the document; each must reach 4.5:1 contrast. */
export const COLORS = {
  ink: '#1b1b1b',
  muted: '#4d4d4d',
  paper: '#ffffff',
  faint: '#f2f2f2',
  rule: '#8c8c8c',
  urgent: '#a11d21',
  soon: '#8a4500',
  nextVisit: '#1f4e8c',
  info: '#4d4d4d',
  heavy: '#7a1616',
  medium: '#b3302a',
  light: '#f7cbc8',
  spotting: '#b3302a',
  elsewhere: '#fff0b3',
  untracked: '#dedede',
  outside: '#6b6b6b',
  bar: '#1f4e8c',
  band: '#e3efe3',
} as const;

/** Foreground/background pairs actually used for text (tested for contrast). */
export const TEXT_COLOR_PAIRS: readonly { name: string; fg: string; bg: string }[] = [
  { name: 'body', fg: COLORS.ink, bg: COLORS.paper },
  { name: 'muted', fg: COLORS.muted, bg: COLORS.paper },
  { name: 'muted on faint', fg: COLORS.muted, bg: COLORS.faint },
  { name: 'outside the log', fg: COLORS.outside, bg: COLORS.faint },
  { name: 'urgent badge', fg: COLORS.paper, bg: COLORS.urgent },
  { name: 'soon badge', fg: COLORS.paper, bg: COLORS.soon },
  { name: 'next-visit badge', fg: COLORS.paper, bg: COLORS.nextVisit },
  { name: 'info badge', fg: COLORS.paper, bg: COLORS.info },
  { name: 'urgent text', fg: COLORS.urgent, bg: COLORS.paper },
  { name: 'soon text', fg: COLORS.soon, bg: COLORS.paper },
  { name: 'next-visit text', fg: COLORS.nextVisit, bg: COLORS.paper },
  { name: 'heavy day', fg: COLORS.paper, bg: COLORS.heavy },
  { name: 'medium day', fg: COLORS.paper, bg: COLORS.medium },
  { name: 'light day', fg: COLORS.ink, bg: COLORS.light },
  { name: 'blood from elsewhere', fg: COLORS.ink, bg: COLORS.elsewhere },
  { name: 'not tracked', fg: COLORS.ink, bg: COLORS.untracked },
  { name: 'chart labels', fg: COLORS.ink, bg: COLORS.band },
  { name: 'chart bar value', fg: COLORS.paper, bg: COLORS.bar },
];

const TIER_COLOR: Record<Tier, string> = {
  urgent: COLORS.urgent,
  soon: COLORS.soon,
  'next-visit': COLORS.nextVisit,
  info: COLORS.info,
};

/** Border patterns tell tiers apart on a black-and-white printout. */
const TIER_BORDER: Record<Tier, string> = {
  urgent: '3px solid',
  soon: '3px dashed',
  'next-visit': '2px dotted',
  info: '1px solid',
};

const TIER_CLASS: Record<Tier, string> = {
  urgent: 'urgent',
  soon: 'soon',
  'next-visit': 'next-visit',
  info: 'info',
};

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Input-derived text: one safe line, escaped. */
function h(text: string | number): string {
  return escapeHtml(sanitizeInline(String(text)));
}

/** A fragment id from a code or tag; anything unusual becomes '-'. */
function anchor(prefix: string, key: string): string {
  return `${prefix}-${key.replace(/[^A-Za-z0-9-]/g, '-')}`;
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0 auto; max-width: 60rem; padding: 1.5rem 1.25rem 3rem;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: ${COLORS.ink}; background: ${COLORS.paper};
}
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid ${COLORS.ink}; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }
h4 { font-size: 1rem; margin: 0 0 .3rem; }
h1, h2, h3, h4, .lead-in { break-after: avoid; page-break-after: avoid; }
p, ul, dl { margin: .4rem 0; }
ul { padding-left: 1.3rem; }
a { color: ${COLORS.nextVisit}; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em; }
.sub { color: ${COLORS.muted}; margin: 0 0 1rem; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: .5rem 2rem; }
.facts h2 { font-size: 1rem; margin: .5rem 0 .3rem; border-bottom: 1px solid ${COLORS.rule}; }
.facts dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.callout { border: 3px solid ${COLORS.urgent}; padding: .6rem .8rem; font-weight: 600; }
.tier { margin-top: 1rem; }
.badge { display: inline-block; padding: .05rem .45rem; border-radius: .25rem; color: ${COLORS.paper}; font-weight: 700; font-size: .85rem; letter-spacing: .02em; }
.flag { border-left: 6px solid; padding: .5rem .8rem .6rem; margin: .6rem 0 .9rem; background: ${COLORS.faint}; break-inside: avoid; page-break-inside: avoid; }
.flag .when { font-weight: 600; margin: .1rem 0 .3rem; }
.flag .label { margin: .4rem 0 0; font-weight: 600; }
.flag .meta { color: ${COLORS.muted}; font-size: .9rem; }
.flag .progress { font-style: italic; }
${(['urgent', 'soon', 'next-visit', 'info'] as const)
  .map(
    (t) =>
      `.badge.${TIER_CLASS[t]} { background: ${TIER_COLOR[t]}; }\n.flag.${TIER_CLASS[t]} { border-left-color: ${TIER_COLOR[t]}; }\n` +
      `.tier-head.${TIER_CLASS[t]} { color: ${t === 'info' ? COLORS.ink : TIER_COLOR[t]}; }`,
  )
  .join('\n')}
.checklist { list-style: none; padding-left: 0; }
.checklist > li { position: relative; padding-left: 1.7rem; margin: .45rem 0; break-inside: avoid; page-break-inside: avoid; }
.checklist > li::before { content: ""; position: absolute; left: 0; top: .2rem; width: 1rem; height: 1rem; border: 2px solid ${COLORS.ink}; border-radius: 2px; }
.checklist .for { color: ${COLORS.muted}; font-size: .9rem; }
.checklist ul { margin: .2rem 0; }
table { border-collapse: collapse; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.data { width: 100%; margin: .5rem 0; font-size: .92rem; break-inside: avoid; page-break-inside: avoid; }
.data caption { text-align: left; padding: 0 0 .3rem; }
.data th, .data td { border: 1px solid ${COLORS.rule}; padding: .25rem .5rem; text-align: left; }
.data thead th { background: ${COLORS.faint}; }
.data .num { text-align: right; font-variant-numeric: tabular-nums; }
.legend { display: flex; flex-wrap: wrap; gap: .35rem 1.1rem; padding: 0; margin: .5rem 0 1rem; list-style: none; font-size: .85rem; break-inside: avoid; }
.legend li { display: flex; align-items: center; gap: .35rem; }
.swatch { display: inline-flex; align-items: center; justify-content: center; width: 1.7rem; height: 1.35rem; font-weight: 700; font-size: .8rem; border: 1px solid ${COLORS.rule}; background: ${COLORS.paper}; }
.months { display: grid; grid-template-columns: repeat(auto-fill, minmax(17.5rem, 1fr)); gap: 1rem 1.25rem; }
.month { width: 100%; table-layout: fixed; break-inside: avoid; page-break-inside: avoid; font-size: .8rem; }
.month caption { font-weight: 700; text-align: left; padding: 0 0 .2rem; font-size: .95rem; }
.month th { font-weight: 600; color: ${COLORS.muted}; padding: .1rem 0; text-align: center; }
.month abbr { text-decoration: none; }
.month td { position: relative; height: 2.6rem; padding: .1rem .15rem; vertical-align: top; border: 1px solid ${COLORS.rule}; background: ${COLORS.paper}; }
.month td.pad { border: none; background: transparent; }
.d .n { display: block; font-weight: 600; line-height: 1.1; }
.d .mk { display: block; font-weight: 700; letter-spacing: .06em; line-height: 1.2; }
.d .t { position: absolute; top: .1rem; right: .1rem; padding: 0 .15rem; font-size: .72rem; font-weight: 800; line-height: 1.15; background: ${COLORS.paper}; border: 1px solid; border-radius: 2px; }
.f-H { background: ${COLORS.heavy} !important; color: ${COLORS.paper}; }
.f-M { background: ${COLORS.medium} !important; color: ${COLORS.paper}; }
.f-L { background: ${COLORS.light} !important; }
.f-s { box-shadow: inset 0 0 0 2px ${COLORS.paper}, inset 0 0 0 3px ${COLORS.spotting}; }
.f-o { background: ${COLORS.elsewhere} !important; }
.f-u { background: repeating-linear-gradient(135deg, ${COLORS.untracked} 0 4px, ${COLORS.paper} 4px 8px) !important; }
.out { background: ${COLORS.faint} !important; color: ${COLORS.outside}; }
${(['urgent', 'soon', 'next-visit', 'info'] as const)
  .map(
    (t) =>
      `.d.t-${TIER_CLASS[t]} { outline: ${TIER_BORDER[t]} ${TIER_COLOR[t]}; outline-offset: -3px; }\n` +
      `.d.t-${TIER_CLASS[t]} .t { color: ${TIER_COLOR[t]}; }`,
  )
  .join('\n')}
.sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.chart { width: 100%; max-width: 40rem; height: auto; display: block; margin: .5rem 0; break-inside: avoid; }
.sources li { margin: .3rem 0; overflow-wrap: anywhere; break-inside: avoid; page-break-inside: avoid; }
.url { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; color: ${COLORS.muted}; }
footer { margin-top: 2.5rem; padding-top: .6rem; border-top: 2px solid ${COLORS.ink}; font-weight: 600; }
@page { margin: 14mm 12mm 16mm; }
@page { @bottom-center { content: "cyclecheck report · page " counter(page) " of " counter(pages); font-size: 8pt; color: ${COLORS.muted}; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { margin-top: 1.2rem; }
  /* The key and the months it explains start together on a fresh page. */
  #calendar { break-before: page; page-break-before: always; }
  #calendar h2 { margin-top: 0; }
  .months { grid-template-columns: repeat(2, 1fr); gap: 4mm 6mm; }
  .legend { font-size: 8pt; gap: 1mm 4mm; margin: 2mm 0 3mm; }
  .swatch { width: 6mm; height: 4.5mm; font-size: 7pt; }
  .month caption { font-size: 9.5pt; }
  .month td { height: 8mm; padding: .3mm .6mm; }
  .flag { background: none; border: 1px solid ${COLORS.rule}; border-left: 6px solid; }
  .chart { max-width: 150mm; }
}
`;

function formatFactList(facts: readonly LabelledValue[]): string {
  return `<dl>${facts.map((f) => `<dt>${h(f.label)}</dt><dd>${h(f.value)}</dd>`).join('')}</dl>`;
}

function formatBadge(tier: Tier): string {
  return `<span class="badge ${TIER_CLASS[tier]}">${h(TIER_SYMBOL[tier])} ${h(TIER_WORD[tier])}</span>`;
}

function formatSourceCitations(tags: readonly string[]): string {
  return tags
    .map((tag) => {
      const s = getSource(tag);
      const ref = `<a href="#${anchor('src', s.tag)}">[${h(s.tag)}]</a>`;
      return s.short === s.tag ? ref : `${ref} ${h(s.short)}`;
    })
    .join('; ');
}

function formatFlag(flag: ReportFlag, index: number): string {
  const id = `flag-${index + 1}`;
  const parts = [
    `<article class="flag ${TIER_CLASS[flag.tier]}" aria-labelledby="${id}">`,
    `<h4 id="${id}">${formatBadge(flag.tier)} ${h(getRuleTitle(flag.rule))} <code>${h(flag.rule)}</code></h4>`,
    `<p class="when">${h(formatFlagWhen(flag))}</p>`,
    `<p class="summary">${h(flag.summary)}</p>`,
  ];
  if (flag.in_progress) parts.push(`<p class="progress">${h(IN_PROGRESS_NOTE)}</p>`);
  if (flag.why.length > 0) {
    parts.push(
      '<p class="label">Why it was flagged</p>',
      `<ul>${flag.why.map((w) => `<li>${h(w)}</li>`).join('')}</ul>`,
    );
  }
  const meta: string[] = [];
  if (flag.checklist.length > 0) {
    const codes = flag.checklist.map((c) => `<a href="#${anchor('check', c)}">${h(c)}</a>`);
    meta.push(`Checklist: ${codes.join(', ')}`);
  }
  if (flag.sources.length > 0) meta.push(`Sources: ${formatSourceCitations(flag.sources)}`);
  if (meta.length > 0) parts.push(`<p class="meta">${meta.join(' · ')}</p>`);
  parts.push('</article>');
  return parts.join('\n');
}

function formatFlagsSection(report: Report): string {
  const parts = [
    '<section id="flags" aria-labelledby="flags-title">',
    '<h2 id="flags-title">Flagged episodes</h2>',
    `<p>${h(formatFlagCounts(report))}</p>`,
  ];
  if (report.flags.some((f) => f.tier === 'urgent')) {
    parts.push(`<p class="callout" role="note">${h(TIER_LABEL.urgent)}. ${h(URGENT_NOTE)}</p>`);
  }
  let index = 0;
  for (const group of getFlagsByTier(report)) {
    parts.push(
      `<section class="tier" aria-label="${h(TIER_WORD[group.tier])}">`,
      `<h3 class="tier-head ${TIER_CLASS[group.tier]}">${h(TIER_SYMBOL[group.tier])} ${h(TIER_LABEL[group.tier])}</h3>`,
    );
    for (const flag of group.flags) parts.push(formatFlag(flag, index++));
    parts.push('</section>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

function formatChecklistItem(item: ReportChecklistItem): string {
  const forText =
    item.for.length > 0
      ? ` <span class="for">(for ${item.for.map((r) => `<code>${h(r)}</code>`).join(', ')})</span>`
      : '';
  const details =
    item.details.length > 0
      ? `<ul>${item.details.map((d) => `<li>${h(d)}</li>`).join('')}</ul>`
      : '';
  return `<li id="${anchor('check', item.code)}"><strong>${h(item.code)}</strong> ${h(item.text)}${forText}${details}</li>`;
}

function formatChecklistSection(report: Report): string {
  const parts = [
    '<section id="checklist" aria-labelledby="checklist-title">',
    '<h2 id="checklist-title">Doctor-visit checklist</h2>',
  ];
  if (report.checklist.length === 0 && report.flags.length === 0) {
    parts.push('<p>Nothing to prepare from this log. Bring it along if you have concerns.</p>');
  } else {
    const age = report.age ?? report.profile.age;
    const start = [
      `<li>Age: ${age === undefined || age === null ? 'not given' : h(age)}</li>`,
      ...report.flags.map(
        (f) =>
          `<li>${h(getRuleTitle(f.rule))} <code>${h(f.rule)}</code> (${h(TIER_WORD[f.tier].toLowerCase())}): ${h(formatFlagWhen(f))}</li>`,
      ),
    ];
    parts.push('<p class="lead-in">Start the visit with:</p>', `<ul>${start.join('')}</ul>`);
    if (report.checklist.length > 0) {
      parts.push(
        '<p class="lead-in">Note, bring and ask:</p>',
        `<ul class="checklist">${report.checklist.map(formatChecklistItem).join('\n')}</ul>`,
      );
    }
  }
  parts.push('</section>');
  return parts.join('\n');
}

function formatDayCell(day: CalendarDay | null, month: CalendarMonth): string {
  if (day === null) return '<td class="pad"></td>';
  const m = getDayMarkers(day);
  const classes = ['d'];
  if (m.flow === '-') classes.push('f-u');
  else if (m.flow !== '') classes.push(`f-${m.flow}`);
  if (!day.inRange) classes.push('out');
  if (day.tier !== null) classes.push(`t-${TIER_CLASS[day.tier]}`);
  const markers = [m.flow, m.sex, m.pain].filter((x) => x !== '').join('');
  return (
    `<td class="${classes.join(' ')}">` +
    `<span class="n" aria-hidden="true">${day.day}</span>` +
    (markers ? `<span class="mk" aria-hidden="true">${h(markers)}</span>` : '') +
    (m.tier ? `<span class="t" aria-hidden="true">${h(m.tier)}</span>` : '') +
    `<span class="sr">${h(describeDay(day, month))}</span></td>`
  );
}

function formatMonthTable(month: CalendarMonth): string {
  const head = WEEKDAY_NAMES.map(
    (name) => `<th scope="col"><abbr title="${name}">${name.slice(0, 2)}</abbr></th>`,
  ).join('');
  const rows = month.weeks
    .map((week) => `<tr>${week.map((d) => formatDayCell(d, month)).join('')}</tr>`)
    .join('\n');
  return `<table class="month"><caption>${h(month.title)}</caption><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function formatLegend(): string {
  const swatchClass: Record<string, string> = {
    H: 'f-H',
    M: 'f-M',
    L: 'f-L',
    s: 'f-s',
    o: 'f-o',
    '-': 'f-u',
  };
  const items = CALENDAR_LEGEND.map(
    (e) =>
      `<li><span class="swatch d ${swatchClass[e.marker] ?? ''}" aria-hidden="true">${h(e.marker)}</span>${h(e.meaning)}</li>`,
  );
  const tiers = (['urgent', 'soon', 'next-visit', 'info'] as const).map(
    (t, i) =>
      `<li><span class="swatch d t-${TIER_CLASS[t]}" aria-hidden="true">${h(TIER_SYMBOL[t])}</span>flagged: ${h(TIER_LEGEND[i]?.meaning ?? t)}</li>`,
  );
  items.push(
    ...tiers,
    `<li><span class="swatch d out" aria-hidden="true">7</span>outside the logged dates</li>`,
  );
  return `<ul class="legend" aria-label="Calendar key">${items.join('')}</ul>`;
}

function formatCalendarSection(report: Report, log: CycleLog): string {
  const months = getCalendarMonths(report, log);
  const parts = [
    '<section id="calendar" aria-labelledby="calendar-title">',
    '<h2 id="calendar-title">Calendar</h2>',
  ];
  if (months.length === 0) {
    parts.push('<p>No logged days to show.</p>');
  } else {
    const first = months[0];
    const last = months[months.length - 1];
    const span =
      first && last && first !== last ? `${first.title} to ${last.title}` : (first?.title ?? '');
    const longNote = hasLongFlags(report)
      ? ` A flag covering more than ${LONG_FLAG_DAYS} days is marked on its first day only.`
      : '';
    parts.push(
      `<p class="sub">${h(span)}. Each day shows its date, then letters for what was logged; a symbol in the corner and a border mark flagged days.${longNote}</p>`,
      formatLegend(),
      `<div class="months">\n${months.map(formatMonthTable).join('\n')}\n</div>`,
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

function shortDate(iso: string): string {
  const [, month, day] = iso.split('-');
  return `${Number(day)} ${MONTH_NAMES[Number(month) - 1]?.slice(0, 3) ?? ''}`;
}

/** A bar per cycle, with the FIGO reference band (24–38 days) behind the bars. */
function formatCycleChart(periods: readonly ReportPeriod[]): string {
  const cycles = periods.filter((p) => p.cycle_length !== null) as (ReportPeriod & {
    cycle_length: number;
  })[];
  if (cycles.length === 0) return '';
  const width = 640;
  const height = 220;
  const left = 44;
  const right = 12;
  const top = 16;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const maxValue = Math.max(45, ...cycles.map((c) => c.cycle_length + 5));
  const y = (v: number): number => top + plotH - (v / maxValue) * plotH;
  const slot = plotW / cycles.length;
  const barW = Math.min(44, slot * 0.6);
  const ticks = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100].filter((t) => t <= maxValue);
  const values = cycles.map((c) => `${c.start}: ${c.cycle_length} days`).join('; ');

  const parts = [
    `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc">`,
    `<title id="chart-title">Cycle lengths in days, by period start</title>`,
    `<desc id="chart-desc">${h(values)}. Shaded band: 24 to 38 days, the FIGO reference range.</desc>`,
    `<rect x="${left}" y="${y(38).toFixed(1)}" width="${plotW}" height="${(y(24) - y(38)).toFixed(1)}" fill="${COLORS.band}"/>`,
    `<text x="${width - right - 4}" y="${(y(38) + 12).toFixed(1)}" text-anchor="end" font-size="11" fill="${COLORS.ink}">24–38 days (FIGO reference)</text>`,
  ];
  for (const t of ticks) {
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="${COLORS.rule}" stroke-width="${t === 0 ? 1.2 : 0.4}"/>`,
      `<text x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="${COLORS.ink}">${t}</text>`,
    );
  }
  cycles.forEach((c, i) => {
    const cx = left + slot * i + slot / 2;
    const top = y(c.cycle_length);
    parts.push(
      `<rect x="${(cx - barW / 2).toFixed(1)}" y="${top.toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(0) - top).toFixed(1)}" fill="${COLORS.bar}"/>`,
      `<text x="${cx.toFixed(1)}" y="${(top + 14).toFixed(1)}" text-anchor="middle" font-size="12" font-weight="700" fill="${COLORS.paper}">${c.cycle_length}</text>`,
      `<text x="${cx.toFixed(1)}" y="${(y(0) + 16).toFixed(1)}" text-anchor="middle" font-size="11" fill="${COLORS.ink}">${h(shortDate(c.start))}</text>`,
    );
  });
  parts.push(
    `<text x="${left + plotW / 2}" y="${height - 4}" text-anchor="middle" font-size="11" fill="${COLORS.ink}">cycle starting on</text>`,
    `<text x="12" y="${top + plotH / 2}" text-anchor="middle" font-size="11" fill="${COLORS.ink}" transform="rotate(-90 12 ${top + plotH / 2})">days</text>`,
    '</svg>',
  );
  return parts.join('\n');
}

function formatCyclesSection(report: Report): string {
  const { periods, omitted } = getTablePeriods(report);
  const parts = [
    '<section id="cycles" aria-labelledby="cycles-title">',
    '<h2 id="cycles-title">Cycles</h2>',
  ];
  if (periods.length === 0) {
    parts.push('<p>No periods were found in this log.</p>');
  } else {
    parts.push(formatCycleChart(periods));
    const intro =
      omitted > 0
        ? `The last ${periods.length} of ${report.periods.length} periods found, oldest first.`
        : `The ${periods.length === 1 ? 'period' : `${periods.length} periods`} found, oldest first.`;
    const rows = periods
      .map((p, i) => {
        const cycle = p.cycle_length === null ? '— (latest)' : h(p.cycle_length);
        return `<tr><th scope="row" class="num">${omitted + i + 1}</th><td>${h(p.start)}</td><td>${h(p.end)}</td><td class="num">${h(p.days)}</td><td class="num">${cycle}</td></tr>`;
      })
      .join('\n');
    parts.push(
      `<table class="data"><caption>${h(intro)}</caption><thead><tr><th scope="col" class="num">#</th><th scope="col">Period start</th><th scope="col">Last bleeding day</th><th scope="col" class="num">Days</th><th scope="col" class="num">Cycle length (days)</th></tr></thead><tbody>\n${rows}\n</tbody></table>`,
    );
    const range = formatCycleRange(periods);
    if (range) parts.push(`<p>Cycle lengths in this table: ${h(range)}.</p>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

function formatOtherNotesSection(report: Report): string {
  const blocks: string[] = [];
  const block = (title: string, items: string[]): void => {
    if (items.length === 0) return;
    blocks.push(`<h3>${h(title)}</h3>`, `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`);
  };
  block(
    'Not evaluated',
    report.not_evaluated.map(
      (n) => `${h(getRuleTitle(n.rule))} <code>${h(n.rule)}</code>: ${h(n.reason)}`,
    ),
  );
  block(
    'Checked and not flagged',
    report.not_flagged.map(
      (n) => `${h(getRuleTitle(n.rule))} <code>${h(n.rule)}</code> on ${h(n.date)}: ${h(n.reason)}`,
    ),
  );
  block(
    'Noted by your tracking app',
    report.app_notes.map((n) => `${h(n.date)}: ${h(n.text)}`),
  );
  block(
    'Facts that would make this report more precise',
    report.questions.map((q) => h(q.message)),
  );
  block(
    'Warnings about the input',
    report.warnings.map(
      (w) => `${h(w.line === undefined ? w.file : `${w.file}:${w.line}`)}: ${h(w.message)}`,
    ),
  );
  if (blocks.length === 0) return '';
  return [
    '<section id="notes" aria-labelledby="notes-title">',
    '<h2 id="notes-title">Also noted</h2>',
    ...blocks,
    '</section>',
  ].join('\n');
}

function formatSourcesSection(report: Report): string {
  const sources = getCitedSources(report.flags.map((f) => f.sources));
  if (sources.length === 0) return '';
  const items = sources.map((s) => {
    const urls = s.urls.map((u) => ` <span class="url">${h(u)}</span>`).join('');
    return `<li id="${anchor('src', s.tag)}"><strong>[${h(s.tag)}]</strong> ${h(withFullStop(s.title))}${urls}</li>`;
  });
  return [
    '<section id="sources" aria-labelledby="sources-title">',
    '<h2 id="sources-title">Sources</h2>',
    `<ul class="sources">${items.join('\n')}</ul>`,
    '</section>',
  ].join('\n');
}

export function formatHtmlReport(report: Report, log: CycleLog): string {
  const range =
    report.input.first_date && report.input.last_date
      ? ` — ${report.input.first_date} to ${report.input.last_date}`
      : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${h(DOCUMENT_TITLE + range)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${h(DOCUMENT_TITLE)}</h1>`,
    '<p class="sub">Informational, not a diagnosis.</p>',
    '<div class="facts">',
    `<section aria-labelledby="read-title"><h2 id="read-title">What was read</h2>${formatFactList(getInputFacts(report))}</section>`,
    `<section aria-labelledby="about-title"><h2 id="about-title">About you</h2>${formatFactList(getProfileFacts(report))}</section>`,
    '</div>',
    '</header>',
    '<main>',
    formatFlagsSection(report),
    formatChecklistSection(report),
    formatCalendarSection(report, log),
    formatCyclesSection(report),
    formatOtherNotesSection(report),
    formatSourcesSection(report),
    '</main>',
    `<footer><p>${h(DISCLAIMER)}</p></footer>`,
    '</body>',
    '</html>',
  ]
    .filter((part) => part !== '')
    .join('\n')
    .concat('\n');
}
