/**
 * Hand-built visit documents for the PDF renderer's tests: every section filled, findings of all
 * four tiers (given out of order, as a careless builder might not), notes in Latin, Greek and
 * Cyrillic, and a `long` variant with many findings, months and cycles.
 */
import { dayNumber, daysInMonth, formatIsoDate, weekdayOf } from '../../src/core/dates.ts';
import { TIERS, type Tier } from '../../src/core/tiers.ts';
import { TIER_LABEL, TIER_SYMBOL, TIER_WORD } from '../../src/report/tier-labels.ts';
import type { RuleId } from '../../src/core/rules/ids.ts';
import type { CalendarDay, CalendarMonth } from '../../src/report/calendar-data.ts';
import { CALENDAR_LEGEND, MONTH_NAMES, TIER_LEGEND } from '../../src/report/calendar-data.ts';
import type { DocumentFinding, VisitDocument } from '../../src/report/document.ts';

export const NON_LATIN_NOTES = [
  'Zoë was with me',
  'back from Łódź',
  'Ελένη said rest',
  'Юлия: боль',
];
export const CJK_NOTE = '出血 after sex';

function makeMonth(year: number, month: number, flagged: Record<number, Tier>): CalendarMonth {
  const first = dayNumber(year, month, 1);
  const weeks: (CalendarDay | null)[][] = [];
  let week: (CalendarDay | null)[] = Array.from({ length: weekdayOf(first) }, () => null);
  for (let d = 1; d <= daysInMonth(year, month); d++) {
    const n = first + d - 1;
    const tier = flagged[d] ?? null;
    week.push({
      date: formatIsoDate(n),
      day: d,
      weekday: weekdayOf(n),
      inRange: true,
      hasEntry: true,
      bleeding: d <= 4 ? (['heavy', 'medium', 'light', 'spotting'] as const)[d - 1]! : null,
      nonVaginal: false,
      sex: d === 12,
      pain: d === 1 ? 'severe' : null,
      notTracked: false,
      periodDay: d <= 4 ? d : null,
      flags: tier === null ? [] : [{ rule: 'postcoital-bleeding' as RuleId, tier }],
      tier,
      note: null,
    });
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0)
    weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return { year, month, title: `${MONTH_NAMES[month - 1]} ${year}`, weeks };
}

function makeFinding(tier: Tier, title: string, index: number, notes: string[]): DocumentFinding {
  const date = formatIsoDate(dayNumber(2025, 1 + (index % 12), 12));
  return {
    tier,
    title,
    heading: `${title}: ${date}`,
    occurrences: [
      {
        start: date,
        end: date,
        cycleDay: 12,
        inProgress: false,
        when: date,
        notes: notes.map((text) => ({ date, text })),
        tier,
        why: ['It happened on a day with sex.'],
      },
    ],
    summary: `Summary of ${title.toLowerCase()}: what it may mean and what to do.`,
    why: [`Why ${title.toLowerCase()} was flagged.`],
    sources: [1],
    rules: ['postcoital-bleeding' as RuleId],
  };
}

export function makeVisitDocument(
  options: { long?: boolean; notes?: string[]; explain?: boolean } = {},
): VisitDocument {
  const notes = options.notes ?? NON_LATIN_NOTES;
  const count = options.long ? 12 : 1;
  const tiers: [Tier, string][] = [
    ['info', 'Mid-cycle spotting'],
    ['next-visit', 'Heavy period'],
    ['urgent', 'Bleeding after menopause'],
    ['soon', 'Bleeding after sex'],
  ];
  const findings: DocumentFinding[] = [];
  for (let i = 0; i < count; i++) {
    for (const [tier, title] of tiers) {
      findings.push(makeFinding(tier, `${title}${count > 1 ? ` #${i + 1}` : ''}`, i, notes));
    }
  }
  const months = options.long
    ? Array.from({ length: 8 }, (_, i) =>
        makeMonth(2024 + Math.floor(i / 12), (i % 12) + 1, { 12: 'soon', 20: 'urgent' }),
      )
    : [makeMonth(2025, 3, { 12: 'soon', 13: 'urgent', 14: 'next-visit', 15: 'info' })];
  const cycles = Array.from({ length: options.long ? 90 : 6 }, (_, i) => ({
    start: formatIsoDate(dayNumber(2015, 1, 1) + i * 28),
    length: [28, 21, 40, 30, 26, 45][i % 6]!,
  }));
  return {
    title: 'cyclecheck report for a clinician visit',
    evaluatedOn: '2025-06-30',
    producer: 'cyclecheck 0.1.0',
    warnings: ['Column "mood" was ignored.'],
    summary: {
      name: 'Zoë Łukasiewicz',
      age: 34,
      person: [
        { label: 'Age', value: '34' },
        { label: 'Contraception', value: 'copper IUD since 2024-06-01' },
      ],
      read: [
        { label: 'File', value: 'log.csv (cyclecheck CSV)' },
        { label: 'Dates', value: '2025-01-01 to 2025-06-30 (181 days logged)' },
      ],
      cycles: {
        counted: 5,
        averageLength: 29,
        shortest: 28,
        longest: 30,
        averagePeriodDays: 5,
        lastPeriodStart: '2025-05-26',
      },
      headline: [
        { tier: 'urgent', count },
        { tier: 'soon', count },
        { tier: 'next-visit', count },
        { tier: 'info', count },
      ],
      headlineText: `${count * 4} findings: ${count} urgent, ${count} soon, ${count} next visit, ${count} info.`,
    },
    findings,
    explain: options.explain
      ? {
          notFlagged: [
            {
              rule: 'postcoital-bleeding' as RuleId,
              date: '2025-02-14',
              text: 'Spotting set aside: on the first day of a period.',
            },
          ],
          notEvaluated: [
            {
              rule: 'postcoital-bleeding' as RuleId,
              date: null,
              text: 'Pregnancy rules: no pregnancy recorded.',
            },
          ],
        }
      : null,
    checklist: {
      startWith: 'bleeding after menopause on 12 March.',
      items: [
        {
          text: 'Bleeding record: dates and amounts.',
          details: ['2025-03-12 spotting, cycle day 13'],
          quotes: ['it was bright red'],
        },
        { text: 'Medicines you take.', details: [], quotes: [] },
      ],
    },
    calendar: { months, legend: [...CALENDAR_LEGEND, ...TIER_LEGEND], note: null },
    cycleChart: { cycles, band: { min: 24, max: 38 } },
    questions: ['Which IUD is it? Pass --contraception copper-iud@DATE or hormonal-iud@DATE.'],
    notes: [{ date: '2025-04-01', text: 'App note: cycle prediction changed.' }],
    sources: [
      {
        number: 1,
        authority: 2,
        short: 'Tarney & Han 2014',
        title: 'Tarney CM, Han J. Postcoital bleeding: a review.',
        urls: ['https://example.org/pcb'],
      },
    ],
    periods: {
      rows: cycles.map((c, i) => ({
        number: i + 1,
        start: c.start,
        end: c.start,
        days: 5,
        cycleLength: c.length,
      })),
      omitted: 0,
    },
    tiers: Object.fromEntries(
      TIERS.map((t) => [t, { word: TIER_WORD[t], symbol: TIER_SYMBOL[t], label: TIER_LABEL[t] }]),
    ) as VisitDocument['tiers'],
    disclaimer: 'cyclecheck is informational, not a diagnosis.',
  };
}
