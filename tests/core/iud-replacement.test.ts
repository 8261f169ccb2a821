/**
 * The IUD in place on a day (States.iudOn) when one IUD replaces another: both are listed as in
 * place on the day of the change, and the new one must be returned — its insertion is what makes
 * fever or severe pelvic pain in the next 21 days a sign of infection (rule 33). Before, the first
 * listed (the old one) won, and fever on the day of a replacement raised nothing.
 */
import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/core/dates.ts';
import { States } from '../../src/core/states.ts';
import { analyze, describeFindings, findingsOf, quietLog } from './log-builder.ts';

const n = (date: string) => toDay(date);

describe('States.iudOn', () => {
  const s = new States(
    {
      contraception: [
        { method: 'copper-iud', end: '2025-03-01' },
        { method: 'hormonal-iud', start: '2025-03-01' },
      ],
    },
    n('2025-12-31'),
  );
  it.each([
    ['the day before the change: the old one', '2025-02-28', 'copper-iud'],
    ['the day of the change: the new one', '2025-03-01', 'hormonal-iud'],
    ['the day after: the new one', '2025-03-02', 'hormonal-iud'],
  ])('%s', (_name, date, method) => {
    expect(s.iudOn(n(date))?.method).toBe(method);
  });

  it('a pill is not an IUD; none in place → undefined', () => {
    const pill = new States({ contraception: [{ method: 'combined-pill' }] }, n('2025-12-31'));
    expect(pill.iudOn(n('2025-03-01'))).toBeUndefined();
  });

  it('two IUDs listed with the same insertion date (a duplicate entry): the first listed', () => {
    const twice = new States(
      {
        contraception: [
          { method: 'copper-iud', start: '2025-03-01' },
          { method: 'iud', start: '2025-03-01' },
        ],
      },
      n('2025-12-31'),
    );
    expect(twice.iudOn(n('2025-03-05'))?.method).toBe('copper-iud');
  });

  it('listed new first, old second: still the new one', () => {
    const reversed = new States(
      {
        contraception: [
          { method: 'iud', start: '2025-03-01' },
          { method: 'copper-iud', start: '2024-01-01', end: '2025-03-01' },
        ],
      },
      n('2025-12-31'),
    );
    expect(reversed.iudOn(n('2025-03-01'))?.method).toBe('iud');
  });
});

describe('fever on the day an IUD is replaced (rule 33)', () => {
  const replaced = (feverOn: string) =>
    quietLog('2025-01-01', '2025-03-31')
      .contraception('copper-iud', undefined, '2025-03-01')
      .contraception('hormonal-iud', '2025-03-01')
      .on(feverOn, { fever: true });

  it.each([
    ['on the day of the replacement', '2025-03-01', 0],
    ['the day after', '2025-03-02', 1],
  ])('%s → urgent, with the new insertion date', (_name, date, days) => {
    const r = analyze(replaced(date));
    const found = findingsOf(r, 'pelvic-infection-red-flags');
    expect(found.length, describeFindings(r)).toBe(1);
    expect(found[0]!.tier).toBe('urgent');
    expect(found[0]!.facts).toContainEqual({
      code: 'iud-inserted-recently',
      date: '2025-03-01',
      value: days,
      other: 'fever',
    });
  });
});
