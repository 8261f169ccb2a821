/**
 * What keeps each rule quiet, hands its episode to another rule, or moves its tier: the
 * "exceptions" column of docs/rules.md (`cyclecheck rules --to markdown`). Terms in capitals of
 * docs/definitions.md (a PCB event, the single-day qualifier, P) are defined there. When a rule's
 * logic changes, this sentence changes with it; `npm run docs` then regenerates docs/rules.md.
 */
import type { RuleId } from '../core/rules/ids.ts';

export const RULE_EXCEPTIONS: Record<RuleId, string> = {
  'pregnancy-bleeding-heavy':
    'None: sex, contraception and the week of pregnancy do not soften it.',
  'pregnancy-bleeding-with-pain':
    'Mild cramps alone do not trigger it: cramping is common in early pregnancy.',
  'pregnancy-bleeding-second-half':
    'Not excused by sex. An unknown week of pregnancy counts as week 20 or later.',
  'pregnancy-bleeding-early-light':
    'Takes the episode from the postcoital, between-period, breakthrough and implantation rules. Urgent from week 12+0, spotting and bleeding after sex included.',
  'pregnancy-with-iud':
    'Nothing else is suppressed. A stale IUD entry is fixed by adding its removal date, which clears the flag.',
  'postmenopausal-bleeding':
    'Takes bleeding from the postcoital, between-period and cycle rules (bleeding after sex is reported here). HRT is no exception. Urgent if any day of the episode is heavy. Without a menopause status, menopause is inferred at 45 or over after 12 months without bleeding (no hormonal method, no pregnancy, no untracked day); --menopause pre or peri overrides it.',
  'postcoital-bleeding':
    'Not for bleeding that began before the sex day, nor for an episode taken by period-onset-after-sex, first-sex-bleeding or hormonal-breakthrough-bleeding (c). Next-visit when a hormonal method is in use and the single-day qualifier holds.',
  'recurrent-postcoital-bleeding':
    'Does not count events taken by first-sex-bleeding or period-onset-after-sex, nor events in pregnancy or after menopause.',
  'first-sex-bleeding':
    'If any condition fails the event is postcoital-bleeding (soon); with a copper IUD it is copper-iud-postcoital-bleeding. The very first time only.',
  'period-onset-after-sex':
    'Never raised: an on-time period that starts on the day of sex or the next is listed under not_flagged (postcoital-bleeding, period-on-time). A start 3 or more days before P, or no prediction and no period label: postcoital-bleeding fires.',
  'postcoital-cramping':
    'Becomes postcoital-cramping-red-flags when any of its conditions holds. Cramps on period days (from 2 days before the start) do not count, unless the bleed itself is bleeding after sex.',
  'postcoital-cramping-red-flags':
    'Fever also fires pelvic-infection-red-flags (urgent). Severe cramps on the sex day or the day after also fire severe-pelvic-pain (urgent). Pain on period days does not count.',
  'copper-iud-postcoital-bleeding':
    'Only period-onset-after-sex takes the episode; the first-sex and hormonal downgrades do not apply.',
  'hormonal-breakthrough-bleeding':
    'Not for between-period bleeding with a medium or heavy day, nor for bleeding after sex over 2 days, with red flags, or without a logged bleeding = none the next day. Heavy periods are never absorbed. After the settling window the general rules apply.',
  'copper-iud-bleeding-changes':
    'In the first 91 days after insertion (info), the general between-period and period rules are not reported for those episodes; after it (soon), they are reported alongside.',
  'ovulation-spotting':
    'Not on a hormonal method, not with a red flag the day before, of or after, and not when it recurs: then recurrent-intermenstrual-spotting fires instead.',
  'isolated-spotting':
    'Not inside the ovulation window, not with a red flag ±1 day, not when it recurs, not when possible-implantation-bleeding takes it.',
  'intermenstrual-bleeding':
    'Soon at age 45 or over, or when any day is medium or heavy. Not for episodes recurrent-intermenstrual-spotting takes. Not for a bleed of 1–2 days that began within 6 days of the predicted start and has not ended on the evaluation date, without fever, infection signs or severe pain from the day before, or a "not a period" label: the period may be starting (not_flagged, period-may-be-starting).',
  'recurrent-intermenstrual-spotting':
    'Leaves out episodes taken by a hormonal or copper settling window or by possible-implantation-bleeding, and episodes in pregnancy or after menopause. Replaces the single-episode rules for the episodes it counts.',
  'premenstrual-spotting':
    'One spotting day before a period is a normal onset and is ignored; periods that start on a hormonal method are not counted.',
  'possible-implantation-bleeding':
    'With moderate or worse pain, missed-period-bleeding-with-pain (urgent) applies instead.',
  'missed-period-bleeding-with-pain':
    'An episode can trigger it on its first day even if it later turns out to be a late period.',
  'prolonged-period':
    'Inside a hormonal or copper settling window the settling rules take it; not in pregnancy or after menopause. A long period that is also heavy is one heavy-period flag (soon), with this rule under not_flagged. Soon when at least 2 counted periods last 10 days or more.',
  'heavy-period':
    'Inside the copper settling window copper-iud-bleeding-changes takes it; hormonal windows never absorb it. Soon when 2 of the last 3 periods qualify, or a qualifying period also lasts more than 8 days.',
  'acute-heavy-bleeding':
    'None: it applies in pregnancy, after menopause and with any contraception. Dizziness counts only with genital blood.',
  'painful-periods-red-flags':
    'Soon when heavy-period or painful-sex-recurrent also fires, or with pelvic pain on 3 or more non-period days in the last 30.',
  'irregular-cycles':
    'Ages 18–45 only; not after menopause; only usable cycles count. Info when perimenopause is recorded.',
  'infrequent-periods':
    'Ages 18–45 only; not after menopause; only usable cycles count. Info when perimenopause is recorded.',
  'frequent-periods':
    'Ages 18–45 only; not after menopause; only usable cycles count. Info when perimenopause is recorded.',
  'absent-periods':
    'Not after menopause. Next-visit when perimenopause is recorded. With tracking gaps, a pregnancy or a hormonal method since the last start it is not evaluated, and the report says so. A log with no period start at all counts from its first day: 90 days or more logged without a period fires it (fewer, or at age 45 or over: not evaluated, no period logged).',
  'late-period':
    'Not with a not-tracked day, a pregnancy or a hormonal method since the last period start.',
  'painful-sex-recurrent':
    'A single day without an IUD is not flagged. Soon when any of those days has a PCB event, or unusual discharge, odour or painful urination within 2 days.',
  'pelvic-infection-red-flags':
    'None: it runs in every state. Fever is not needed: pelvic pain or cramps moderate or worse outside a period, or pain during sex, with unusual discharge or odour within 3 days of each other is enough.',
  'infection-symptoms':
    'Normal mucus (creamy, egg-white…) does not count. With fever, pelvic-infection-red-flags also fires.',
  'severe-pelvic-pain':
    'Severe cramps during a period go to painful-periods-red-flags. A sex day does not lower it: severe cramps on the sex day or the day after are urgent here too.',
  'persistent-pelvic-pain': 'None.',
  'non-vaginal-bleeding-source':
    'These days are left out of every genital-bleeding rule; a source of unsure counts as vaginal. Urgent when the source is urinary with fever the day before, of or after.',
};
