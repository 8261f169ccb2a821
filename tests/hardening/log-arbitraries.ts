/**
 * fast-check generators of valid canonical logs, as the readers produce them: sorted unique dates
 * in the accepted years, realistic cycles (so that the period and cycle rules have something to
 * chew on) mixed with random days, and profiles with dates around the log.
 */
import fc from 'fast-check';
import { dayNumber, formatIsoDate } from '../../src/core/dates.ts';
import {
  BLEEDING_LEVELS,
  BLEEDING_SOURCES,
  DISCHARGES,
  MENOPAUSE_STATES,
  METHODS,
  SEVERITIES,
  type Bleeding,
  type CycleLog,
  type Day,
  type Profile,
} from '../../src/core/log.ts';

const FIRST = dayNumber(1900, 1, 1);
const LAST = dayNumber(2100, 12, 31);

const maybe = <T>(arb: fc.Arbitrary<T>, freq = 2): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { nil: undefined, freq });

function compact<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

/** Free text as people and apps write it, hostile characters included (no NUL, no lone
 * surrogates, trimmed: what the readers keep). */
export const noteText = fc
  .oneof(
    fc.constantFrom(
      'after sex',
      '=HYPERLINK("http://x")',
      '\u001b[2J\u001b]0;title\u0007red',
      'bidi \u202eevil\u202c',
      'line\nbreak',
      'naïve — 日本語 😀',
    ),
    fc.string({ maxLength: 20 }),
  )
  .map((s) => s.replaceAll('\u0000', '').replace(/\r\n?/g, '\n').trim())
  .filter((s) => s !== '' && !/[\uD800-\uDFFF]/.test(s));

const dayFields = fc.record(
  {
    bleeding: fc.constantFrom(...BLEEDING_LEVELS),
    period: fc.boolean(),
    bleeding_source: fc.constantFrom(...BLEEDING_SOURCES),
    blood_color: fc.constantFrom('red', 'brown', 'pink', 'bright red'),
    sex: fc.boolean(),
    first_sex: fc.boolean(),
    pain_during_sex: fc.boolean(),
    cramps: fc.constantFrom(...SEVERITIES),
    pelvic_pain: fc.constantFrom(...SEVERITIES),
    discharge: fc.constantFrom(...DISCHARGES),
    odor: fc.boolean(),
    painful_urination: fc.boolean(),
    fever: fc.boolean(),
    temperature: fc.integer({ min: 340, max: 420 }).map((t) => t / 10),
    soaking: fc.boolean(),
    dizzy: fc.boolean(),
    notes: noteText,
  },
  { requiredKeys: [] },
);

const PERIOD_PATTERNS: Bleeding[][] = [
  ['medium'],
  ['heavy', 'medium', 'light'],
  ['medium', 'medium', 'light', 'light', 'spotting'],
  ['heavy', 'heavy', 'heavy', 'medium', 'medium', 'light', 'light', 'spotting', 'spotting'],
  ['spotting', 'light', 'medium', 'heavy', 'medium', 'light', 'spotting'],
];

interface Plan {
  start: number;
  cycles: { gap: number; pattern: number; labelled: boolean }[];
  extra: { offset: number; fields: Partial<Day> }[];
  dense: boolean;
}

const plan: fc.Arbitrary<Plan> = fc.record({
  start: fc.oneof(
    {
      weight: 5,
      arbitrary: fc.integer({ min: dayNumber(2015, 1, 1), max: dayNumber(2026, 1, 1) }),
    },
    { weight: 1, arbitrary: fc.integer({ min: FIRST, max: LAST - 900 }) },
    { weight: 1, arbitrary: fc.constantFrom(FIRST, LAST - 400) },
  ),
  cycles: fc.array(
    fc.record({
      gap: fc.oneof(fc.integer({ min: 21, max: 35 }), fc.integer({ min: 5, max: 200 })),
      pattern: fc.integer({ min: 0, max: PERIOD_PATTERNS.length - 1 }),
      labelled: fc.boolean(),
    }),
    { maxLength: 10 },
  ),
  extra: fc.array(fc.record({ offset: fc.integer({ min: -40, max: 500 }), fields: dayFields }), {
    maxLength: 25,
  }),
  dense: fc.boolean(),
});

function buildDays(p: Plan): Day[] {
  const days = new Map<number, Day>();
  const put = (n: number, fields: Partial<Day>): void => {
    if (n < FIRST || n > LAST) return;
    const day = days.get(n) ?? { date: formatIsoDate(n) };
    Object.assign(day, fields);
    days.set(n, day);
  };
  let at = p.start;
  for (const cycle of p.cycles) {
    PERIOD_PATTERNS[cycle.pattern]!.forEach((bleeding, i) =>
      put(at + i, cycle.labelled ? { bleeding, period: true } : { bleeding }),
    );
    at += cycle.gap;
  }
  for (const { offset, fields } of p.extra) put(p.start + offset, fields);
  if (p.dense && days.size > 0) {
    const keys = [...days.keys()];
    const lo = Math.min(...keys);
    const hi = Math.min(Math.max(...keys), lo + 2000);
    for (let n = lo; n <= hi; n++) if (!days.has(n)) put(n, { bleeding: 'none' });
  }
  return [...days.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, day]) => {
      if (day.first_sex === true || day.pain_during_sex === true) day.sex = true;
      return compact(day);
    });
}

/** A date near the log: `start` plus an offset, kept in the accepted years. */
const near = (start: number, lo = -400, hi = 900): fc.Arbitrary<string> =>
  fc
    .integer({ min: lo, max: hi })
    .map((o) => formatIsoDate(Math.min(LAST, Math.max(FIRST, start + o))));

const orderedNear = (start: number): fc.Arbitrary<[string, string]> =>
  fc.tuple(near(start), near(start)).map(([a, b]) => (a <= b ? [a, b] : [b, a]));

function profileNear(start: number): fc.Arbitrary<Profile> {
  const contraception = fc
    .tuple(
      fc.constantFrom(...METHODS),
      maybe(orderedNear(start)),
      fc.constantFrom('both', 'start', 'end'),
    )
    .map(([method, pair, which]) =>
      compact({
        method,
        start: pair && which !== 'end' ? pair[0] : undefined,
        end: pair && which !== 'start' ? pair[1] : undefined,
      }),
    );
  const pregnancy = fc.oneof(
    fc.record({ start: near(start), week: fc.integer({ min: 0, max: 42 }), week_on: near(start) }),
    fc.tuple(orderedNear(start)).map(([[s, e]]) => ({ start: s, end: e })),
    fc.record({ due: near(start), end: maybe(near(start)) }).map(compact),
  );
  return fc
    .record({
      age: maybe(fc.integer({ min: 8, max: 100 })),
      birth_date: maybe(fc.integer({ min: 1900, max: 2100 }).map(String), 5),
      menopause: maybe(fc.constantFrom(...MENOPAUSE_STATES)),
      contraception: maybe(fc.array(contraception, { minLength: 1, maxLength: 3 })),
      pregnancy: maybe(pregnancy, 4),
      not_tracked: maybe(
        fc.array(
          orderedNear(start).map(([from, to]) => ({ from, to })),
          { minLength: 1, maxLength: 2 },
        ),
        4,
      ),
      last_screening: maybe(fc.record({ date: near(start, -2000, 0) }), 4),
      as_of: maybe(near(start, -30, 1200), 4),
    })
    .map(compact);
}

/** Valid canonical logs, as plain objects with ordinary prototypes (like the readers' output). */
export const validLogs: fc.Arbitrary<CycleLog> = plan.chain((p) =>
  profileNear(p.start).map((profile) => structuredClone({ profile, days: buildDays(p) })),
);

/** Freezes an object graph, so that any attempt to mutate the input throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
