/**
 * Sentences for the analyzer's coded facts. Repeated per-day facts of one kind (bleeding days,
 * cycles, pain days) are folded into one line so a long episode reads as one reason.
 */
import type { Fact } from '../core/facts.ts';
import type { Method } from '../core/log.ts';
import { COPPER_IUD_SETTLING_DAYS, PAINFUL_SEX_WINDOW_DAYS } from '../core/windows.ts';
import { METHOD_WORDS } from './method-words.ts';

export function methodWord(method: string | number | undefined): string {
  return METHOD_WORDS[String(method) as Method] ?? String(method);
}

function days(n: string | number | undefined): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** One sentence for one fact. */
export function formatFact(f: Fact): string {
  const d = f.date ?? '';
  switch (f.code) {
    case 'sex':
      return `Sex on ${d}.`;
    case 'sex-linked':
      return `The bleeding started on the day of sex or the day after (sex on ${d}).`;
    case 'first-sex':
      return 'Marked as first-ever penetrative sex; the bleeding stayed light to medium and stopped within 3 days.';
    case 'predicted-start':
      return `The predicted period start was ${d}.`;
    case 'no-prediction-unlabelled':
      return 'There is no prediction yet and the bleeding was not labelled as a period.';
    case 'period-on-time':
      return `The period came no more than 2 days before the predicted start (${d}).`;
    case 'labelled-period-no-prediction':
      return 'You labelled it as your period and there is no prediction to contradict it.';
    case 'period-too-early':
      return `The period came ${days(f.value)} before the predicted start (${d}); more than 2 days early is not explained by sex.`;
    case 'bleeding-began-before-sex':
      return `The bleeding began on ${d}, before the sex day (sex during a period or an ongoing bleed).`;
    case 'iud-in-place':
      return `${capitalize(methodWord(f.value))} in place${f.date ? ` since ${f.date}` : ''}.`;
    case 'iud-type-unknown':
      return 'The IUD type is not recorded, so it is treated as a copper IUD (the more cautious reading). Pass --contraception copper-iud@DATE or hormonal-iud@DATE.';
    case 'method-since':
      return `${capitalize(methodWord(f.value))} started ${d} (day ${f.other} of its settling-in time).`;
    case 'stopped-next-day':
      return 'It was one day of spotting or light bleeding and the next day was logged without bleeding.';
    case 'hormonal-iud-settling-single-day':
      return 'One day of spotting after sex in the first 6 months of a hormonal IUD, which stopped the next day.';
    case 'downgraded-hormonal-single-day':
      return `Lowered to next-visit: a hormonal method (${methodWord(f.value)}) is in use and it was a single day that stopped.`;
    case 'first-sex-not-first':
      return `First-time exemption not applied: sex was already logged on ${d}.`;
    case 'first-sex-bleeding-not-in-window':
      return 'First-time exemption not applied: no bleeding within 2 days of the sex.';
    case 'first-sex-heavy':
      return `First-time exemption not applied: heavy bleeding on ${d}.`;
    case 'first-sex-bleeding-continues':
      return `First-time exemption not applied: still bleeding on ${d}, the third day after.`;
    case 'first-sex-severe-pain':
      return `First-time exemption not applied: severe pain on ${d}.`;
    case 'first-sex-fever':
      return `First-time exemption not applied: fever on ${d}.`;
    case 'pregnant-handled-by-pregnancy-rules':
      return 'Pregnant on that day: handled by the pregnancy rules.';
    case 'postmenopausal-handled-by-pmb':
      return 'After menopause: handled as postmenopausal bleeding.';
    case 'pregnant-bleeding-amount':
      return `Pregnant (week ${f.other}) with ${f.value} bleeding on ${d}.`;
    case 'pregnancy-week':
      return `Pregnancy week ${f.value} on ${d}.`;
    case 'escalated-week-12':
      return 'Raised to urgent: any bleeding from week 12 of pregnancy means phoning your midwife or maternity unit the same day.';
    case 'pregnancy-week-unknown':
      return 'The pregnancy week is not known, so it is treated as week 20 or later (the cautious reading). Give --pregnancy with week=W@DATE or due=DATE.';
    case 'pregnant-from':
      return `Pregnant from ${d}.`;
    case 'menopause-inferred':
      return `Menopause was inferred from your log, not given: no bleeding from ${f.value} to ${f.other} (12 months) at 45 or over, so you count as postmenopausal from ${d}. If that is wrong, run again with --menopause pre or --menopause peri.`;
    case 'menopause-not-inferred-no-age':
      return `No bleeding from ${f.value} to ${f.other} (12 months or more), but your age is not given, so menopause was not inferred: at 45 or over that would count as menopause, and any later bleeding as bleeding after menopause. Pass --age N and --menopause pre, peri or post.`;
    case 'postmenopausal':
      return 'Recorded as postmenopausal.';
    case 'escalated-heavy-day':
      return 'Raised to urgent: a day was heavy.';
    case 'age-55-fast-track':
      return `Age ${f.value}: in the UK, bleeding after menopause at 55 or over is referred on the urgent (2-week) pathway.`;
    case 'fever':
      return `Fever on ${d}${f.value !== undefined ? ` (${f.value} °C)` : ''}.`;
    case 'pain-level':
      return `${capitalize(String(f.value))} on ${d}.`;
    case 'pid-signs-without-fever':
      return 'Pelvic pain or pain during sex together with unusual discharge or odour within a few days: possible pelvic infection, urgent even without a fever.';
    case 'pelvic-pain':
      return `Pelvic pain ${f.value} on ${d}.`;
    case 'cramps-outside-period':
      return `Cramps ${f.value} on ${d}, outside a period.`;
    case 'unusual-discharge':
      return `Unusual discharge on ${d}.`;
    case 'odor':
      return `Unusual odour on ${d}.`;
    case 'painful-urination':
      return `Painful urination on ${d}.`;
    case 'pain-during-sex':
      return `Pain during sex on ${d}.`;
    case 'non-period-bleeding':
      return `Bleeding outside a period on ${d}.`;
    case 'iud-inserted-recently':
      return `IUD inserted on ${d}, ${days(f.value)} before ${f.other}.`;
    case 'pain-after-sex':
      return `Pain after sex on ${d}.`;
    case 'pcb-event':
      return `Bleeding after sex on ${d}.`;
    case 'ask-about-referral':
      return `Age ${f.value} and the bleeding after sex has gone on for ${days(f.other)}: ask whether a referral or colposcopy is needed.`;
    case 'npe':
      return `Bleeding between periods from ${d} (${days(f.value)}, cycle day ${f.other}).`;
    case 'copper-recurrent-spotting':
      return 'Spotting between periods keeps happening after the first 3 months with a copper IUD.';
    case 'ovulation-window':
      return `The ovulation window was ${d} to ${f.value}.`;
    case 'red-flag':
      return `A warning sign (pain, fever, unusual discharge, odour or painful urination) around ${d}.`;
    case 'escalated-after-year-without-bleeding':
      return `Raised to soon: it came after 12 months without any bleeding (from ${d} on) and your age is not given, so it may be bleeding after menopause.`;
    case 'escalated-age-45':
      return `Raised to soon: age ${f.value} (45 or over).`;
    case 'escalated-medium-or-heavy':
      return 'Raised to soon: medium or heavy bleeding.';
    case 'too-early-to-tell':
      return `Too early to tell: implantation bleeding can only be told apart once the period is 7 days late (${d}).`;
    case 'period':
      return `Period from ${d}: ${days(f.value)}, ${days(f.other)} heavy.`;
    case 'long-period':
      return 'The period lasted more than 8 days.';
    case 'heavy-period':
      return 'The period had 3 or more heavy days.';
    case 'absorbed-copper-window':
      return `In the first ${COPPER_IUD_SETTLING_DAYS} days of a copper IUD: reported as copper IUD bleeding changes.`;
    case 'absorbed-hormonal-window':
      return 'In the settling-in time of a hormonal method: reported as settling-in bleeding.';
    case 'escalated-two-10-day-periods':
      return `Raised to soon: ${f.value} periods lasted 10 days or more.`;
    case 'escalated-heavy-repeated':
      return `Raised to soon: ${f.value} of the last 3 periods were heavy.`;
    case 'reported-as-heavy-and-long':
      return 'The period was also heavy: reported once, as a heavy period that was also long (soon).';
    case 'escalated-heavy-and-long':
      return `Raised to soon: the heavy period also lasted ${days(f.value)}.`;
    case 'premenstrual-spotting-days':
      return `${days(f.value)} of spotting before the period that started ${d}.`;
    case 'single-spotting-day-is-onset':
      return 'One spotting day before a period is a normal start.';
    case 'severe-cramps-in-period':
      return `Severe cramps on ${d} (period from ${f.other}).`;
    case 'escalated-with-heavy-period':
      return 'Raised to soon: the periods are also heavy.';
    case 'escalated-with-painful-sex':
      return 'Raised to soon: there is also recurring pain during sex.';
    case 'escalated-non-cyclic-pain':
      return `Raised to soon: pelvic pain on ${days(f.value)} outside periods in the last 30 days.`;
    case 'soaking':
      return `Soaking a pad or tampon every hour on ${d}.`;
    case 'dizzy-while-bleeding':
      return `Dizzy or faint while bleeding on ${d}.`;
    case 'blood-source':
      return `${capitalize(String(f.other))} bleeding from the ${f.value === 'urinary' ? 'urine' : 'back passage'} on ${d}.`;
    case 'escalated-urinary-fever':
      return `Raised to urgent: fever on ${d} with blood in the urine.`;
    case 'pain-days-in-30':
      return `Pelvic pain on ${days(f.value)} between ${d} and ${f.other}.`;
    case 'age-50-concern':
      return `Age ${f.value}: frequent pelvic symptoms at 50 or over need a prompt check.`;
    case 'red-flag-severe':
      return 'The pain was severe.';
    case 'red-flag-three-days':
      return `The pain lasted 3 days or more from ${d}.`;
    case 'red-flag-repeated':
      return `Pain after ${f.value} of the last ${f.other} sex days.`;
    case 'red-flag-bleeding-after-sex':
      return `Bleeding also started after sex on ${d}.`;
    case 'has-red-flags':
      return 'There are warning signs: reported as pain after sex with warning signs.';
    case 'escalated-bleeding-after-sex':
      return `Raised to soon: bleeding after sex on ${d}.`;
    case 'escalated-infection-sign':
      return `Raised to soon: a possible infection sign on ${d}.`;
    case 'iud-in-place-painful-sex':
      return `An IUD (${methodWord(f.value)}) was in place on ${d}.`;
    case 'single-painful-sex-day':
      return `Only one day of pain during sex in ${PAINFUL_SEX_WINDOW_DAYS} days (flagged from the second, or at once with an IUD).`;
    case 'bleeding-day':
      return `Bleeding on ${d}: ${f.value}.`;
    case 'cycle':
      return `Cycle from ${d}: ${days(f.value)}.`;
    case 'apple-spread':
      return `Your cycle lengths in the last 6 months differ by ${days(f.value)} (17 or more counts as irregular).`;
    case 'figo-spread':
      return `Your cycle lengths in the last year differ by ${days(f.value)} (more than ${f.other} counts as irregular at your age).`;
    case 'apple-few-periods':
      return `Only ${f.value} period start${f.value === 1 ? '' : 's'} in the last 6 months of logging.`;
    case 'figo-long-cycles':
      return `${f.value} of the last 3 cycles were longer than 38 days.`;
    case 'short-cycles':
      return `${f.value} of the last 3 cycles were shorter than 24 days.`;
    case 'last-period-start':
      return `The last period started on ${d}, ${days(f.value)} before the evaluation date.`;
    case 'age-unknown-adult-limits':
      return 'Age not given: adult limits were used.';
    case 'perimenopause-lowered':
      return 'Lowered because perimenopause is recorded.';
    case 'age-outside-18-45':
      return `Not checked at age ${f.value}: cycle-length limits apply to ages 18–45.`;
    case 'age-under-18':
      return `Not checked at age ${f.value}: adolescent cycles vary more.`;
    case 'no-period-logged':
      return 'No period found in the log.';
    case 'no-prediction':
      return 'No prediction: fewer than 2 usable cycles, or a hormonal method is in use.';
    case 'no-days-logged':
      return 'The log has no days.';
    case 'too-few-usable-cycles':
      return `Fewer than ${f.other} complete usable cycles (found ${f.value}).`;
    case 'tracking-gap-since-last-period':
      return 'Not checked: there are days you did not track since the last period.';
    case 'hormonal-method-since-last-period':
      return 'Not checked: a hormonal method has been in use since the last period.';
    case 'pregnancy-since-last-period':
      return 'Not checked: pregnant since the last period.';
    case 'part-of-recurrence':
      return 'Part of a repeated pattern: reported as recurring spotting between periods.';
    default: {
      // Every FactCode has a case above: a new code without a sentence fails to compile here.
      const unknown: never = f.code;
      return String(unknown);
    }
  }
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
