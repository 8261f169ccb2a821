/**
 * Month grids for the terminal. Each day takes two lines of four characters: the day number, the
 * flow and sex markers, then the pain marker and the tier symbol (right-aligned). Every marker is
 * a letter or punctuation, so the calendar reads the same without colour; colour only adds
 * emphasis. Four-character cells let two months sit side by side in 80 columns.
 */
import type { ChalkInstance } from 'chalk';
import {
  TIER_LEGEND,
  getDayMarkers,
  type CalendarDay,
  type CalendarMonth,
  type LegendEntry,
} from '../report/calendar-data.ts';
import type { VisitDocument } from '../report/document.ts';
import { getTierPaint } from './tier-paint.ts';
import { wrapText } from '../text/wrap.ts';

export interface TextCalendarOptions {
  chalk: ChalkInstance;
  /** Terminal width in columns; months go side by side (up to three) when they fit. */
  width: number;
}

const CELL = 4;
const CELL_GAP = 1;
const MONTH_WIDTH = 7 * (CELL + CELL_GAP) - CELL_GAP;
const MONTH_GAP = 4;
const MAX_SIDE_BY_SIDE = 3;
const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

/** Pads by visible length (ignores colour escapes). */
function padVisible(text: string, visible: number, width: number, alignRight = false): string {
  const pad = ' '.repeat(Math.max(0, width - visible));
  return alignRight ? pad + text : text + pad;
}

function formatDayCell(day: CalendarDay | null, chalk: ChalkInstance): [string, string] {
  const blank = ' '.repeat(CELL);
  if (day === null) return [blank, blank];
  const m = getDayMarkers(day);
  const number = String(day.day).padStart(2);
  let paintedNumber = number;
  if (day.tier !== null) paintedNumber = getTierPaint(chalk, day.tier)(number);
  else if (day.periodDay !== null) paintedNumber = chalk.red(number);
  else if (!day.inRange) paintedNumber = chalk.dim(number);

  const paintedFlow =
    m.flow === ''
      ? ' '
      : m.flow === 'H' || m.flow === 'M' || m.flow === 'L'
        ? chalk.bold.red(m.flow)
        : m.flow === 's'
          ? chalk.red(m.flow)
          : m.flow === 'o'
            ? chalk.yellow(m.flow)
            : chalk.dim(m.flow);
  const sex = m.sex === '' ? ' ' : chalk.blue(m.sex);
  const pain =
    m.pain === '' ? ' ' : m.pain === 'P' ? chalk.bold.magenta(m.pain) : chalk.magenta(m.pain);
  const tier = day.tier === null ? '' : getTierPaint(chalk, day.tier)(m.tier);

  const line1 = paintedNumber + paintedFlow + sex;
  // Right-aligned, so that a tier symbol never reads as one word with the pain letter ("p  i").
  const line2 = tier === '' ? pain + '   ' : pain + padVisible(tier, m.tier.length, CELL - 1, true);
  return [line1, line2];
}

function formatMonth(month: CalendarMonth, weekCount: number, chalk: ChalkInstance): string[] {
  const title = month.title;
  const left = Math.floor((MONTH_WIDTH - title.length) / 2);
  const lines = [
    padVisible(' '.repeat(left) + chalk.bold(title), left + title.length, MONTH_WIDTH),
    WEEKDAYS.map((d) => d.padStart(2).padEnd(CELL))
      .join(' '.repeat(CELL_GAP))
      .padEnd(MONTH_WIDTH),
  ];
  for (let w = 0; w < weekCount; w++) {
    const cells = (month.weeks[w] ?? Array.from({ length: 7 }, () => null)).map((d) =>
      formatDayCell(d, chalk),
    );
    lines.push(cells.map((c) => c[0]).join(' '.repeat(CELL_GAP)));
    lines.push(cells.map((c) => c[1]).join(' '.repeat(CELL_GAP)));
  }
  return lines;
}

/** Word-wraps legend entries ("H heavy flow") into lines no wider than `width`. */
function formatLegendLines(
  label: string,
  entries: readonly LegendEntry[],
  width: number,
): string[] {
  const lines: string[] = [];
  const indent = ' '.repeat(label.length + 1);
  let line = label;
  for (const e of entries) {
    const item = `${e.marker} ${e.meaning}`;
    const separator = line === label ? ' ' : '  ';
    if (line !== label && line.length + separator.length + item.length > width) {
      lines.push(line);
      line = indent + item;
    } else {
      line += separator + item;
    }
  }
  lines.push(line);
  return lines;
}

function stripRight(text: string): string {
  return text.replace(/\s+$/, '');
}

export function formatTextCalendar(
  doc: Pick<VisitDocument, 'calendar'>,
  options: TextCalendarOptions,
): string {
  const { chalk } = options;
  const months = doc.calendar.months;
  if (months.length === 0) return 'No logged days to show in a calendar.\n';

  const width = Math.max(MONTH_WIDTH, Math.floor(options.width));
  const perRow = Math.max(
    1,
    Math.min(MAX_SIDE_BY_SIDE, Math.floor((width + MONTH_GAP) / (MONTH_WIDTH + MONTH_GAP))),
  );

  const out: string[] = [];
  for (let i = 0; i < months.length; i += perRow) {
    const row = months.slice(i, i + perRow);
    const weekCount = Math.max(...row.map((m) => m.weeks.length));
    const blocks = row.map((m) => formatMonth(m, weekCount, chalk));
    const height = blocks[0]?.length ?? 0;
    if (i > 0) out.push('');
    for (let l = 0; l < height; l++) {
      out.push(stripRight(blocks.map((b) => b[l] ?? '').join(' '.repeat(MONTH_GAP))));
    }
  }

  const legendWidth = Math.min(width, 80);
  out.push(
    '',
    ...wrapText('Each day: date, flow, sex; below it: pain, flag.', legendWidth),
    ...formatLegendLines('Key:', doc.calendar.legend, legendWidth),
    ...formatLegendLines('Flags:', TIER_LEGEND, legendWidth),
  );
  if (doc.calendar.note !== null) out.push(...wrapText(doc.calendar.note, legendWidth));
  return out.join('\n') + '\n';
}
