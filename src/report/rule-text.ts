/**
 * The words for each rule: a short title, the trigger in one line (for `cyclecheck rules`), and
 * the plain sentence a flag's summary starts from. Wording is ours; facts come from the sources.
 */
import type { RuleId } from '../core/rules/ids.ts';
import {
  ABSENT_PERIOD_DAYS,
  COPPER_IUD_SETTLING_DAYS,
  LOOK_BACK_DAYS,
  PAINFUL_SEX_WINDOW_DAYS,
} from '../core/windows.ts';

export interface RuleText {
  title: string;
  trigger: string;
  summary: string;
}

export const RULE_TEXT: Record<RuleId, RuleText> = {
  'pregnancy-bleeding-heavy': {
    title: 'Heavy bleeding in pregnancy',
    trigger: 'Pregnant, and a bleeding day is medium or heavy.',
    summary:
      'Medium or heavy bleeding while pregnant needs a clinician today; with faintness or severe pain, call emergency services.',
  },
  'pregnancy-bleeding-with-pain': {
    title: 'Bleeding with pain or fever in pregnancy',
    trigger:
      'Pregnant, bleeding, and moderate or worse cramps or pelvic pain, or fever, within a day of it.',
    summary:
      'Bleeding with pain or fever in pregnancy needs a clinician today (it can be a sign of an ectopic pregnancy or miscarriage).',
  },
  'pregnancy-bleeding-second-half': {
    title: 'Bleeding in the second half of pregnancy',
    trigger:
      'Pregnant from week 20+0 (or the week is unknown) and any bleeding, spotting included.',
    summary:
      'Any bleeding from week 20 of pregnancy, even spotting, needs a call to your maternity team or clinician today.',
  },
  'pregnancy-bleeding-early-light': {
    title: 'Light bleeding in pregnancy before week 20',
    trigger:
      'Pregnant before week 20 with only spotting or light bleeding, no heavy bleeding, pain or fever: soon before week 12+0; urgent from week 12+0 (any bleeding, spotting and bleeding after sex included; NHS maternity advice: "from 12 weeks … phone straight away, don\'t wait for your next appointment").',
    summary:
      'Light bleeding in pregnancy should be reported: before 12 weeks tell your midwife or clinician in the next few days; from 12 weeks phone your midwife or maternity unit the same day.',
  },
  'pregnancy-with-iud': {
    title: 'Pregnancy with an IUD in place',
    trigger: 'Pregnant while a copper or hormonal IUD is recorded without a removal date.',
    summary:
      'A pregnancy with an IUD in place needs a clinician right away (a higher share of these pregnancies are ectopic). If the IUD was removed, add its removal date.',
  },
  'postmenopausal-bleeding': {
    title: 'Bleeding after menopause',
    trigger:
      'After menopause, any bleeding of any amount or colour (pink and brown count, one spot included): soon; urgent when a day is heavy; at 55 or over the checklist notes the urgent (2-week) referral pathway (NICE NG12). Menopause is the recorded status (--menopause post) or, when none is given, read from the log: at 45 or over, not pregnant and on no hormonal method, 12 months or more without any bleeding while the log covers them (no untracked days) — postmenopausal from the end of those 12 months (NICE NG23). The report says when menopause was inferred and from which dates; --menopause pre or peri overrides it. Without an age nothing is inferred and the report asks for age and menopause status.',
    summary:
      'Any bleeding after menopause should be checked by a clinician, even if it happened once, was small, or was pink or brown.',
  },
  'postcoital-bleeding': {
    title: 'Bleeding after sex',
    trigger:
      'Bleeding that starts on the day of sex or the day after and is not an on-time period, first-time bleeding or settling-in spotting.',
    summary:
      'Bleeding that started during or after sex is worth a check by a clinician or sexual-health clinic.',
  },
  'recurrent-postcoital-bleeding': {
    title: 'Bleeding after sex, more than once',
    trigger: `Two or more bleeding-after-sex events in the last ${LOOK_BACK_DAYS} days.`,
    summary:
      'Bleeding after sex has happened more than once; book an appointment rather than waiting for a routine check-up.',
  },
  'first-sex-bleeding': {
    title: 'Bleeding after first-ever sex',
    trigger:
      'Light to medium bleeding within two days of first-ever penetrative sex that stops by the third day, with no severe pain or fever.',
    summary:
      'Some bleeding after first-ever penetrative sex is expected. Bleeding after sex next time will be flagged.',
  },
  'period-onset-after-sex': {
    title: 'Period started the day of or after sex',
    trigger:
      'A period that starts on the day of sex or the next day, no more than 2 days earlier than predicted (or labelled as a period when there is no prediction). Never a flag: it is an explanation, listed among the events not flagged (and in --explain) as the reason the bleeding is not counted as bleeding after sex.',
    summary:
      'This looks like your period arriving on time (sex can bring it on a day or two early), so it is not counted as bleeding after sex.',
  },
  'postcoital-cramping': {
    title: 'Cramps after sex',
    trigger:
      'Mild or moderate cramps or pelvic pain on the day of sex or the next day, without warning signs. Cramps on days of a period (from 2 days before it starts) are period pain and do not count, unless the bleed itself counts as bleeding after sex.',
    summary:
      'Cramps after sex are common and usually pass; a change of position, waiting, heat or a painkiller often helps.',
  },
  'postcoital-cramping-red-flags': {
    title: 'Pain after sex with warning signs',
    trigger:
      'Pain after sex that is severe, lasts 3 days or more, keeps coming back, or comes with fever, unusual discharge, odour, painful urination or bleeding. Cramps on period days (from 2 days before the start) do not count toward any of these. Severe pain is also reported as severe pelvic pain (urgent).',
    summary:
      'Pain after sex that is severe, lasting, repeated or comes with other symptoms should be checked in the next few days.',
  },
  'copper-iud-postcoital-bleeding': {
    title: 'Bleeding after sex with a copper IUD',
    trigger:
      'A copper IUD (or an IUD of unknown type) is in place and bleeding starts on the day of sex or the next day.',
    summary:
      'With a copper IUD, bleeding after sex means calling your clinician today so the position of the device can be checked.',
  },
  'hormonal-breakthrough-bleeding': {
    title: 'Settling-in bleeding on a hormonal method',
    trigger:
      'Spotting or light bleeding (or a period longer than 8 days that is not heavy) in the first 3 months of a hormonal method (6 months for a hormonal IUD). A heavy period is never settling-in bleeding: it is judged as heavy-period.',
    summary:
      'Irregular bleeding is common while a hormonal method settles in. Keep logging, and mention it if it continues after the settling-in months.',
  },
  'copper-iud-bleeding-changes': {
    title: 'Bleeding changes with a copper IUD',
    trigger: `Spotting, long or heavy periods in the first ${COPPER_IUD_SETTLING_DAYS} days after a copper IUD (info), or repeated spotting, long or heavy periods later (soon).`,
    summary:
      'Heavier, longer periods and spotting are common in the first months with a copper IUD; if they continue past that, book an appointment.',
  },
  'ovulation-spotting': {
    title: 'Mid-cycle (ovulation) spotting',
    trigger:
      'One or two days of spotting or light bleeding inside the ovulation window, with no warning signs, under 45. At 45 or over it is bleeding between periods (soon).',
    summary:
      'A day or two of spotting around ovulation is common. It will be flagged if it repeats.',
  },
  'isolated-spotting': {
    title: 'One day of spotting',
    trigger:
      'A single day of spotting between periods, outside the ovulation window, with no warning signs, under 45. At 45 or over a single spot is bleeding between periods (soon), never "usually not a concern".',
    summary:
      'One random day of spotting is usually not a concern. It will be flagged if it repeats.',
  },
  'intermenstrual-bleeding': {
    title: 'Bleeding between periods',
    trigger:
      "Bleeding between periods that is not one of the common patterns (two or more days, light or heavier, or with warning signs): next visit; soon when medium or heavy, and soon at 45 or over for any bleeding between periods, a single spot included (Morgan & Datta; NHS). What a period is: the person's own label first (period = yes/no, an app's menstruation vs spotting records); an unlabelled bleed that starts 7 or more days before the predicted period, with the next period then on schedule (within 3 days of that prediction), is bleeding between periods, not a short cycle.",
    summary: 'Bleeding between periods is worth mentioning to a clinician.',
  },
  'recurrent-intermenstrual-spotting': {
    title: 'Spotting between periods, more than once',
    trigger: `Bleeding between periods in two or more cycles (or 21+ days apart) in the last ${LOOK_BACK_DAYS} days.`,
    summary:
      'Spotting or bleeding between periods has happened more than once; book an appointment in the next few days.',
  },
  'premenstrual-spotting': {
    title: 'Spotting for days before periods',
    trigger: 'Two or more days of spotting just before the period, in 2 of the last 3 periods.',
    summary:
      'Several days of spotting before your periods is a pattern worth mentioning at your next visit.',
  },
  'possible-implantation-bleeding': {
    title: 'Light bleeding before a late period',
    trigger:
      'Light spotting 2–8 days before a predicted period that then did not come (7+ days late).',
    summary:
      'Light bleeding followed by a late period can be implantation bleeding: take a pregnancy test and log the result.',
  },
  'missed-period-bleeding-with-pain': {
    title: 'Bleeding with pain after a missed period',
    trigger:
      'The period is 7+ days late, and there is unusual bleeding (from 8 days before the due date) with moderate or worse pain within a day of it. The period counts as missed only when no hormonal method was in use from the last period to its due date; a method started after the due date does not lower the tier (hormonal contraception does not rule out an ectopic pregnancy).',
    summary:
      'A missed period with unusual bleeding and tummy or pelvic pain needs a clinician today (possible ectopic pregnancy); take a pregnancy test.',
  },
  'prolonged-period': {
    title: 'Long period',
    trigger: `A period lasting more than 8 days in the last ${LOOK_BACK_DAYS} days: next visit; soon when two lasted 10 days or more. A long period that is also heavy is reported once, as heavy-period (soon).`,
    summary: 'A period longer than 8 days is worth mentioning to a clinician.',
  },
  'heavy-period': {
    title: 'Heavy period',
    trigger: `A period with 3 or more days logged as heavy in the last ${LOOK_BACK_DAYS} days.`,
    summary: 'Heavy periods deserve attention, especially when they affect daily life.',
  },
  'acute-heavy-bleeding': {
    title: 'Very heavy bleeding or faintness',
    trigger:
      'Soaking a pad or tampon every hour for 2+ hours, or feeling dizzy or faint while bleeding.',
    summary:
      'Soaking through protection every hour, or feeling faint while bleeding, needs a clinician now; call emergency services if you feel faint.',
  },
  'painful-periods-red-flags': {
    title: 'Severe period pain',
    trigger: 'Severe cramps in 2 of the last 3 periods.',
    summary:
      'Severe period pain that keeps coming back is worth discussing; treatments exist and some causes can be found.',
  },
  'irregular-cycles': {
    title: 'Irregular cycles',
    trigger:
      'Cycle lengths vary by more than FIGO allows for your age over a year, or by 17+ days within 6 months.',
    summary: 'Your cycle lengths vary more than usual.',
  },
  'infrequent-periods': {
    title: 'Infrequent periods',
    trigger:
      'Cycles longer than 38 days in 2 of the last 3, or only 1–2 periods in 6 months of logging.',
    summary: 'Your periods come less often than usual.',
  },
  'frequent-periods': {
    title: 'Frequent periods',
    trigger:
      'Cycles shorter than 24 days in 2 of the last 3, from age 18 — also over 45, where frequent bleeding is not waved through as perimenopause (irregular and infrequent cycles are not judged over 45; --explain says so).',
    summary: 'Your periods come more often than usual.',
  },
  'absent-periods': {
    title: `No period for ${ABSENT_PERIOD_DAYS} days or more`,
    trigger: `No period for ${ABSENT_PERIOD_DAYS} days or more while not pregnant, not postmenopausal and not on a hormonal method.`,
    summary: 'No period for three months or more should be checked; take a pregnancy test first.',
  },
  'late-period': {
    title: 'Late period',
    trigger: 'The next period is 7 or more days later than predicted.',
    summary: 'Your period is late; consider taking a pregnancy test.',
  },
  'painful-sex-recurrent': {
    title: 'Pain during sex',
    trigger: `Pain during sex on 2+ days in the last ${PAINFUL_SEX_WINDOW_DAYS} days, or on any day with an IUD in place.`,
    summary: 'Pain during sex that keeps happening is worth discussing with a clinician.',
  },
  'pelvic-infection-red-flags': {
    title: 'Signs of pelvic infection',
    trigger:
      'Urgent, with or without a fever: pelvic pain or cramps of moderate or worse outside a period, or pain during sex, together with unusual discharge or odour within 3 days of each other (NHS PID: "ask for an urgent GP appointment"); fever with pelvic pain, unusual discharge, odour, painful urination or unusual bleeding; or fever or severe pain within 21 days of an IUD insertion.',
    summary:
      'Pelvic pain with unusual discharge or odour, or fever with pelvic symptoms, can be a pelvic infection and needs a clinician today.',
  },
  'infection-symptoms': {
    title: 'Possible infection signs',
    trigger:
      'Unusual discharge, odour or painful urination on 2+ days within 7 days, or with bleeding or pelvic pain.',
    summary:
      'Unusual discharge, odour or burning when you pee can be signs of an infection; book a check in the next few days.',
  },
  'severe-pelvic-pain': {
    title: 'Severe pelvic pain',
    trigger:
      'Severe pelvic pain or severe cramps on a day outside a period (from 2 days before its start to its end) — whether or not there was sex that day or the day before; a sex day never lowers the tier.',
    summary: 'Severe pelvic pain outside your period needs a clinician today.',
  },
  'persistent-pelvic-pain': {
    title: 'Frequent pelvic pain',
    trigger: 'Pelvic pain on 13 or more days within 30 days.',
    summary: 'Pelvic pain on most days of a month should be checked in the next few days.',
  },
  'non-vaginal-bleeding-source': {
    title: 'Blood from the urine or back passage',
    trigger: 'Blood logged as coming from the urine or the back passage.',
    summary:
      'Blood in the urine or from the back passage is not a period problem, but it needs a check.',
  },
};
