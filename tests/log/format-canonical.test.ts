import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, formatIsoDate } from '../../src/core/dates.ts';
import {
  BLEEDING_LEVELS,
  BLEEDING_SOURCES,
  DISCHARGES,
  MENOPAUSE_STATES,
  METHODS,
  SEVERITIES,
  type CycleLog,
  type Day,
  type Profile,
} from '../../src/core/log.ts';
import { parseCanonicalCsv } from '../../src/log/canonical-csv.ts';
import { countPeriodWithoutBleeding, hasAnyBleeding } from '../../src/log/bleeding-evidence.ts';
import { parseCanonicalJson } from '../../src/log/canonical-json.ts';
import { formatCanonicalCsv, formatCanonicalJson } from '../../src/log/format-canonical.ts';

const HEADER =
  'date,bleeding,period,bleeding_source,blood_color,sex,first_sex,pain_during_sex,cramps,pelvic_pain,discharge,odor,painful_urination,fever,temperature,soaking,dizzy,notes';

const example: CycleLog = {
  profile: {
    age: 32,
    birth_date: '1993',
    menopause: 'pre',
    contraception: [
      { method: 'copper-iud', start: '2024-06-01', end: '2025-01-01' },
      { method: 'condom' },
      { method: 'implant', end: '2024-01-01' },
    ],
    pregnancy: { start: '2025-02-15', week: 6, week_on: '2025-03-29' },
    not_tracked: [{ from: '2025-03-20', to: '2025-03-31' }],
    last_screening: { date: '2024-05-01', result: 'normal, HPV negative' },
    as_of: '2025-04-01',
  },
  days: [
    { date: '2025-03-01', bleeding: 'medium', period: true, cramps: 'moderate' },
    {
      date: '2025-03-12',
      bleeding: 'spotting',
      bleeding_source: 'vaginal',
      blood_color: 'bright red',
      sex: true,
      first_sex: true,
      discharge: 'unusual',
      odor: false,
      temperature: 38.2,
      notes: 'after sex, "a little"\nnext line',
    },
    { date: '2025-03-13', notes: '=1+1' },
    { date: '2025-03-14', notes: '-' },
    { date: '2025-03-15', notes: "'=already quoted" },
    { date: '2025-03-16', notes: 'naïve café — 日本語 😀', blood_color: '@brown' },
  ],
};

describe('formatCanonicalCsv', () => {
  it('writes profile lines in a fixed order, every column, and protected text', () => {
    expect(formatCanonicalCsv(example).split('\n')).toEqual([
      '# age: 32',
      '# birth_date: 1993',
      '# menopause: pre',
      '# contraception: copper-iud@2024-06-01..2025-01-01',
      '# contraception: condom',
      '# contraception: implant@..2024-01-01',
      '# pregnancy: start=2025-02-15 week=6@2025-03-29',
      '# not_tracked: 2025-03-20..2025-03-31',
      '# last_screening: 2024-05-01 normal, HPV negative',
      '# as_of: 2025-04-01',
      HEADER,
      '2025-03-01,medium,yes,,,,,,moderate,,,,,,,,,',
      '2025-03-12,spotting,,vaginal,bright red,yes,yes,,,,unusual,no,,,38.2,,,"after sex, ""a little""',
      'next line"',
      "2025-03-13,,,,,,,,,,,,,,,,,'=1+1",
      "2025-03-14,,,,,,,,,,,,,,,,,'-",
      "2025-03-15,,,,,,,,,,,,,,,,,''=already quoted",
      "2025-03-16,,,,'@brown,,,,,,,,,,,,,naïve café — 日本語 😀",
      '',
    ]);
  });

  it('writes just the header for an empty log', () => {
    expect(formatCanonicalCsv({ profile: {}, days: [] })).toBe(`${HEADER}\n`);
  });

  it('reads back to the same log', () => {
    const result = parseCanonicalCsv(formatCanonicalCsv(example), 'out.csv');
    expect(result.log).toStrictEqual(example);
    expect(result.warnings).toEqual([]);
  });
});

describe('formatCanonicalJson', () => {
  it('writes format, profile and days with canonical key order and a final newline', () => {
    const log: CycleLog = {
      profile: {
        as_of: '2025-04-01',
        age: 30,
        pregnancy: { due: '2025-11-01', end: '2025-10-01' },
      },
      days: [{ notes: 'x', sex: true, date: '2025-03-12', bleeding: 'spotting' }],
    };
    expect(formatCanonicalJson(log)).toBe(
      [
        '{',
        '  "format": "cyclecheck-log/1",',
        '  "profile": {',
        '    "age": 30,',
        '    "pregnancy": {',
        '      "end": "2025-10-01",',
        '      "due": "2025-11-01"',
        '    },',
        '    "as_of": "2025-04-01"',
        '  },',
        '  "days": [',
        '    {',
        '      "date": "2025-03-12",',
        '      "bleeding": "spotting",',
        '      "sex": true,',
        '      "notes": "x"',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('reads back to the same log', () => {
    const result = parseCanonicalJson(formatCanonicalJson(example), 'out.json');
    expect(result.log).toStrictEqual(example);
    expect(result.warnings).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated logs in normal form (what the readers produce): sorted unique dates, trimmed text,
// implied sex set, non-empty lists.

const isoDate = fc
  .integer({ min: dayNumber(1900, 1, 1), max: dayNumber(2100, 12, 31) })
  .map(formatIsoDate);

const TRICKY_TEXT = [
  '=1+1',
  '+33 6 12',
  '-',
  '-- dashes',
  '@home',
  "'=x",
  "''+y",
  "'",
  "it's",
  'a,b;c\td',
  'say "hi"',
  '"',
  'line\nbreak',
  'a\n\nb',
  'a\n# not a comment',
  '#hashtag',
  'naïve — 日本語 😀',
  'x'.repeat(300),
];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const freeText = fc.oneof(
  fc.constantFrom(...TRICKY_TEXT),
  fc
    .string({
      unit: fc.oneof(
        fc.constantFrom('=', '+', '-', '@', "'", '"', ',', ';', '\t', '\n', '\r', ' ', '#'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
      maxLength: 30,
    })
    .map((s) => s.replaceAll('\u0000', '').replace(/\r\n?/g, '\n').trim())
    .filter((s) => s !== '' && !LONE_SURROGATE.test(s)),
);

const oneLineText = freeText.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== '');

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function compact<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

const dayFields = fc.record({
  bleeding: maybe(fc.constantFrom(...BLEEDING_LEVELS)),
  period: maybe(fc.boolean()),
  bleeding_source: maybe(fc.constantFrom(...BLEEDING_SOURCES)),
  blood_color: maybe(freeText),
  sex: maybe(fc.boolean()),
  first_sex: maybe(fc.boolean()),
  pain_during_sex: maybe(fc.boolean()),
  cramps: maybe(fc.constantFrom(...SEVERITIES)),
  pelvic_pain: maybe(fc.constantFrom(...SEVERITIES)),
  discharge: maybe(fc.constantFrom(...DISCHARGES)),
  odor: maybe(fc.boolean()),
  painful_urination: maybe(fc.boolean()),
  fever: maybe(fc.boolean()),
  temperature: maybe(
    fc.oneof(
      fc.integer({ min: 300, max: 450 }).map((t) => t / 10),
      fc.double({ min: 30, max: 45, noNaN: true }),
    ),
  ),
  soaking: maybe(fc.boolean()),
  dizzy: maybe(fc.boolean()),
  notes: maybe(freeText),
});

const days = fc
  .uniqueArray(isoDate, { maxLength: 12 })
  .chain((dates) =>
    fc.tuple(
      fc.constant([...dates].sort()),
      fc.array(dayFields, { minLength: dates.length, maxLength: dates.length }),
    ),
  )
  .map(([dates, fields]) =>
    dates.map((date, i) => {
      const day = compact({ date, ...fields[i]! }) as Day;
      if (day.first_sex === true || day.pain_during_sex === true) day.sex = true;
      return day;
    }),
  );

const orderedPair = fc
  .tuple(isoDate, isoDate)
  .map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]);

const contraception = fc
  .tuple(fc.constantFrom(...METHODS), maybe(orderedPair), fc.constantFrom('both', 'start', 'end'))
  .map(([method, pair, which]) =>
    compact({
      method,
      start: pair && which !== 'end' ? pair[0] : undefined,
      end: pair && which !== 'start' ? pair[1] : undefined,
    }),
  );

const pregnancy = fc.oneof(
  fc.record({ start: isoDate, week: fc.integer({ min: 0, max: 42 }), week_on: isoDate }),
  fc
    .tuple(orderedPair, maybe(fc.tuple(fc.integer({ min: 0, max: 42 }), isoDate)))
    .map(([[start, end], week]) => compact({ start, end, week: week?.[0], week_on: week?.[1] })),
  fc.record({ due: isoDate, end: maybe(isoDate) }).map(compact),
  fc.record({ week: fc.integer({ min: 0, max: 42 }), week_on: isoDate }),
);

const profile: fc.Arbitrary<Profile> = fc
  .record({
    age: maybe(fc.integer({ min: 8, max: 100 })),
    birth_date: maybe(fc.oneof(isoDate, fc.integer({ min: 1900, max: 2100 }).map(String))),
    menopause: maybe(fc.constantFrom(...MENOPAUSE_STATES)),
    contraception: maybe(fc.array(contraception, { minLength: 1, maxLength: 3 })),
    pregnancy: maybe(pregnancy),
    not_tracked: maybe(
      fc.array(
        orderedPair.map(([from, to]) => ({ from, to })),
        { minLength: 1, maxLength: 3 },
      ),
    ),
    last_screening: maybe(fc.record({ date: isoDate, result: maybe(oneLineText) }).map(compact)),
    as_of: maybe(isoDate),
  })
  .map(compact);

// fc.record builds objects without a prototype; the readers build ordinary ones. A log whose
// period days carry no bleeding at all is refused by the readers, so it is left out
// here and tested on its own below.
const logs: fc.Arbitrary<CycleLog> = fc
  .record({ profile, days })
  .map((log) => structuredClone(log))
  .filter((log) => countPeriodWithoutBleeding(log.days) === 0 || hasAnyBleeding(log.days));

describe('round trips of generated logs', () => {
  it('CSV: formatCanonicalCsv → parseCanonicalCsv gives the same log', () => {
    fc.assert(
      fc.property(logs, (log) => {
        const text = formatCanonicalCsv(log);
        expect(parseCanonicalCsv(text, 'gen.csv').log).toStrictEqual(log);
        expect(formatCanonicalCsv(parseCanonicalCsv(text, 'gen.csv').log)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('JSON: formatCanonicalJson → parseCanonicalJson gives the same log', () => {
    fc.assert(
      fc.property(logs, (log) => {
        const text = formatCanonicalJson(log);
        expect(parseCanonicalJson(text, 'gen.json').log).toStrictEqual(log);
        expect(formatCanonicalJson(parseCanonicalJson(text, 'gen.json').log)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('CSV and JSON carry the same log', () => {
    fc.assert(
      fc.property(logs, (log) => {
        const viaCsv = parseCanonicalCsv(formatCanonicalCsv(log), 'gen.csv').log;
        expect(formatCanonicalJson(viaCsv)).toBe(formatCanonicalJson(log));
      }),
      { numRuns: 100 },
    );
  });
});

describe('a written log with period days but no bleeding anywhere', () => {
  const log: CycleLog = { profile: {}, days: [{ date: '2025-03-01', period: true }] };
  it('is refused when read back, as CSV and as JSON (no false all-clear)', () => {
    expect(() => parseCanonicalCsv(formatCanonicalCsv(log), 'gen.csv')).toThrow(
      /the period column says yes on 1 day, but no bleeding was read on any day/,
    );
    expect(() => parseCanonicalJson(formatCanonicalJson(log), 'gen.json')).toThrow(
      /the period field says yes on 1 day, but no bleeding was read on any day/,
    );
  });
});

describe('the generator', () => {
  it('produces the cases the round trips are meant to cover', () => {
    const sample = fc.sample(logs, { numRuns: 300, seed: 1 });
    const allDays = sample.flatMap((log) => log.days);
    const notes = allDays.flatMap((day) => (day.notes === undefined ? [] : [day.notes]));
    expect(allDays.length).toBeGreaterThan(500);
    expect(notes.some((n) => /^'*[=+\-@]/.test(n))).toBe(true);
    expect(notes.some((n) => n.includes('\n'))).toBe(true);
    expect(notes.some((n) => n.includes('"') && n.includes(','))).toBe(true);
    expect(notes.some((n) => /[^ -~\n\t]/.test(n))).toBe(true);
    expect(allDays.some((day) => day.period === false)).toBe(true);
    expect(
      allDays.some(
        (day) => day.temperature !== undefined && !Number.isInteger(day.temperature * 10),
      ),
    ).toBe(true);
    expect(sample.some((log) => log.profile.pregnancy?.due !== undefined)).toBe(true);
    expect(sample.some((log) => (log.profile.contraception?.length ?? 0) > 1)).toBe(true);
  });
});
