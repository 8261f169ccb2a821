/**
 * Writes a log in the canonical formats, deterministically, so that `convert` output can be
 * edited by hand and read back to exactly the same log.
 */
import {
  DAY_FIELDS,
  type ContraceptionInterval,
  type CycleLog,
  type Day,
  type DayField,
  type Pregnancy,
  type Profile,
} from '../core/log.ts';
import { protectFormula } from './canonical-csv.ts';
import { CANONICAL_LOG_FORMAT } from './canonical-json.ts';
import { isTextField, orderDayKeys } from './day-values.ts';
import {
  formatContraceptionSpec,
  formatDateRangeSpec,
  formatPregnancySpec,
  formatMedicinesSpec,
  formatScreeningSpec,
  orderProfile,
} from './profile.ts';
import { formatJson } from '../text/sanitize.ts';

function quoteCsvField(value: string): string {
  return /[",;\t\n\r]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function formatCell(field: DayField, day: Day): string {
  const value = day[field];
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  return quoteCsvField(isTextField(field) ? protectFormula(value) : value);
}

/** `# key: value` lines in PROFILE_KEYS order; list keys get one line per item. */
export function formatProfileLines(profile: Profile): string[] {
  const lines: string[] = [];
  const p = orderProfile(profile);
  if (p.name !== undefined) lines.push(`# name: ${p.name}`);
  if (p.age !== undefined) lines.push(`# age: ${p.age}`);
  if (p.birth_date !== undefined) lines.push(`# birth_date: ${p.birth_date}`);
  if (p.menopause !== undefined) lines.push(`# menopause: ${p.menopause}`);
  for (const c of p.contraception ?? [])
    lines.push(`# contraception: ${formatContraceptionSpec(c)}`);
  if (p.pregnancy !== undefined) lines.push(`# pregnancy: ${formatPregnancySpec(p.pregnancy)}`);
  for (const r of p.not_tracked ?? []) lines.push(`# not_tracked: ${formatDateRangeSpec(r)}`);
  if (p.last_screening !== undefined) {
    lines.push(`# last_screening: ${formatScreeningSpec(p.last_screening)}`);
  }
  if (p.medicines !== undefined) lines.push(`# medicines: ${formatMedicinesSpec(p.medicines)}`);
  if (p.as_of !== undefined) lines.push(`# as_of: ${p.as_of}`);
  return lines;
}

/**
 * The canonical CSV: profile lines, then a header with every column (so the file is easy to
 * fill in), then one row per day. Yes/no fields are `yes`, `no` (only when explicitly no) or
 * blank; text that a spreadsheet would run as a formula gets a leading `'`.
 */
export function formatCanonicalCsv(log: CycleLog): string {
  const lines = formatProfileLines(log.profile);
  lines.push(['date', ...DAY_FIELDS].join(','));
  for (const day of log.days) {
    lines.push([day.date, ...DAY_FIELDS.map((field) => formatCell(field, day))].join(','));
  }
  return lines.join('\n') + '\n';
}

function orderContraception(c: ContraceptionInterval): ContraceptionInterval {
  const ordered: ContraceptionInterval = { method: c.method };
  if (c.start !== undefined) ordered.start = c.start;
  if (c.end !== undefined) ordered.end = c.end;
  return ordered;
}

function orderPregnancy(p: Pregnancy): Pregnancy {
  const ordered: Pregnancy = {};
  for (const key of ['start', 'end', 'week', 'week_on', 'due'] as const) {
    if (p[key] !== undefined) (ordered as Record<string, unknown>)[key] = p[key];
  }
  return ordered;
}

/** The profile as a plain object with keys (and nested keys) in canonical order. */
export function toCanonicalProfileJson(profile: Profile): Profile {
  const p = orderProfile(profile);
  const out: Profile = {};
  if (p.name !== undefined) out.name = p.name;
  if (p.age !== undefined) out.age = p.age;
  if (p.birth_date !== undefined) out.birth_date = p.birth_date;
  if (p.menopause !== undefined) out.menopause = p.menopause;
  if (p.contraception !== undefined) out.contraception = p.contraception.map(orderContraception);
  if (p.pregnancy !== undefined) out.pregnancy = orderPregnancy(p.pregnancy);
  if (p.not_tracked !== undefined) {
    out.not_tracked = p.not_tracked.map((r) => ({ from: r.from, to: r.to }));
  }
  if (p.last_screening !== undefined) {
    const s = p.last_screening;
    out.last_screening =
      s.result !== undefined ? { date: s.date, result: s.result } : { date: s.date };
  }
  if (p.medicines !== undefined) out.medicines = [...p.medicines];
  if (p.as_of !== undefined) out.as_of = p.as_of;
  return out;
}

/** The canonical JSON: format, profile, days; 2-space indent, unset fields omitted. */
export function formatCanonicalJson(log: CycleLog): string {
  const document = {
    format: CANONICAL_LOG_FORMAT,
    profile: toCanonicalProfileJson(log.profile),
    days: log.days.map(orderDayKeys),
  };
  return formatJson(document, 2) + '\n';
}
