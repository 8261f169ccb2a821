/**
 * A hand-built six-month log (January–June 2025) and a report that matches it, for testing the
 * renderers without the analyzer. The report is what buildReport would plausibly say about the
 * log; the renderers must only present it.
 */
import { dayNumber, formatIsoDate, toDay } from '../../src/core/dates.ts';
import type { CycleLog, Day } from '../../src/core/log.ts';
import type { Report, ReportPeriod } from '../../src/report/types.ts';

export const SCRIPT_NOTE = '<script>alert(1)</script>';
export const ODD_COLOUR = 'bright *red* | pink_ish [x](y) & `z`';
export const ODD_FILE = 'my log <2025> & "notes".csv';

/** Period start, then the flow of each day. */
const PERIODS: [string, Day['bleeding'][]][] = [
  ['2025-01-03', ['medium', 'heavy', 'medium', 'light', 'light']],
  ['2025-01-31', ['medium', 'medium', 'light', 'light', 'spotting']],
  ['2025-02-28', ['medium', 'heavy', 'medium', 'light', 'light']],
  ['2025-03-29', ['medium', 'medium', 'light', 'light']],
  ['2025-04-27', ['heavy', 'heavy', 'heavy', 'medium', 'light']],
  ['2025-05-26', ['medium', 'medium', 'light', 'light', 'light']],
];

export const FIRST_DATE = '2025-01-01';
export const LAST_DATE = '2025-06-30';
export const NOT_TRACKED = { from: '2025-06-01', to: '2025-06-05' };

export function makeSixMonthLog(): CycleLog {
  const days = new Map<string, Day>();
  for (let n = toDay(FIRST_DATE); n <= toDay(LAST_DATE); n++) {
    const date = formatIsoDate(n);
    if (date >= NOT_TRACKED.from && date <= NOT_TRACKED.to) continue;
    days.set(date, { date, bleeding: 'none' });
  }
  const set = (date: string, fields: Omit<Day, 'date'>): void => {
    days.set(date, { ...(days.get(date) ?? { date }), ...fields });
  };
  for (const [start, flows] of PERIODS) {
    flows.forEach((bleeding, i) => {
      set(formatIsoDate(toDay(start) + i), { bleeding, period: true });
    });
    set(start, { cramps: 'moderate' });
  }
  for (const date of ['2025-01-14', '2025-02-11', '2025-04-10', '2025-05-08'])
    set(date, { sex: true });
  set('2025-02-14', { bleeding: 'spotting' });
  set('2025-03-12', {
    sex: true,
    bleeding: 'spotting',
    blood_color: ODD_COLOUR,
    notes: SCRIPT_NOTE,
  });
  set('2025-03-13', { bleeding: 'light' });
  set('2025-04-27', { cramps: 'severe' });
  set('2025-04-28', { soaking: true, dizzy: true, pelvic_pain: 'mild' });
  set('2025-06-12', { sex: true, pain_during_sex: true });
  set('2025-06-20', { bleeding: 'spotting', bleeding_source: 'urinary', painful_urination: true });
  return {
    profile: { age: 34, menopause: 'pre', not_tracked: [NOT_TRACKED], as_of: LAST_DATE },
    days: [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1)),
  };
}

export function makePeriods(): ReportPeriod[] {
  return PERIODS.map(([start, flows], i) => {
    const next = PERIODS[i + 1];
    return {
      start,
      end: formatIsoDate(toDay(start) + flows.length - 1),
      days: flows.length,
      cycle_length: next ? toDay(next[0]) - toDay(start) : null,
    };
  });
}

export function makeReport(): Report {
  const log = makeSixMonthLog();
  return {
    format: 'cyclecheck-report/1',
    as_of: LAST_DATE,
    input: {
      files: [ODD_FILE],
      formats: ['csv'],
      first_date: FIRST_DATE,
      last_date: LAST_DATE,
      days_logged: log.days.length,
    },
    profile: log.profile,
    age: 34,
    periods: makePeriods(),
    flags: [
      {
        rule: 'acute-heavy-bleeding',
        tier: 'urgent',
        start: '2025-04-28',
        end: '2025-04-28',
        cycle_day: 2,
        summary: 'You soaked through protection and felt dizzy on a bleeding day.',
        why: ['2025-04-28: soaking at least 1 pad or tampon an hour', '2025-04-28: dizzy or faint'],
        checklist: ['K1', 'K12'],
        sources: ['X-CDC-HMB', 'X-NHSPREG'],
        in_progress: false,
      },
      {
        rule: 'postcoital-bleeding',
        tier: 'soon',
        start: '2025-03-12',
        end: '2025-03-13',
        cycle_day: 13,
        summary: 'Bleeding started on a day you had sex, outside a period.',
        why: [`sex on 2025-03-12; spotting the same day (colour: ${ODD_COLOUR})`],
        checklist: ['K1', 'K3'],
        sources: ['S1', 'X-TARNEY'],
        in_progress: false,
      },
      {
        rule: 'non-vaginal-bleeding-source',
        tier: 'soon',
        start: '2025-06-20',
        end: '2025-06-20',
        cycle_day: 26,
        summary: 'Blood that seemed to come from the urine.',
        why: ['2025-06-20: spotting, source urinary'],
        checklist: ['K2'],
        sources: ['S1'],
        in_progress: false,
      },
      {
        rule: 'heavy-period',
        tier: 'next-visit',
        start: '2025-04-27',
        end: '2025-05-01',
        cycle_day: 1,
        summary: 'A period with 3 heavy days.',
        why: ['heavy on 2025-04-27, 2025-04-28 and 2025-04-29'],
        checklist: ['K1', 'K12'],
        sources: ['X-NICE-NG88', 'X-CDC-HMB'],
        in_progress: false,
      },
      {
        rule: 'ovulation-spotting',
        tier: 'info',
        start: '2025-02-14',
        end: '2025-02-14',
        cycle_day: 15,
        summary: 'One day of spotting in the middle of your cycle.',
        why: ['2025-02-14: spotting, cycle day 15, 14 days before the next period'],
        checklist: [],
        sources: ['S3'],
        in_progress: false,
      },
    ],
    not_flagged: [
      {
        rule: 'postcoital-bleeding',
        date: '2025-01-31',
        reason: 'bleeding began before sex',
        reason_code: 'bleeding-began-before-sex',
      },
    ],
    not_evaluated: [{ rule: 'irregular-cycles', reason: 'cycles only reviewed at age 18–45' }],
    checklist: [
      {
        code: 'K1',
        text: 'Bleeding record: dates, cycle day, amount per day, colour, clots or tissue.',
        for: ['acute-heavy-bleeding', 'postcoital-bleeding', 'heavy-period'],
        details: [
          `2025-03-12 (cycle day 13): spotting, colour ${ODD_COLOUR}; note: ${SCRIPT_NOTE}`,
          '2025-04-27 to 2025-05-01: heavy on 3 days',
        ],
      },
      {
        code: 'K2',
        text: 'Where the blood seemed to come from: vagina, urine, back passage, or not sure.',
        for: ['non-vaginal-bleeding-source'],
        details: ['2025-06-20: urinary'],
      },
      {
        code: 'K3',
        text: 'Link with sex: during or after, how long after, first time or new partner.',
        for: ['postcoital-bleeding'],
        details: ['sex on 2025-03-12; bleeding began the same day'],
      },
      {
        code: 'K12',
        text: 'Impact: days missed, night-time changes, flooding or doubling up protection.',
        for: ['acute-heavy-bleeding', 'heavy-period'],
        details: [],
      },
    ],
    warnings: [{ file: ODD_FILE, line: 7, message: 'unknown column "mood" ignored' }],
    questions: [
      {
        fact: 'last-screening',
        message: 'pass --profile FILE with last_screening to fill in your last screening',
      },
    ],
    app_notes: [{ date: '2025-05-01', text: 'Apple Health noted a prolonged period' }],
  };
}

/** Day number helper for tests that walk calendars. */
export function isoDate(year: number, month: number, day: number): string {
  return formatIsoDate(dayNumber(year, month, day));
}
