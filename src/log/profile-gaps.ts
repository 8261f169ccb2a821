/**
 * Profile facts an app export cannot carry, phrased as the option that supplies each one. The
 * `fact` ids let a caller drop a gap once the matching option or profile key is given.
 */
import type { IsoDate } from '../core/dates.ts';
import type { Profile } from '../core/log.ts';
import type { ProfileGap } from './import-contract.ts';

export const GAP_FACTS = {
  age: 'age',
  menopause: 'menopause',
  iudType: 'iud-type',
  pill: 'pill-type',
  contraceptionDates: 'contraception-dates',
  pregnancyWeek: 'pregnancy-week',
  /** A source with no record type for these at all (Health Connect): the person must say. */
  contraception: 'contraception',
  pregnancy: 'pregnancy',
  pain: 'pain',
} as const;

function span(first: IsoDate, last: IsoDate): string {
  return first === last ? `on ${first}` : `from ${first} to ${last}`;
}

/** Age and menopause status: no cycle app export carries either. */
export function personGaps(appName: string): ProfileGap[] {
  return [
    {
      fact: GAP_FACTS.age,
      message: `${appName} exports do not include your age: pass --age N or --birth-date YYYY-MM-DD (some rules depend on age).`,
    },
    {
      fact: GAP_FACTS.menopause,
      message: `${appName} exports do not say whether you are past menopause: pass --menopause pre, peri or post.`,
    },
  ];
}

/**
 * Correction 2: a log with 12 months without bleeding and no age. At 45 or over that is menopause
 * (NICE NG23), and any later bleeding is bleeding after menopause, so ask for both facts.
 */
export function menopauseUnknownGaps(from: IsoDate, to: IsoDate): ProfileGap[] {
  const stretch = `your log shows no bleeding from ${from} to ${to} (12 months or more)`;
  return [
    {
      fact: GAP_FACTS.age,
      message: `${stretch}, but not your age: pass --age N or --birth-date YYYY-MM-DD (at 45 or over that counts as menopause).`,
    },
    {
      fact: GAP_FACTS.menopause,
      message: `${stretch}: pass --menopause pre, peri or post so that any later bleeding is judged right.`,
    },
  ];
}

export function iudTypeGap(first: IsoDate, last: IsoDate): ProfileGap {
  return {
    fact: GAP_FACTS.iudType,
    message:
      `your export says IUD (${span(first, last)}) but not which kind: pass ` +
      '`--contraception copper-iud@DATE` or `hormonal-iud@DATE` (DATE = when it was inserted).',
  };
}

export function pillGap(
  first: IsoDate,
  last: IsoDate,
  what = 'the contraceptive pill',
): ProfileGap {
  return {
    fact: GAP_FACTS.pill,
    message:
      `your export records ${what} ${span(first, last)} but not which pill or since when: pass ` +
      '`--contraception combined-pill@START` or `progestogen-pill@START` (add `..END` if you stopped).',
  };
}

export function methodDatesGap(method: string, first: IsoDate, last: IsoDate): ProfileGap {
  return {
    fact: GAP_FACTS.contraceptionDates,
    message:
      `your export shows the ${method} in use ${span(first, last)}, without its start date; ` +
      `cyclecheck takes it as in use for the whole log: pass \`--contraception ${method}@START[..END]\` ` +
      'to give the real dates.',
  };
}

export function pregnancyWeekGap(detail: string): ProfileGap {
  return {
    fact: GAP_FACTS.pregnancyWeek,
    message:
      `${detail}: pass \`--pregnancy start=DATE week=N@DATE\` or \`--pregnancy due=DATE\` ` +
      'so that bleeding in pregnancy is dated correctly.',
  };
}

/**
 * The question a profile raises by itself, whatever file it came from: an IUD of unknown type
 * (`iud`, as `convert` writes an export's untyped IUD), which the rules treat as copper.
 */
export function profileGaps(profile: Profile): ProfileGap[] {
  const untyped = (profile.contraception ?? []).find((c) => c.method === 'iud');
  if (untyped === undefined) return [];
  const since = untyped.start === undefined ? '' : ` (since ${untyped.start})`;
  return [
    {
      fact: GAP_FACTS.iudType,
      message:
        `the log says IUD${since} but not which kind, so the rules treat it as copper: pass ` +
        '`--contraception copper-iud@DATE` or `hormonal-iud@DATE` (DATE = when it was inserted).',
    },
  ];
}

/**
 * What a source cannot hold at all (Health Connect has no record type for pain, pregnancy or
 * contraception): the rules that need them see nothing unless the person adds them.
 */
export function missingRecordGaps(appName: string): ProfileGap[] {
  return [
    {
      fact: GAP_FACTS.contraception,
      message: `${appName} has no contraception records: pass --contraception METHOD@START (e.g. copper-iud@2024-05-01), or run \`cyclecheck interview --log FILE\`, which asks.`,
    },
    {
      fact: GAP_FACTS.pregnancy,
      message: `${appName} has no pregnancy records: if you are or were pregnant in this time, pass --pregnancy start=DATE, or run \`cyclecheck interview --log FILE\`, which asks.`,
    },
    {
      fact: GAP_FACTS.pain,
      message: `${appName} has no pain records (cramps, pelvic pain, pain during sex): add them with \`cyclecheck interview --log FILE\` or in a cyclecheck CSV merged with --merge.`,
    },
  ];
}
