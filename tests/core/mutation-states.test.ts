/**
 * Profile-derived states on a date (D12): pregnancy and its week, age, contraception and the
 * settling windows, read directly, both sides of each edge. Written against the mutants StrykerJS
 * found surviving (README "Mutation testing"). Every date asked about is on or before the
 * evaluation date.
 */
import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/core/dates.ts';
import type { Profile } from '../../src/core/log.ts';
import { States } from '../../src/core/states.ts';

const n = (date: string) => toDay(date);
const E = '2025-12-31';
const states = (profile: Profile, end = E) => new States(profile, n(end));

describe('pregnancy', () => {
  it('from a start date: pregnant from the start through 294 days, pregnant-after-start from the day after', () => {
    const s = states({ pregnancy: { start: '2025-01-01' } });
    expect(s.isPregnant(n('2024-12-31'))).toBe(false);
    expect(s.isPregnant(n('2025-01-01'))).toBe(true);
    expect(s.isPregnantAfterStart(n('2025-01-01'))).toBe(false);
    expect(s.isPregnantAfterStart(n('2025-01-02'))).toBe(true);
    expect(s.isPregnant(n('2025-01-01') + 294)).toBe(true);
    expect(s.isPregnantAfterStart(n('2025-01-01') + 294)).toBe(true);
    expect(s.isPregnant(n('2025-01-01') + 295)).toBe(false);
    expect(s.isPregnantAfterStart(n('2025-01-01') + 295)).toBe(false);
    expect(s.pregnancyWeek(n('2025-03-01'))).toBeUndefined();
  });

  it('an end date closes it', () => {
    const s = states({ pregnancy: { start: '2025-01-01', end: '2025-02-01' } });
    expect(s.isPregnant(n('2025-02-01'))).toBe(true);
    expect(s.isPregnant(n('2025-02-02'))).toBe(false);
    expect(s.hasPregnancyBetween(n('2025-02-02'), n('2025-03-01'))).toBe(false);
    expect(s.hasPregnancyBetween(n('2025-02-01'), n('2025-03-01'))).toBe(true);
    expect(s.hasPregnancyBetween(n('2024-12-01'), n('2024-12-31'))).toBe(false);
    expect(s.hasPregnancyBetween(n('2024-12-01'), n('2025-01-01'))).toBe(true);
  });

  it('from a week on a date: the week counts on, and the start is that many weeks before', () => {
    const s = states({ pregnancy: { week: 10, week_on: '2025-03-12' } });
    expect(s.pregnancyWeek(n('2025-03-12'))).toBe(10);
    expect(s.pregnancyWeek(n('2025-03-18'))).toBe(10);
    expect(s.pregnancyWeek(n('2025-03-19'))).toBe(11);
    expect(s.pregnancyWeek(n('2025-03-11'))).toBe(9);
    expect(s.isPregnant(n('2025-01-01'))).toBe(true);
    expect(s.isPregnant(n('2024-12-31'))).toBe(false);
  });

  it('a start date wins over the start a week implies', () => {
    const s = states({ pregnancy: { start: '2025-01-05', week: 10, week_on: '2025-03-12' } });
    expect(s.isPregnant(n('2025-01-04'))).toBe(false);
    expect(s.isPregnant(n('2025-01-05'))).toBe(true);
    expect(s.pregnancyWeek(n('2025-03-12'))).toBe(10);
  });

  it('from a due date: week 40 on it, started 280 days before', () => {
    const s = states({ pregnancy: { due: '2025-10-08' } });
    expect(s.pregnancyWeek(n('2025-10-08'))).toBe(40);
    expect(s.pregnancyWeek(n('2025-10-07'))).toBe(39);
    expect(s.pregnancyWeek(n('2025-01-01'))).toBe(0);
    expect(s.isPregnant(n('2025-01-01'))).toBe(true);
    expect(s.isPregnant(n('2024-12-31'))).toBe(false);
  });

  it('a week without its date falls back to the due date', () => {
    const s = states({ pregnancy: { week_on: '2025-03-12', due: '2025-10-08' } });
    expect(s.pregnancyWeek(n('2025-10-08'))).toBe(40);
    expect(s.isPregnant(n('2025-01-01'))).toBe(true);
  });

  it('a week without its date gives no pregnancy', () => {
    const s = states({ pregnancy: { week: 10 } });
    expect(s.pregnancy).toBeUndefined();
    expect(s.isPregnant(n('2025-03-01'))).toBe(false);
    expect(s.hasPregnancyBetween(n('2025-01-01'), n('2025-12-31'))).toBe(false);
  });
});

describe('age', () => {
  it('a stated age is the age on the evaluation date, a year less a year before', () => {
    const s = states({ age: 40 }, '2025-06-30');
    expect(s.ageOn(n('2025-06-30'))).toBe(40);
    expect(s.ageOn(n('2024-07-01'))).toBe(40);
    expect(s.ageOn(n('2024-06-29'))).toBe(39);
  });

  it('a birth date counts completed years; a year alone means 1 July', () => {
    const s = states({ birth_date: '1990-03-15', age: 99 });
    expect(s.ageOn(n('2025-03-14'))).toBe(34);
    expect(s.ageOn(n('2025-03-15'))).toBe(35);
    expect(s.ageOn(n('2025-02-20'))).toBe(34);
    expect(s.ageOn(n('2025-04-01'))).toBe(35);
    const year = states({ birth_date: '1990' });
    expect(year.ageOn(n('2025-06-30'))).toBe(34);
    expect(year.ageOn(n('2025-07-01'))).toBe(35);
  });

  it('none without either', () => {
    expect(states({}).ageOn(n('2025-01-01'))).toBeUndefined();
  });
});

describe('menopause', () => {
  it.each([
    ['pre', false, false],
    ['peri', false, true],
    ['post', true, false],
  ] as const)('%s: postmenopausal %s, perimenopausal %s', (menopause, post, peri) => {
    const s = states({ menopause });
    expect([s.postmenopausal, s.perimenopausal]).toEqual([post, peri]);
  });
});

describe('contraception', () => {
  it('no contraception is no method', () => {
    expect(states({}).methods).toEqual([]);
  });

  it('"none" is no method; an interval without dates is open on both sides', () => {
    const s = states({ contraception: [{ method: 'none' }, { method: 'condom' }] });
    expect(s.methods).toEqual([{ method: 'condom', start: -Infinity, end: Infinity }]);
  });

  it('methodsOn: from the start day through the end day', () => {
    const s = states({
      contraception: [{ method: 'condom', start: '2025-02-01', end: '2025-03-01' }],
    });
    expect(s.methodsOn(n('2025-01-31'))).toEqual([]);
    expect(s.methodsOn(n('2025-02-01'))).toHaveLength(1);
    expect(s.methodsOn(n('2025-03-01'))).toHaveLength(1);
    expect(s.methodsOn(n('2025-03-02'))).toEqual([]);
  });

  it('hormonal on a day, and between two days', () => {
    const s = states({
      contraception: [
        { method: 'combined-pill', start: '2025-02-01', end: '2025-03-01' },
        { method: 'condom', start: '2025-01-01' },
      ],
    });
    expect(s.isHormonalOn(n('2025-01-31'))).toBe(false);
    expect(s.isHormonalOn(n('2025-02-01'))).toBe(true);
    expect(s.isHormonalOn(n('2025-03-01'))).toBe(true);
    expect(s.isHormonalOn(n('2025-03-02'))).toBe(false);
    expect(s.hasHormonalBetween(n('2025-01-01'), n('2025-01-31'))).toBe(false);
    expect(s.hasHormonalBetween(n('2025-01-01'), n('2025-02-01'))).toBe(true);
    expect(s.hasHormonalBetween(n('2025-03-01'), n('2025-03-10'))).toBe(true);
    expect(s.hasHormonalBetween(n('2025-03-02'), n('2025-03-10'))).toBe(false);
  });

  it('IUDs: copper, hormonal, and an IUD of unknown type read as copper', () => {
    const on = (method: 'copper-iud' | 'hormonal-iud' | 'iud' | 'implant') => {
      const s = states({ contraception: [{ method, start: '2025-01-01' }] });
      const day = n('2025-02-01');
      return [s.copperIudOn(day), s.hormonalIudOn(day), s.iudOn(day)].map((m) => m?.method);
    };
    expect(on('copper-iud')).toEqual(['copper-iud', undefined, 'copper-iud']);
    expect(on('iud')).toEqual(['iud', undefined, 'iud']);
    expect(on('hormonal-iud')).toEqual([undefined, 'hormonal-iud', 'hormonal-iud']);
    expect(on('implant')).toEqual([undefined, undefined, undefined]);
  });

  it.each([
    ['hormonal-iud', 182],
    ['implant', 91],
    ['combined-pill', 91],
  ] as const)('%s settles for %s days after its start', (method, days) => {
    const start = n('2025-01-01');
    const s = states({ contraception: [{ method, start: '2025-01-01' }] });
    expect(s.hormonalSettlingOn(start)?.method).toBe(method);
    expect(s.hormonalSettlingOn(start + days)?.method).toBe(method);
    expect(s.hormonalSettlingOn(start + days + 1)).toBeUndefined();
  });

  it('a copper IUD settles for 91 days; no settling without a start, or for a non-hormonal method', () => {
    const start = n('2025-01-01');
    const copper = states({ contraception: [{ method: 'copper-iud', start: '2025-01-01' }] });
    expect(copper.copperSettlingOn(start + 91)?.method).toBe('copper-iud');
    expect(copper.copperSettlingOn(start + 92)).toBeUndefined();
    expect(copper.hormonalSettlingOn(start + 1)).toBeUndefined();
    const since = states({ contraception: [{ method: 'copper-iud' }, { method: 'implant' }] });
    expect(since.copperSettlingOn(start)).toBeUndefined();
    expect(since.hormonalSettlingOn(start)).toBeUndefined();
    expect(states({}).copperSettlingOn(start)).toBeUndefined();
  });
});
