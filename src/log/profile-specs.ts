/**
 * The structured profile values from their one-line specs (contraception, date ranges,
 * pregnancy, screening), and back: the CSV writer and messages use the same syntax.
 */
import { parseIsoDate, formatIsoDate, type IsoDate } from '../core/dates.ts';
import {
  METHODS,
  type ContraceptionInterval,
  type DateRange,
  type Method,
  type Pregnancy,
  type Screening,
} from '../core/log.ts';
import { parseFreeText, quoteInput, ValueError } from './day-values.ts';
import { type SourceSite } from './source-site.ts';
import { assertOrder, check, date } from './profile-checks.ts';
import { MAX_PREGNANCY_WEEK } from './profile-keys.ts';

export function parseMethod(text: string): Method {
  const word = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if ((METHODS as readonly string[]).includes(word)) return word as Method;
  const close = METHODS.filter((m) => word !== '' && m.includes(word));
  const hint = close.length === 1 ? `did you mean ${close[0]}? ` : '';
  throw new ValueError(
    'contraception',
    `${quoteInput(text.trim())} is not a method; ${hint}use one of ${METHODS.join(', ')}`,
  );
}

/** `METHOD`, `METHOD@START`, `METHOD@START..END` or `METHOD@..END`. */
export function parseContraceptionSpec(text: string, site?: SourceSite): ContraceptionInterval {
  return check(site, () => {
    const trimmed = text.trim();
    const at = trimmed.indexOf('@');
    const method = parseMethod(at === -1 ? trimmed : trimmed.slice(0, at));
    const interval: ContraceptionInterval = { method };
    if (at === -1) return interval;
    const dates = trimmed.slice(at + 1).trim();
    const dots = dates.indexOf('..');
    const startText = dots === -1 ? dates : dates.slice(0, dots).trim();
    const endText = dots === -1 ? '' : dates.slice(dots + 2).trim();
    if (startText === '' && endText === '') {
      throw new ValueError(
        'contraception',
        `${quoteInput(trimmed)} has "@" but no date; use METHOD@START[..END], e.g. copper-iud@2024-06-01`,
      );
    }
    if (startText !== '') interval.start = date('contraception start', startText);
    if (endText !== '') interval.end = date('contraception end', endText);
    assertOrder('contraception', interval.start, interval.end);
    return interval;
  });
}

/** `FROM..TO` (inclusive), or one date for a single day. */
export function parseDateRangeSpec(
  text: string,
  site?: SourceSite,
  field = 'not_tracked',
): DateRange {
  return check(site, () => {
    const trimmed = text.trim();
    const dots = trimmed.indexOf('..');
    if (dots === -1) {
      const day = date(field, trimmed);
      return { from: day, to: day };
    }
    const from = date(`${field} start`, trimmed.slice(0, dots));
    const to = date(`${field} end`, trimmed.slice(dots + 2));
    assertOrder(field, from, to);
    return { from, to };
  });
}

/** `19`, or `19+6` (19 weeks and 6 days); returns completed weeks and the extra days. */
export function parseWeek(text: string): { week: number; days: number } {
  const m = /^(\d{1,2})(?:\s*\+\s*(\d))?$/.exec(text.trim());
  if (!m) {
    throw new ValueError(
      'pregnancy week',
      `${quoteInput(text.trim())} is not a week; use a whole number from 0 to ${MAX_PREGNANCY_WEEK}, or weeks+days such as 19+6`,
    );
  }
  const days = m[2] === undefined ? 0 : Number(m[2]);
  if (days > 6)
    throw new ValueError(
      'pregnancy week',
      `${quoteInput(text.trim())}: days after "+" must be 0 to 6`,
    );
  return { week: checkWeek(Number(m[1])), days };
}

export function checkWeek(week: number): number {
  if (!Number.isInteger(week) || week < 0 || week > MAX_PREGNANCY_WEEK) {
    throw new ValueError(
      'pregnancy week',
      `${week} is not a whole number from 0 to ${MAX_PREGNANCY_WEEK}`,
    );
  }
  return week;
}

/** Week W+D on date r is week W on r − D (the analyzer counts completed weeks from `week_on`). */
export function shiftBack(day: IsoDate, days: number): IsoDate {
  return days === 0 ? day : formatIsoDate(parseIsoDate(day)! - days);
}

const PREGNANCY_HELP =
  'use start=DATE, week=W@DATE (e.g. week=6@2025-03-29) or due=DATE, and optionally end=DATE';

/** `start=DATE week=W@DATE`, `due=DATE`, each with an optional `end=DATE`; spaces or commas between. */
export function parsePregnancySpec(text: string, site?: SourceSite): Pregnancy {
  return check(site, () => {
    const pregnancy: Pregnancy = {};
    const seen = new Set<string>();
    const tokens = text
      .trim()
      .split(/[\s,]+/)
      .filter((t) => t !== '');
    if (tokens.length === 0) throw new ValueError('pregnancy', `missing; ${PREGNANCY_HELP}`);
    for (const token of tokens) {
      const eq = token.indexOf('=');
      const key = eq === -1 ? token : token.slice(0, eq).toLowerCase();
      const value = eq === -1 ? '' : token.slice(eq + 1);
      if (!['start', 'week', 'due', 'end'].includes(key) || eq === -1) {
        throw new ValueError(
          'pregnancy',
          `${quoteInput(token)} is not understood; ${PREGNANCY_HELP}`,
        );
      }
      if (seen.has(key)) throw new ValueError('pregnancy', `${key}= is given twice`);
      seen.add(key);
      if (key === 'week') {
        const at = value.indexOf('@');
        if (at === -1) {
          throw new ValueError(
            'pregnancy',
            `week needs the date it applies to, e.g. week=6@2025-03-29`,
          );
        }
        const { week, days } = parseWeek(value.slice(0, at));
        pregnancy.week = week;
        pregnancy.week_on = shiftBack(date('pregnancy week date', value.slice(at + 1)), days);
      } else {
        pregnancy[key as 'start' | 'due' | 'end'] = date(`pregnancy ${key}`, value);
      }
    }
    return checkPregnancy(pregnancy);
  });
}

export function checkPregnancy(pregnancy: Pregnancy): Pregnancy {
  if ((pregnancy.week === undefined) !== (pregnancy.week_on === undefined)) {
    throw new ValueError(
      'pregnancy',
      'week and week_on must be given together (week W on date week_on)',
    );
  }
  if (pregnancy.due !== undefined && pregnancy.week !== undefined) {
    throw new ValueError('pregnancy', 'give either a week on a date or a due date, not both');
  }
  if (
    pregnancy.start === undefined &&
    pregnancy.week === undefined &&
    pregnancy.due === undefined
  ) {
    throw new ValueError('pregnancy', `no start, week or due date; ${PREGNANCY_HELP}`);
  }
  assertOrder('pregnancy', pregnancy.start, pregnancy.end);
  return orderPregnancy(pregnancy);
}

function orderPregnancy(p: Pregnancy): Pregnancy {
  const ordered: Pregnancy = {};
  if (p.start !== undefined) ordered.start = p.start;
  if (p.end !== undefined) ordered.end = p.end;
  if (p.week !== undefined) ordered.week = p.week;
  if (p.week_on !== undefined) ordered.week_on = p.week_on;
  if (p.due !== undefined) ordered.due = p.due;
  return ordered;
}

export function screeningResult(text: string): string | undefined {
  // One line, so that it fits a `# last_screening:` comment line.
  return parseFreeText('last_screening result', text)?.replace(/\s+/g, ' ');
}

/** `DATE [result words]`, e.g. `2024-05-01 normal, HPV negative`. */
export function parseScreeningSpec(text: string, site?: SourceSite): Screening {
  return check(site, () => {
    const trimmed = text.trim();
    const m = /^(\S+)\s*(.*)$/s.exec(trimmed);
    const screening: Screening = { date: date('last_screening', m?.[1] ?? '') };
    const result = screeningResult(m?.[2] ?? '');
    if (result !== undefined) screening.result = result;
    return screening;
  });
}

// ---------------------------------------------------------------------------------------------
// Formatting back to the one-line specs (the CSV writer, messages)

export function formatContraceptionSpec(c: ContraceptionInterval): string {
  if (c.start === undefined && c.end === undefined) return c.method;
  return `${c.method}@${c.start ?? ''}${c.end !== undefined ? `..${c.end}` : ''}`;
}

export function formatPregnancySpec(p: Pregnancy): string {
  const parts: string[] = [];
  if (p.start !== undefined) parts.push(`start=${p.start}`);
  if (p.week !== undefined && p.week_on !== undefined) parts.push(`week=${p.week}@${p.week_on}`);
  if (p.due !== undefined) parts.push(`due=${p.due}`);
  if (p.end !== undefined) parts.push(`end=${p.end}`);
  return parts.join(' ');
}

export function formatDateRangeSpec(r: DateRange): string {
  return `${r.from}..${r.to}`;
}

export function formatScreeningSpec(s: Screening): string {
  return s.result !== undefined ? `${s.date} ${s.result}` : s.date;
}
