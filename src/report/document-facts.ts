/**
 * The labelled facts at the top of a document: who the report is about and what was read. Plain
 * text; renderers escape it for their format.
 */
import type { Profile } from '../core/log.ts';
import type { FormatId } from '../log/import-contract.ts';
import { sanitizeInline } from '../text/sanitize.ts';
import type { DocumentSummary, LabelledValue } from './document.ts';
import { METHOD_WORDS } from './method-words.ts';
import type { Report } from './types.ts';

const FORMAT_NAME: Record<FormatId, string> = {
  csv: 'cyclecheck CSV',
  json: 'cyclecheck JSON',
  'apple-health': 'Apple Health export',
  drip: 'drip export',
  clue: 'Clue export',
  mensinator: 'Mensinator export',
  periodical: 'Periodical export',
  flo: 'Flo export',
  'health-connect': 'Health Connect export',
  fitbit: 'Fitbit export',
  'clue-backup': 'Clue backup',
};

const MENOPAUSE_TEXT = {
  pre: 'before menopause',
  peri: 'perimenopause',
  post: 'after menopause (12 months or more since the last natural period)',
} as const;

export const MEDICINE_WORDS: Record<string, string> = {
  hrt: 'hormone replacement therapy (HRT)',
  tamoxifen: 'tamoxifen',
  'blood-thinner': 'a blood thinner (anticoagulant)',
};

export function formatDateRange(start: string, end: string): string {
  return start === end ? start : `${start} to ${end}`;
}

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

/** "HRT; tamoxifen", "none of HRT, tamoxifen or blood thinners", or null when not asked. */
export function describeMedicines(profile: Profile): string | null {
  const list = profile.medicines;
  if (list === undefined) return null;
  if (list.length === 0) return 'none of HRT, tamoxifen or blood thinners';
  return list.map((m) => MEDICINE_WORDS[m] ?? sanitizeInline(m)).join('; ');
}

/** The profile the analysis used, as plain-text facts. */
export function getPersonFacts(report: Report): LabelledValue[] {
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
  const medicines = describeMedicines(profile);
  if (medicines) facts.push({ label: 'Medicines', value: medicines });
  const pregnancy = describePregnancy(profile);
  if (pregnancy) facts.push({ label: 'Pregnancy', value: pregnancy });
  if (profile.last_screening) {
    const s = profile.last_screening;
    facts.push({
      label: 'Cervical screening',
      value: s.result ? `${s.date} (${sanitizeInline(s.result)})` : s.date,
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
export function getReadFacts(report: Report): LabelledValue[] {
  const { files, formats, first_date, last_date, days_logged } = report.input;
  const names = files.map((f) => sanitizeInline(f));
  const fileText =
    names.length === formats.length
      ? names.map((f, i) => `${f} (${FORMAT_NAME[formats[i] as FormatId] ?? formats[i]})`)
      : [...names, ...formats.map((f) => `format: ${FORMAT_NAME[f] ?? f}`)];
  return [
    { label: files.length === 1 ? 'File' : 'Files', value: fileText.join('; ') },
    {
      label: 'Dates',
      value:
        first_date && last_date
          ? `${formatDateRange(first_date, last_date)} (${days_logged} day${days_logged === 1 ? '' : 's'} logged)`
          : 'no days logged',
    },
    { label: 'Periods found', value: String(report.periods.length) },
    { label: 'Evaluated on', value: report.as_of ?? 'no evaluation date' },
  ];
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

/** Cycles counted, average/shortest/longest cycle, average period; null below two periods. */
export function getCycleSummary(report: Report): DocumentSummary['cycles'] {
  if (report.periods.length < 2) return null;
  const lengths = report.periods.map((p) => p.cycle_length).filter((n): n is number => n !== null);
  return {
    counted: lengths.length,
    averageLength: mean(lengths),
    shortest: lengths.length > 0 ? Math.min(...lengths) : null,
    longest: lengths.length > 0 ? Math.max(...lengths) : null,
    averagePeriodDays: mean(report.periods.map((p) => p.days)),
    lastPeriodStart: report.periods[report.periods.length - 1]?.start ?? null,
  };
}
