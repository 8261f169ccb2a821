/**
 * Sentences for the analyzer's coded facts. Repeated per-day facts of one kind (bleeding days,
 * cycles, pain days) are folded into one line so a long episode reads as one reason.
 */
import type { Fact, FactCode } from '../core/facts.ts';
import type { Method } from '../core/log.ts';
import { COPPER_IUD_SETTLING_DAYS, PAINFUL_SEX_WINDOW_DAYS } from '../core/windows.ts';
import { METHOD_WORDS } from './method-words.ts';

export function methodWord(method: string | number | undefined): string {
  return METHOD_WORDS[String(method) as Method] ?? String(method);
}

function days(n: string | number | undefined): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/**
 * One sentence for each fact code; `d` is the fact's date. Typed by FactCode: a new code without
 * a sentence fails to compile here.
 */
const FACT_SENTENCES: Record<FactCode, (f: Fact, d: string) => string> = {
  sex: (_f, d) => `Sex on ${d}.`,
  'sex-linked': (_f, d) => `The bleeding started on the day of sex or the day after (sex on ${d}).`,
  'first-sex': () =>
    'Marked as first-ever penetrative sex; the bleeding stayed light to medium and stopped within 3 days.',
  'predicted-start': (_f, d) => `The predicted period start was ${d}.`,
  'no-prediction-unlabelled': () =>
    'There is no prediction yet and the bleeding was not labelled as a period.',
  'period-may-be-starting': (_f, d) =>
    `Not counted as bleeding between periods: it began near the day the next period was due (${d}) and had not ended on the last day of the log, so it may be the period starting. Run cyclecheck again in a few days: if it stops within a day or two, or stays spotting, it will be judged then.`,
  'period-on-time': (_f, d) =>
    `The period came no more than 2 days before the predicted start (${d}).`,
  'labelled-period-no-prediction': () =>
    'You labelled it as your period and there is no prediction to contradict it.',
  'period-too-early': (f, d) =>
    `The period came ${days(f.value)} before the predicted start (${d}); more than 2 days early is not explained by sex.`,
  'bleeding-began-before-sex': (_f, d) =>
    `The bleeding began on ${d}, before the sex day (sex during a period or an ongoing bleed).`,
  'iud-in-place': (f) =>
    `${capitalize(methodWord(f.value))} in place${f.date ? ` since ${f.date}` : ''}.`,
  'iud-type-unknown': () =>
    'The IUD type is not recorded, so it is treated as a copper IUD (the more cautious reading). Pass --contraception copper-iud@DATE or hormonal-iud@DATE.',
  'method-since': (f, d) =>
    `${capitalize(methodWord(f.value))} started ${d} (day ${f.other} of its settling-in time).`,
  'stopped-next-day': () =>
    'It was one day of spotting or light bleeding and the next day was logged without bleeding.',
  'hormonal-iud-settling-single-day': () =>
    'One day of spotting after sex in the first 6 months of a hormonal IUD, which stopped the next day.',
  'downgraded-hormonal-single-day': (f) =>
    `Lowered to next-visit: a hormonal method (${methodWord(f.value)}) is in use and it was a single day that stopped.`,
  'first-sex-not-first': (_f, d) =>
    `First-time exemption not applied: sex was already logged on ${d}.`,
  'first-sex-heavy': (_f, d) => `First-time exemption not applied: heavy bleeding on ${d}.`,
  'first-sex-bleeding-continues': (_f, d) =>
    `First-time exemption not applied: still bleeding on ${d}, the third day after.`,
  'first-sex-severe-pain': (_f, d) => `First-time exemption not applied: severe pain on ${d}.`,
  'first-sex-fever': (_f, d) => `First-time exemption not applied: fever on ${d}.`,
  'pregnant-handled-by-pregnancy-rules': () =>
    'Pregnant on that day: handled by the pregnancy rules.',
  'postmenopausal-handled-by-pmb': () => 'After menopause: handled as postmenopausal bleeding.',
  'pregnant-bleeding-amount': (f, d) =>
    `Pregnant (week ${f.other}) with ${f.value} bleeding on ${d}.`,
  'pregnancy-week': (f, d) => `Pregnancy week ${f.value} on ${d}.`,
  'escalated-week-12': () =>
    'Raised to urgent: any bleeding from week 12 of pregnancy means phoning your midwife or maternity unit the same day.',
  'pregnancy-week-unknown': () =>
    'The pregnancy week is not known, so it is treated as week 20 or later (the cautious reading). Give --pregnancy with week=W@DATE or due=DATE.',
  'pregnant-from': (_f, d) => `Pregnant from ${d}.`,
  'menopause-inferred': (f, d) =>
    `Menopause was inferred from your log, not given: no bleeding from ${f.value} to ${f.other} (12 months) at 45 or over, so you count as postmenopausal from ${d}. If that is wrong, run again with --menopause pre or --menopause peri.`,
  'menopause-not-inferred-no-age': (f) =>
    `No bleeding from ${f.value} to ${f.other} (12 months or more), but your age is not given, so menopause was not inferred: at 45 or over that would count as menopause, and any later bleeding as bleeding after menopause. Pass --age N and --menopause pre, peri or post.`,
  postmenopausal: () => 'Recorded as postmenopausal.',
  'escalated-heavy-day': () => 'Raised to urgent: a day was heavy.',
  'age-55-fast-track': (f) =>
    `Age ${f.value}: in the UK, bleeding after menopause at 55 or over is referred on the urgent (2-week) pathway.`,
  fever: (f, d) => `Fever on ${d}${f.value !== undefined ? ` (${f.value} °C)` : ''}.`,
  'pain-level': (f, d) => `${capitalize(String(f.value))} on ${d}.`,
  'pid-signs-without-fever': () =>
    'Pelvic pain or pain during sex together with unusual discharge or odour within a few days: possible pelvic infection, urgent even without a fever.',
  'pelvic-pain': (f, d) => `Pelvic pain ${f.value} on ${d}.`,
  'cramps-outside-period': (f, d) => `Cramps ${f.value} on ${d}, outside a period.`,
  'unusual-discharge': (_f, d) => `Unusual discharge on ${d}.`,
  odor: (_f, d) => `Unusual odour on ${d}.`,
  'painful-urination': (_f, d) => `Painful urination on ${d}.`,
  'pain-during-sex': (_f, d) => `Pain during sex on ${d}.`,
  'non-period-bleeding': (_f, d) => `Bleeding outside a period on ${d}.`,
  'iud-inserted-recently': (f, d) => `IUD inserted on ${d}, ${days(f.value)} before ${f.other}.`,
  'pain-after-sex': (_f, d) => `Pain after sex on ${d}.`,
  'pcb-event': (_f, d) => `Bleeding after sex on ${d}.`,
  'ask-about-referral': (f) =>
    `Age ${f.value} and the bleeding after sex has gone on for ${days(f.other)}: ask whether a referral or colposcopy is needed.`,
  npe: (f, d) => `Bleeding between periods from ${d} (${days(f.value)}, cycle day ${f.other}).`,
  'copper-recurrent-spotting': () =>
    'Spotting between periods keeps happening after the first 3 months with a copper IUD.',
  'ovulation-window': (f, d) => `The ovulation window was ${d} to ${f.value}.`,
  'red-flag': (_f, d) =>
    `A warning sign (pain, fever, unusual discharge, odour or painful urination) around ${d}.`,
  'escalated-after-year-without-bleeding': (_f, d) =>
    `Raised to soon: it came after 12 months without any bleeding (from ${d} on) and your age is not given, so it may be bleeding after menopause.`,
  'escalated-age-45': (f) => `Raised to soon: age ${f.value} (45 or over).`,
  'escalated-medium-or-heavy': () => 'Raised to soon: medium or heavy bleeding.',
  'too-early-to-tell': (_f, d) =>
    `Too early to tell: implantation bleeding can only be told apart once the period is 7 days late (${d}).`,
  period: (f, d) => `Period from ${d}: ${days(f.value)}, ${days(f.other)} heavy.`,
  'long-period': () => 'The period lasted more than 8 days.',
  'heavy-period': () => 'The period had 3 or more heavy days.',
  'absorbed-copper-window': () =>
    `In the first ${COPPER_IUD_SETTLING_DAYS} days of a copper IUD: reported as copper IUD bleeding changes.`,
  'absorbed-hormonal-window': () =>
    'In the settling-in time of a hormonal method: reported as settling-in bleeding.',
  'escalated-two-10-day-periods': (f) =>
    `Raised to soon: ${f.value} periods lasted 10 days or more.`,
  'escalated-heavy-repeated': (f) => `Raised to soon: ${f.value} of the last 3 periods were heavy.`,
  'reported-as-heavy-and-long': () =>
    'The period was also heavy: reported once, as a heavy period that was also long (soon).',
  'escalated-heavy-and-long': (f) =>
    `Raised to soon: the heavy period also lasted ${days(f.value)}.`,
  'premenstrual-spotting-days': (f, d) =>
    `${days(f.value)} of spotting before the period that started ${d}.`,
  'single-spotting-day-is-onset': () => 'One spotting day before a period is a normal start.',
  'severe-cramps-in-period': (f, d) => `Severe cramps on ${d} (period from ${f.other}).`,
  'escalated-with-heavy-period': () => 'Raised to soon: the periods are also heavy.',
  'escalated-with-painful-sex': () => 'Raised to soon: there is also recurring pain during sex.',
  'escalated-non-cyclic-pain': (f) =>
    `Raised to soon: pelvic pain on ${days(f.value)} outside periods in the last 30 days.`,
  soaking: (_f, d) => `Soaking a pad or tampon every hour on ${d}.`,
  'dizzy-while-bleeding': (_f, d) => `Dizzy or faint while bleeding on ${d}.`,
  'blood-source': (f, d) =>
    `${capitalize(String(f.other))} bleeding from the ${f.value === 'urinary' ? 'urine' : 'back passage'} on ${d}.`,
  'escalated-urinary-fever': (_f, d) => `Raised to urgent: fever on ${d} with blood in the urine.`,
  'pain-days-in-30': (f, d) => `Pelvic pain on ${days(f.value)} between ${d} and ${f.other}.`,
  'age-50-concern': (f) =>
    `Age ${f.value}: frequent pelvic symptoms at 50 or over need a prompt check.`,
  'red-flag-severe': () => 'The pain was severe.',
  'red-flag-three-days': (_f, d) => `The pain lasted 3 days or more from ${d}.`,
  'red-flag-repeated': (f) => `Pain after ${f.value} of the last ${f.other} sex days.`,
  'red-flag-bleeding-after-sex': (_f, d) => `Bleeding also started after sex on ${d}.`,
  'has-red-flags': () => 'There are warning signs: reported as pain after sex with warning signs.',
  'escalated-bleeding-after-sex': (_f, d) => `Raised to soon: bleeding after sex on ${d}.`,
  'escalated-infection-sign': (_f, d) => `Raised to soon: a possible infection sign on ${d}.`,
  'iud-in-place-painful-sex': (f, d) => `An IUD (${methodWord(f.value)}) was in place on ${d}.`,
  'single-painful-sex-day': () =>
    `Only one day of pain during sex in ${PAINFUL_SEX_WINDOW_DAYS} days (flagged from the second, or at once with an IUD).`,
  'bleeding-day': (f, d) => `Bleeding on ${d}: ${f.value}.`,
  cycle: (f, d) => `Cycle from ${d}: ${days(f.value)}.`,
  'apple-spread': (f) =>
    `Your cycle lengths in the last 6 months differ by ${days(f.value)} (17 or more counts as irregular).`,
  'figo-spread': (f) =>
    `Your cycle lengths in the last year differ by ${days(f.value)} (more than ${f.other} counts as irregular at your age).`,
  'apple-few-periods': (f) =>
    `Only ${f.value} period start${f.value === 1 ? '' : 's'} in the last 6 months of logging.`,
  'figo-long-cycles': (f) => `${f.value} of the last 3 cycles were longer than 38 days.`,
  'short-cycles': (f) => `${f.value} of the last 3 cycles were shorter than 24 days.`,
  'last-period-start': (f, d) =>
    `The last period started on ${d}, ${days(f.value)} before the evaluation date.`,
  'age-unknown-adult-limits': () => 'Age not given: adult limits were used.',
  'perimenopause-lowered': () => 'Lowered because perimenopause is recorded.',
  'age-outside-18-45': (f) =>
    `Not checked at age ${f.value}: cycle-length limits apply to ages 18–45.`,
  'age-under-18': (f) => `Not checked at age ${f.value}: adolescent cycles vary more.`,
  'no-period-logged': () => 'No period found in the log.',
  'no-period-since-log-start': (f, d) =>
    `No period in the whole log: ${days(f.value)} logged from ${d} to the evaluation date.`,
  'no-prediction': () =>
    'No prediction: fewer than 2 usable cycles, or a hormonal method is in use.',
  'no-days-logged': () => 'The log has no days.',
  'too-few-usable-cycles': (f) =>
    `Fewer than ${f.other} complete usable cycles (found ${f.value}).`,
  'tracking-gap-since-last-period': () =>
    'Not checked: there are days you did not track since the last period.',
  'hormonal-method-since-last-period': () =>
    'Not checked: a hormonal method has been in use since the last period.',
  'pregnancy-since-last-period': () => 'Not checked: pregnant since the last period.',
  'part-of-recurrence': () =>
    'Part of a repeated pattern: reported as recurring spotting between periods.',
};

/** One sentence for one fact. */
export function formatFact(f: Fact): string {
  return FACT_SENTENCES[f.code](f, f.date ?? '');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The "why" lines of a flag: bleeding days and cycles folded into one line each. */
export function formatWhy(facts: Fact[]): string[] {
  const lines: string[] = [];
  const bleeding = facts.filter((f) => f.code === 'bleeding-day');
  const cycles = facts.filter((f) => f.code === 'cycle');
  const painSex = facts.filter((f) => f.code === 'pain-during-sex');
  let bleedingDone = false;
  let cyclesDone = false;
  let painSexDone = false;
  for (const f of facts) {
    if (f.code === 'bleeding-day') {
      if (!bleedingDone)
        lines.push(`Bleeding: ${bleeding.map((b) => `${b.date} ${b.value}`).join(', ')}.`);
      bleedingDone = true;
    } else if (f.code === 'cycle') {
      if (!cyclesDone)
        lines.push(
          `Cycle lengths: ${cycles.map((c) => `${c.value} days (from ${c.date})`).join(', ')}.`,
        );
      cyclesDone = true;
    } else if (f.code === 'pain-during-sex') {
      if (!painSexDone) lines.push(`Pain during sex on ${painSex.map((p) => p.date).join(', ')}.`);
      painSexDone = true;
    } else {
      lines.push(formatFact(f));
    }
  }
  return lines;
}
