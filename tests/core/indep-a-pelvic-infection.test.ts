/**
 * Mutation tests for src/core/rules/independent.ts (analyzePelvicInfection and
 * pidSignsWithoutFever): rule 33 pelvic-infection-red-flags. Each case pins the facts the flag
 * carries — which sign, on which day, with which value — and both sides of each window:
 * (a) fever with a sign on d−1..d+1 or pain after sex on d−2..d, (b) an IUD inserted 0–21 days
 * before fever or severe pelvic pain, and correction 3: unusual discharge or odour with
 * moderate+ pain outside a period (or pain during sex) within 3 days, without a fever.
 */
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/core/facts.ts';
import { analyze, findingsOf, quietLog, regularCycles, type LogBuilder } from './log-builder.ts';

/** No periods: Jan 1 .. Mar 31. */
const quiet = () => quietLog('2025-01-01', '2025-03-31');
/** Starts Jan 1, Jan 29 (period Jan 29..Feb 2), Feb 26; logged through Mar 25. */
const cyclesLog = () => regularCycles({ from: '2025-01-01', count: 3 });

type Flag = [start: string, end: string, facts: Fact[]];

/** Every pelvic-infection-red-flags finding as [start, end, facts]. */
function flags(input: LogBuilder): Flag[] {
  return findingsOf(analyze(input), 'pelvic-infection-red-flags').map((f) => [
    f.start,
    f.end,
    f.facts,
  ]);
}

const at = (date: string, facts: Fact[]): Flag[] => [[date, date, facts]];

function table(cases: [string, LogBuilder, Flag[]][]): void {
  // toStrictEqual: a fact with `value: undefined` is not the same as a fact without a value.
  it.each(cases)('%s', (_name, input, expected) => expect(flags(input)).toStrictEqual(expected));
}

describe('(a) fever with a sign of infection on the day before, the day or the day after', () => {
  table([
    [
      'measured 38.4 °C, moderate pelvic pain the next day → the temperature and the pain level',
      quiet().on('2025-03-10', { temperature: 38.4 }).on('2025-03-11', { pelvic_pain: 'moderate' }),
      at('2025-03-10', [
        { code: 'fever', date: '2025-03-10', value: 38.4 },
        { code: 'pelvic-pain', date: '2025-03-11', value: 'moderate' },
      ]),
    ],
    [
      'fever ticked without a temperature → the fever fact has no value',
      quiet().on('2025-03-10', { fever: true }).on('2025-03-09', { cramps: 'severe' }),
      at('2025-03-10', [
        { code: 'fever', date: '2025-03-10' },
        { code: 'cramps-outside-period', date: '2025-03-09', value: 'severe' },
      ]),
    ],
    [
      'fever with unusual discharge the same day',
      quiet().on('2025-03-10', { fever: true, discharge: 'unusual' }),
      at('2025-03-10', [
        { code: 'fever', date: '2025-03-10' },
        { code: 'unusual-discharge', date: '2025-03-10' },
      ]),
    ],
    [
      'fever with odour the day before',
      quiet().on('2025-03-09', { odor: true }).on('2025-03-10', { fever: true }),
      at('2025-03-10', [
        { code: 'fever', date: '2025-03-10' },
        { code: 'odor', date: '2025-03-09' },
      ]),
    ],
    [
      'fever with pain during sex the day after',
      quiet().on('2025-03-10', { fever: true }).on('2025-03-11', { pain_during_sex: true }),
      at('2025-03-10', [
        { code: 'fever', date: '2025-03-10' },
        { code: 'pain-during-sex', date: '2025-03-11' },
      ]),
    ],
    [
      'fever with painful urination',
      quiet().on('2025-03-10', { fever: true, painful_urination: true }),
      at('2025-03-10', [
        { code: 'fever', date: '2025-03-10' },
        { code: 'painful-urination', date: '2025-03-10' },
      ]),
    ],
    [
      'fever the day after non-period spotting',
      cyclesLog().on('2025-02-15', { bleeding: 'spotting' }).on('2025-02-16', { fever: true }),
      at('2025-02-16', [
        { code: 'fever', date: '2025-02-16' },
        { code: 'non-period-bleeding', date: '2025-02-15' },
      ]),
    ],
    [
      'fever on the first logged day (no entry the day before) with unusual discharge',
      quiet().on('2025-01-01', { fever: true, discharge: 'unusual' }),
      at('2025-01-01', [
        { code: 'fever', date: '2025-01-01' },
        { code: 'unusual-discharge', date: '2025-01-01' },
      ]),
    ],
    [
      'fever with moderate pain and unusual discharge the same day → each sign named once',
      quiet().on('2025-03-10', { fever: true, pelvic_pain: 'moderate', discharge: 'unusual' }),
      at('2025-03-10', [
        { code: 'fever', date: '2025-03-10' },
        { code: 'pelvic-pain', date: '2025-03-10', value: 'moderate' },
        { code: 'unusual-discharge', date: '2025-03-10' },
        { code: 'pid-signs-without-fever' },
      ]),
    ],
  ]);
});

describe('(a) fever with pain after sex (rule 12: even mild pain) on d−2..d', () => {
  table([
    [
      'sex with mild cramps on the fever day itself → pain after sex that day',
      quiet().on('2025-03-10', { fever: true, sex: true, cramps: 'mild' }),
      at('2025-03-10', [
        { code: 'fever', date: '2025-03-10' },
        { code: 'pain-after-sex', date: '2025-03-10' },
      ]),
    ],
    [
      'sex 2 days before the fever, mild pelvic pain the day after the sex → the sex day',
      quiet()
        .on('2025-03-08', { sex: true })
        .on('2025-03-09', { pelvic_pain: 'mild' })
        .on('2025-03-10', { fever: true }),
      at('2025-03-10', [
        { code: 'fever', date: '2025-03-10' },
        { code: 'pain-after-sex', date: '2025-03-08' },
      ]),
    ],
    [
      'sex the day before the fever without any pain → no flag',
      quiet().on('2025-03-09', { sex: true }).on('2025-03-10', { fever: true }),
      [],
    ],
    [
      'sex with mild pain 3 days before the fever → outside d−2..d, no flag',
      quiet().on('2025-03-07', { sex: true, cramps: 'mild' }).on('2025-03-10', { fever: true }),
      [],
    ],
    [
      'mild pain the day before the sex does not count as pain after it → no flag',
      quiet()
        .on('2025-03-07', { cramps: 'mild' })
        .on('2025-03-08', { sex: true })
        .on('2025-03-10', { fever: true }),
      [],
    ],
  ]);
});

describe('(b) IUD inserted 0–21 days before fever or severe pelvic pain', () => {
  table([
    [
      'fever alone 10 days after a copper IUD → days since insertion, and "fever"',
      quiet().contraception('copper-iud', '2025-03-01').on('2025-03-11', { fever: true }),
      at('2025-03-11', [
        { code: 'iud-inserted-recently', date: '2025-03-01', value: 10, other: 'fever' },
      ]),
    ],
    [
      'severe pelvic pain 21 days after a hormonal IUD → "severe pelvic pain"',
      quiet()
        .contraception('hormonal-iud', '2025-03-01')
        .on('2025-03-22', { pelvic_pain: 'severe' }),
      at('2025-03-22', [
        {
          code: 'iud-inserted-recently',
          date: '2025-03-01',
          value: 21,
          other: 'severe pelvic pain',
        },
      ]),
    ],
    [
      'fever alone with an IUD in place since before the log → not a recent insertion, no flag',
      quiet().contraception('copper-iud').on('2025-03-11', { fever: true }),
      [],
    ],
  ]);
});

describe('correction 3: discharge or odour with pain within 3 days, without fever', () => {
  table([
    [
      'discharge and odour on d, moderate pelvic pain on d+3 → both signs and the pain',
      quiet()
        .on('2025-03-10', { discharge: 'unusual', odor: true })
        .on('2025-03-13', { pelvic_pain: 'moderate' }),
      at('2025-03-10', [
        { code: 'pid-signs-without-fever' },
        { code: 'unusual-discharge', date: '2025-03-10' },
        { code: 'odor', date: '2025-03-10' },
        { code: 'pelvic-pain', date: '2025-03-13', value: 'moderate' },
      ]),
    ],
    [
      'odour only on d, severe cramps (no period) on d−3 → no discharge fact',
      quiet().on('2025-03-10', { odor: true }).on('2025-03-07', { cramps: 'severe' }),
      at('2025-03-10', [
        { code: 'pid-signs-without-fever' },
        { code: 'odor', date: '2025-03-10' },
        { code: 'cramps-outside-period', date: '2025-03-07', value: 'severe' },
      ]),
    ],
    [
      'unusual discharge only on d, pain during sex on d+1 → no odour fact',
      quiet()
        .on('2025-03-10', { discharge: 'unusual' })
        .on('2025-03-11', { pain_during_sex: true }),
      at('2025-03-10', [
        { code: 'pid-signs-without-fever' },
        { code: 'unusual-discharge', date: '2025-03-10' },
        { code: 'pain-during-sex', date: '2025-03-11' },
      ]),
    ],
    [
      'moderate pelvic pain on d+4 → outside the window, no flag',
      quiet()
        .on('2025-03-10', { discharge: 'unusual' })
        .on('2025-03-14', { pelvic_pain: 'moderate' }),
      [],
    ],
    [
      'discharge on the first logged day, moderate pain the next day (days before: no entry)',
      quiet()
        .on('2025-01-01', { discharge: 'unusual' })
        .on('2025-01-02', { pelvic_pain: 'moderate' }),
      at('2025-01-01', [
        { code: 'pid-signs-without-fever' },
        { code: 'unusual-discharge', date: '2025-01-01' },
        { code: 'pelvic-pain', date: '2025-01-02', value: 'moderate' },
      ]),
    ],
  ]);
});
