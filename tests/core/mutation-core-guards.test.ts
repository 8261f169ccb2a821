/**
 * The last edges of src/core outside the rules that StrykerJS found no test for (README
 * "Mutation testing"): the catalogue guard in Context.flag, four-digit years, the one date-shift
 * helper, the menopause inference's gap and empty log, and the evaluation-date edge of
 * "postmenopausal".
 */
import { describe, expect, it } from 'vitest';
import { Context } from '../../src/core/context.ts';
import { addDays, formatIsoDate, toDay } from '../../src/core/dates.ts';
import { inferMenopause } from '../../src/core/menopause.ts';
import { States } from '../../src/core/states.ts';
import { Timeline } from '../../src/core/timeline.ts';
import { analyze, quietLog } from './log-builder.ts';

describe('Context.flag', () => {
  it('refuses a tier the catalogue does not list for the rule (a cast around the type)', () => {
    // flag reads the catalogue before anything else, so the other inputs are never touched.
    const ctx = new Context(
      ...([{}, {}, [], {}, {}] as unknown as [never, never, never, never, never]),
    );
    const flag = () =>
      ctx.flag({
        rule: 'pregnancy-bleeding-heavy',
        tier: 'info' as never,
        start: 0,
        end: 0,
        facts: [],
      });
    expect(flag).toThrow('pregnancy-bleeding-heavy cannot be info');
    expect(ctx.findings).toEqual([]);
  });
});

describe('dates', () => {
  it.each([
    ['0999-03-01', '0999-03-01'],
    ['0042-12-31', '0042-12-31'],
    ['2025-01-09', '2025-01-09'],
  ])('formatIsoDate pads the year to four digits: %s', (date, text) => {
    expect(formatIsoDate(toDay(date))).toBe(text);
  });

  it.each([
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-01-10', 0, '2025-01-10'],
    ['2025-12-25', 10, '2026-01-04'],
  ] as const)('addDays(%s, %i) is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('menopause inference', () => {
  it('an empty log infers nothing, even at 55', () => {
    const profile = { age: 55 };
    const tl = new Timeline({ profile, days: [] }, 0, -1);
    expect(inferMenopause(profile, tl, new States(profile, -1))).toBeUndefined();
  });

  it('a spot on the 365th day without bleeding restarts the count: a later spot is not after menopause', () => {
    // Last period 2024-01-10..14; a spot on 2025-01-13 (the 365th day) ends the gap at 364
    // days. The next 12 months would end in 2026, after the log, so nothing is inferred.
    const result = analyze(
      quietLog('2023-11-01', '2025-06-30')
        .profile({ age: 52, menopause: undefined })
        .period('2023-12-12', 5)
        .period('2024-01-10', 5)
        .on('2025-01-13', { bleeding: 'spotting' })
        .on('2025-03-01', { bleeding: 'spotting' }),
    );
    expect(result.analysis.findings.map((f) => f.rule)).not.toContain('postmenopausal-bleeding');
    expect(result.analysis.findings.flatMap((f) => f.facts.map((x) => x.code))).not.toContain(
      'menopause-inferred',
    );
  });
});

describe('States.postmenopausal: on the evaluation date E or before', () => {
  const E = toDay('2025-06-30');
  it.each([
    ['inferred from the day before E', E - 1, true],
    ['inferred from E itself', E, true],
    ['inferred from the day after E (the 12 months end on E)', E + 1, false],
    ['nothing inferred', undefined, false],
  ] as const)('%s → %s', (_name, from, expected) => {
    expect(new States({ age: 52 }, E, from).postmenopausal).toBe(expected);
  });
});
