/**
 * The report as one self-contained, printable HTML file (docs/report-format.md), laid out from the visit
 * document: inline CSS (report.css, inlined at build), no scripts, nothing fetched, no links out
 * of the document (source addresses are printed as text). The top of page 1 holds who, what was
 * read, the cycle summary and the findings headline; then the findings, the checklist, the
 * calendar, the cycles and the sources. Every marker pairs a colour with a letter, symbol or
 * border pattern, so the document also works in black and white.
 */
import type { CycleLog } from '../core/log.ts';
import { TIERS, type Tier } from '../core/tiers.ts';
import { buildVisitDocument } from '../report/build-document.ts';
import {
  CALENDAR_LEGEND,
  MONTH_NAMES,
  TIER_LEGEND,
  WEEKDAY_NAMES,
  describeDay,
  getDayMarkers,
  type CalendarDay,
  type CalendarMonth,
} from '../report/calendar-data.ts';
import type { DocumentFinding, LabelledValue, VisitDocument } from '../report/document.ts';
import type { Report } from '../report/types.ts';
import { formatCycleLine } from './cycle-words.ts';
import { IN_PROGRESS_NOTE, URGENT_NOTE, withFullStop } from './markdown.ts';
import REPORT_CSS from './report.css?raw';
import { sanitizeInline } from '../text/sanitize.ts';
import { TIER_SYMBOL } from '../report/tier-labels.ts';

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

/** The colours as CSS custom properties: report.css uses only these, so each is defined once. */
function formatColorVariables(): string {
  const vars = Object.entries(COLORS).map(
    ([name, value]) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${value};`,
  );
  return `:root { ${vars.join(' ')} }`;
}

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

function formatFactList(facts: readonly LabelledValue[]): string {
  return `<dl>${facts.map((f) => `<dt>${h(f.label)}</dt><dd>${h(f.value)}</dd>`).join('')}</dl>`;
}

function formatBadge(doc: VisitDocument, tier: Tier): string {
  return `<span class="badge ${TIER_CLASS[tier]}">${h(doc.tiers[tier].symbol)} ${h(doc.tiers[tier].word)}</span>`;
}

function formatCycleFacts(doc: VisitDocument): LabelledValue[] {
  const c = doc.summary.cycles;
  if (c === null) return [{ label: 'Cycles', value: 'fewer than two periods logged' }];
  const facts: LabelledValue[] = [{ label: 'Cycles counted', value: String(c.counted) }];
  if (c.averageLength !== null)
    facts.push({ label: 'Average cycle', value: `${c.averageLength} days` });
  if (c.shortest !== null && c.longest !== null)
    facts.push({ label: 'Shortest / longest', value: `${c.shortest} / ${c.longest} days` });
  if (c.averagePeriodDays !== null)
    facts.push({ label: 'Average period', value: `${c.averagePeriodDays} days` });
  if (c.lastPeriodStart !== null)
    facts.push({ label: 'Last period start', value: c.lastPeriodStart });
  return facts;
}

function formatHeader(doc: VisitDocument): string {
  const s = doc.summary;
  const name =
    s.name !== null ? h(s.name) : '<span class="blank" aria-label="write the name here"></span>';
  const parts = [
    '<header>',
    `<h1>${h(doc.title)}</h1>`,
    `<p class="sub">Informational, not a diagnosis. Evaluated on ${h(doc.evaluatedOn ?? 'no date')} by ${h(doc.producer)}.</p>`,
    `<p class="who"><span><strong>Name:</strong> ${name}</span><span><strong>Age:</strong> ${s.age !== null ? h(s.age) : 'not given'}</span></p>`,
  ];
  if (doc.warnings.length > 0) {
    parts.push(
      `<div class="callout warn" role="note"><strong>Warnings about what was read</strong><ul>${doc.warnings.map((w) => `<li>${h(w)}</li>`).join('')}</ul></div>`,
    );
  }
  parts.push(
    '<div class="facts">',
    `<section aria-labelledby="about-title"><h2 id="about-title">About you</h2>${formatFactList(s.person.filter((f) => f.label !== 'Age'))}</section>`,
    `<section aria-labelledby="read-title"><h2 id="read-title">What was read</h2>${formatFactList(s.read)}</section>`,
    `<section aria-labelledby="cycle-title"><h2 id="cycle-title">Cycle summary</h2>${formatFactList(formatCycleFacts(doc))}</section>`,
    '</div>',
    '<section class="headline" aria-labelledby="headline-title">',
    `<h2 id="headline-title">${h(s.headlineText)}</h2>`,
  );
  if (doc.findings.length > 0) {
    const items = doc.findings.map(
      (f, i) =>
        `<li>${formatBadge(doc, f.tier)} <a href="#finding-${i + 1}">${h(f.heading)}</a></li>`,
    );
    parts.push(`<ul class="headline-list">${items.join('')}</ul>`);
  }
  parts.push('</section>', '</header>');
  return parts.join('\n');
}

function formatSourceRefs(numbers: readonly number[]): string {
  return numbers.map((n) => `<a href="#src-${n}">[${n}]</a>`).join(' ');
}

function formatFinding(doc: VisitDocument, f: DocumentFinding, index: number): string {
  const id = `finding-${index + 1}`;
  const parts = [
    `<article class="flag ${TIER_CLASS[f.tier]}" aria-labelledby="${id}-title" id="${id}">`,
    `<h4 id="${id}-title">${formatBadge(doc, f.tier)} ${h(f.heading)}</h4>`,
    `<p class="summary">${h(f.summary)}</p>`,
    '<ul class="occurrences">',
  ];
  for (const o of f.occurrences) {
    const day = o.cycleDay !== null ? `, cycle day ${o.cycleDay}` : '';
    const notes = o.notes
      .map((n) => `<span class="note">Your note (${h(n.date)}): “${h(n.text)}”</span>`)
      .join('');
    const progress = o.inProgress ? `<span class="progress">${h(IN_PROGRESS_NOTE)}</span>` : '';
    parts.push(
      `<li><strong>${h(o.when)}</strong>${h(day)}: ${o.why.map(h).join(' ')}${progress}${notes}</li>`,
    );
  }
  for (const why of f.why) parts.push(`<li>${h(why)}</li>`);
  parts.push('</ul>');
  if (f.sources.length > 0)
    parts.push(`<p class="meta">Sources: ${formatSourceRefs(f.sources)}</p>`);
  parts.push('</article>');
  return parts.join('\n');
}

function formatFindingsSection(doc: VisitDocument): string {
  if (doc.findings.length === 0) return '';
  const parts = [
    '<section id="flags" aria-labelledby="flags-title">',
    '<h2 id="flags-title">Findings</h2>',
  ];
  if (doc.findings.some((f) => f.tier === 'urgent')) {
    parts.push(
      `<p class="callout" role="note">${h(doc.tiers.urgent.label)}. ${h(URGENT_NOTE)}</p>`,
    );
  }
  for (const tier of TIERS) {
    const findings = doc.findings.filter((f) => f.tier === tier);
    if (findings.length === 0) continue;
    parts.push(
      `<section class="tier" aria-label="${h(doc.tiers[tier].word)}">`,
      `<h3 class="tier-head ${TIER_CLASS[tier]}">${h(doc.tiers[tier].symbol)} ${h(doc.tiers[tier].label)}</h3>`,
      ...findings.map((f) => formatFinding(doc, f, doc.findings.indexOf(f))),
      '</section>',
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

function formatExplainSection(doc: VisitDocument): string {
  if (doc.explain === null) return '';
  const list = (items: VisitDocument['explain'] & object, key: 'notFlagged' | 'notEvaluated') =>
    items[key].length === 0
      ? '<p>None.</p>'
      : `<ul>${items[key].map((n) => `<li>${n.date !== null ? `${h(n.date)}: ` : ''}${h(n.text)} <code>${h(n.rule)}</code></li>`).join('')}</ul>`;
  return [
    '<section id="explain" aria-labelledby="explain-title">',
    '<h2 id="explain-title">Checked and not flagged</h2>',
    list(doc.explain, 'notFlagged'),
    '<h3>Not evaluated</h3>',
    list(doc.explain, 'notEvaluated'),
    '</section>',
  ].join('\n');
}

function formatChecklistSection(doc: VisitDocument): string {
  const parts = [
    '<section id="checklist" aria-labelledby="checklist-title">',
    '<h2 id="checklist-title">Doctor-visit checklist</h2>',
  ];
  if (doc.checklist.startWith === '' && doc.checklist.items.length === 0) {
    parts.push('<p>Nothing to prepare from this log. Bring it along if you have concerns.</p>');
  } else {
    parts.push(
      `<p class="start"><strong>Start the visit with:</strong> ${h(doc.checklist.startWith)}</p>`,
    );
    if (doc.checklist.items.length > 0) {
      const items = doc.checklist.items.map((item) => {
        const sub = [
          ...item.details.map((d) => `<li>${h(d)}</li>`),
          ...(item.quotes.length > 0
            ? [`<li class="quote">You wrote: ${item.quotes.map(h).join('; ')}</li>`]
            : []),
        ];
        return `<li>${h(item.text)}${sub.length > 0 ? `<ul>${sub.join('')}</ul>` : ''}</li>`;
      });
      parts.push(
        '<p class="lead-in">Note, bring and ask:</p>',
        `<ul class="checklist">${items.join('\n')}</ul>`,
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
  // `n`: the person wrote a note that day (its words are in the day's description and in the notes).
  const markers = [m.flow, m.sex, m.pain, day.note !== null ? 'n' : '']
    .filter((x) => x !== '')
    .join('');
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
    `<li><span class="swatch d" aria-hidden="true">n</span>a note you wrote</li>`,
  );
  return `<ul class="legend" aria-label="Calendar key">${items.join('')}</ul>`;
}

function formatCalendarSection(doc: VisitDocument): string {
  const months = doc.calendar.months;
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
    const longNote = doc.calendar.note !== null ? ` ${doc.calendar.note}` : '';
    parts.push(
      `<p class="sub">${h(span)}. Each day shows its date, then letters for what was logged; a symbol in the corner and a border mark days with a finding.${h(longNote)}</p>`,
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
function formatCycleChart(chart: NonNullable<VisitDocument['cycleChart']>): string {
  const cycles = chart.cycles.map((c) => ({ start: c.start, cycle_length: c.length }));
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

function formatCyclesSection(doc: VisitDocument): string {
  const { rows, omitted } = doc.periods;
  const parts = [
    '<section id="cycles" aria-labelledby="cycles-title">',
    '<h2 id="cycles-title">Cycles</h2>',
  ];
  if (rows.length === 0) {
    parts.push('<p>No periods were found in this log.</p>');
  } else {
    if (doc.cycleChart !== null) parts.push(formatCycleChart(doc.cycleChart));
    const line = formatCycleLine(doc.summary.cycles);
    if (line !== null) parts.push(`<p>${h(line)}.</p>`);
    const intro =
      omitted > 0
        ? `The last ${rows.length} of ${rows.length + omitted} periods found, oldest first.`
        : `The ${rows.length === 1 ? 'period' : `${rows.length} periods`} found, oldest first.`;
    const body = rows
      .map((p) => {
        const cycle = p.cycleLength === null ? '— (latest)' : h(p.cycleLength);
        return `<tr><th scope="row" class="num">${p.number}</th><td>${h(p.start)}</td><td>${h(p.end)}</td><td class="num">${h(p.days)}</td><td class="num">${cycle}</td></tr>`;
      })
      .join('\n');
    parts.push(
      `<table class="data"><caption>${h(intro)}</caption><thead><tr><th scope="col" class="num">#</th><th scope="col">Period start</th><th scope="col">Last bleeding day</th><th scope="col" class="num">Days</th><th scope="col" class="num">Cycle length (days)</th></tr></thead><tbody>\n${body}\n</tbody></table>`,
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

function formatListSection(id: string, title: string, items: readonly string[]): string {
  if (items.length === 0) return '';
  return [
    `<section id="${id}" aria-labelledby="${id}-title">`,
    `<h2 id="${id}-title">${h(title)}</h2>`,
    `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`,
    '</section>',
  ].join('\n');
}

function formatSourcesSection(doc: VisitDocument): string {
  if (doc.sources.length === 0) return '';
  const items = doc.sources.map((s) => {
    const urls = s.urls.map((u) => ` <span class="url">${h(u)}</span>`).join('');
    return `<li id="src-${s.number}" value="${s.number}">${h(withFullStop(s.title))}${urls}</li>`;
  });
  return [
    '<section id="sources" aria-labelledby="sources-title">',
    '<h2 id="sources-title">Sources</h2>',
    `<ol class="sources">${items.join('\n')}</ol>`,
    '</section>',
  ].join('\n');
}

export function formatHtmlReport(
  report: Report,
  log: CycleLog,
  options: { explain?: boolean; producer?: string } = {},
): string {
  return formatHtmlDocument(buildVisitDocument(report, log, options));
}

export function formatHtmlDocument(doc: VisitDocument): string {
  const read = doc.summary.read.find((f) => f.label === 'Dates');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${h(doc.title + (read ? ` — ${read.value}` : ''))}</title>`,
    `<style>${formatColorVariables()}\n${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    formatHeader(doc),
    '<main>',
    formatFindingsSection(doc),
    formatExplainSection(doc),
    formatChecklistSection(doc),
    formatCalendarSection(doc),
    formatCyclesSection(doc),
    formatListSection(
      'questions',
      'Facts that would make this report more precise',
      doc.questions.map(h),
    ),
    formatListSection(
      'notes',
      'Your notes',
      doc.notes.map((n) => `${n.date !== null ? `${h(n.date)}: ` : ''}“${h(n.text)}”`),
    ),
    formatSourcesSection(doc),
    '</main>',
    `<footer><p>${h(doc.disclaimer)}</p></footer>`,
    '</body>',
    '</html>',
  ]
    .filter((part) => part !== '')
    .join('\n')
    .concat('\n');
}
