/**
 * Issue 19's clinical gaps: behaviour that a deliberate change to the rules could break without
 * any other test failing. Each case fails when the check it names is deleted.
 */
import { expect } from 'vitest';
import { describe } from 'vitest';
import { addDays, quietLog, regularCycles, ruleCases } from './log-builder.ts';

/** Three 28-day cycles from 2025-01-01; logged through Mar 25; the next period is due Mar 26. */
const base = () => regularCycles({ from: '2025-01-01', count: 3 });
const P = '2025-03-26';
const S = '2025-02-10';

describe('rule 9: only the very first time is exempt', () => {
  ruleCases([
    {
      name: 'first_sex marked, but sex was logged earlier → postcoital-bleeding (soon)',
      log: base()
        .age(19)
        .on('2025-02-01', { sex: true })
        .on(S, { sex: true, first_sex: true, bleeding: 'light' }),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['first-sex-bleeding'],
      check: (r) =>
        expect(r.analysis.not_flagged).toContainEqual({
          rule: 'first-sex-bleeding',
          date: S,
          reason: { code: 'first-sex-not-first', date: '2025-02-01' },
        }),
    },
    {
      name: 'first_sex marked on the first logged sex day → exempt (info)',
      log: base().age(19).on(S, { sex: true, first_sex: true, bleeding: 'light' }),
      must: { 'first-sex-bleeding': 'info' },
      not: ['postcoital-bleeding'],
    },
    {
      name: 'bleeding two days after a "first" sex that was not the first → not exempt',
      log: base()
        .age(19)
        .on('2025-02-01', { sex: true })
        .on(S, { sex: true, first_sex: true })
        .on(addDays(S, 2), { bleeding: 'light' }),
      not: ['first-sex-bleeding'],
    },
  ]);
});

describe('rule 22: a hormonal method started after the missed period does not silence it', () => {
  const painfulSpot = { bleeding: 'spotting', cramps: 'moderate' } as const;
  ruleCases([
    {
      name: 'progestogen pill started on the day of the painful spotting at P + 4 → urgent',
      log: base()
        .on(addDays(P, 4), painfulSpot)
        .fillTo(addDays(P, 8))
        .contraception('progestogen-pill', addDays(P, 4)),
      must: { 'missed-period-bleeding-with-pain': 'urgent' },
    },
    {
      name: 'pill started the day after the due date, spotting at P + 4 → urgent',
      log: base()
        .on(addDays(P, 4), painfulSpot)
        .fillTo(addDays(P, 8))
        .contraception('progestogen-pill', addDays(P, 1)),
      must: { 'missed-period-bleeding-with-pain': 'urgent' },
    },
    {
      name: 'pill started on the due date → the missed period is explained: not this rule',
      log: base()
        .on(addDays(P, 4), painfulSpot)
        .fillTo(addDays(P, 8))
        .contraception('progestogen-pill', P),
      not: ['missed-period-bleeding-with-pain'],
    },
  ]);
});

describe('rule 5: an IUD inserted after the evaluation date is not in place', () => {
  const pregnantWithLaterIud = () =>
    quietLog('2025-01-01', '2025-04-30')
      .pregnancy({ start: '2025-01-01', week: 4, week_on: '2025-01-29' })
      .contraception('copper-iud', '2025-03-01');
  ruleCases([
    {
      name: '--as-of before the insertion → no pregnancy-with-iud',
      log: pregnantWithLaterIud(),
      asOf: '2025-02-28',
      not: ['pregnancy-with-iud'],
    },
    {
      name: '--as-of on the insertion day → pregnancy-with-iud (urgent)',
      log: pregnantWithLaterIud(),
      asOf: '2025-03-01',
      must: { 'pregnancy-with-iud': 'urgent' },
    },
  ]);
});
