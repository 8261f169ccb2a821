/**
 * The doctor-visit checklist (docs/rules.md): the K-codes of every flag, merged, ordered by
 * the most urgent flag that needs each one, with the person's own data filled in.
 */
import type { Analysis, Finding } from '../core/analysis.ts';
import { toDay } from '../core/dates.ts';
import type { CycleLog } from '../core/log.ts';
import type { ChecklistCode } from '../core/rules/checklist-codes.ts';
import type { RuleId } from '../core/rules/ids.ts';
import { tierRank } from '../core/tiers.ts';
import { sanitizeInline } from '../text/sanitize.ts';
import { formatContraception } from './method-words.ts';
import type { ReportChecklistItem } from './types.ts';

export const CHECKLIST_TEXT: Record<ChecklistCode, string> = {
  K1: 'Bleeding record: dates, cycle day, amount per day (spotting/light/medium/heavy; pads, tampons or cup fills per day), colour, clots or tissue, length of each episode.',
  K2: 'Where the blood seemed to come from: vagina, urine, back passage, or not sure (checking with a clean tissue or hand mirror can help).',
  K3: 'Link with sex: during or after, how long after, first time or new partner, dryness or lubricant, vigorous sex, condom use.',
  K4: 'Pain: where (central, one side, shoulder tip), what kind, severity 0–10, when it starts and stops, link to period or sex, painkillers tried and whether they helped.',
  K5: 'Other symptoms: unusual discharge or odour, itching or sores, burning or frequent urination, fever or chills (measured temperature), dizziness or fainting, pain during sex, bowel changes.',
  K6: 'Contraception: method and brand, start or insertion date, missed or late pills or injections, IUD threads (felt? length changed? missing?), recent switches.',
  K7: 'Pregnancy: could you be pregnant; home test result and date; if pregnant, weeks (from LMP or due date), scan findings (placenta position), blood group/Rh if known.',
  K8: 'Menopause: date of the last natural period, recorded status, vaginal dryness, HRT type and schedule.',
  K9: 'Cervical screening: date and result of the last test, past abnormal results or treatment, HPV vaccination.',
  K10: 'Medicines and conditions: anticoagulants, HRT, tamoxifen, hormone creams or supplements (e.g. progesterone cream, herbal products), thyroid or bleeding disorders.',
  K11: 'Cycle summary exported by this tool: last 6–12 period starts, cycle and period lengths, spotting days.',
  K12: 'Impact: days missed, night-time changes, flooding or doubling up protection, tiredness, breathlessness.',
  K13: 'Sexual-health context: new or multiple partners, partner symptoms, date of last STI test.',
};

/** What particular rules add to an item (the catalogue's checklist column). */
const RULE_NOTES: Partial<Record<RuleId, Partial<Record<ChecklistCode, string>>>> = {
  'pregnancy-bleeding-heavy': { K1: 'Note pads soaked per hour and any clots or tissue.' },
  'pregnancy-bleeding-with-pain': {
    K4: 'Is the pain on one side? Any shoulder-tip pain? Feeling faint?',
  },
  'pregnancy-bleeding-second-half': {
    K7: 'Say how many weeks pregnant you are and where the placenta was on your scan; note contractions, any fluid leaking, and the baby’s movements.',
  },
  'pregnancy-bleeding-early-light': { K3: 'If it followed sex, ask whether to pause sex for now.' },
  'pregnancy-with-iud': {
    K6: 'Confirm the IUD entry is current: if it was removed, add the removal date.',
  },
  'postmenopausal-bleeding': { K10: 'Mention HRT, tamoxifen or blood thinners.' },
  'recurrent-postcoital-bleeding': { K1: 'List each date it happened.' },
  'copper-iud-postcoital-bleeding': {
    K6: 'Can you feel the threads? Are they longer, shorter or missing? Can you feel hard plastic?',
  },
  'postcoital-cramping-red-flags': { K6: 'With an IUD: can you feel the threads?' },
  'hormonal-breakthrough-bleeding': {
    K6: 'Keep logging; mention it if it continues past the settling-in months.',
  },
  'recurrent-intermenstrual-spotting': { K1: 'The date and cycle day of each episode.' },
  'missed-period-bleeding-with-pain': {
    K7: 'Take a pregnancy test today.',
    K4: 'Is the pain on one side? Any shoulder-tip pain or dizziness?',
  },
  'heavy-period': {
    K1: 'Products used per day, night-time changes, doubling up, clots 2.5 cm (a quarter) or larger.',
  },
  'painful-periods-red-flags': {
    K4: 'Pain score, painkillers and how well they work, days missed.',
  },
  'irregular-cycles': { K10: 'Recent changes in weight, stress or exercise.' },
  'absent-periods': { K7: 'Take a pregnancy test first.' },
  'late-period': { K7: 'Consider a pregnancy test.' },
  'possible-implantation-bleeding': {
    K7: 'Take a pregnancy test and log the result; if positive, record the pregnancy.',
  },
  'painful-sex-recurrent': {
    K4: 'Is the pain at the entrance or deep inside?',
    K8: 'Any vaginal dryness?',
  },
  'persistent-pelvic-pain': {
    K4: 'Also note bloating, feeling full quickly, needing to pee more often, and bowel changes.',
  },
  'non-vaginal-bleeding-source': {
    K5: 'Burning or needing to pee often; any change in bowel habit.',
  },
  'pelvic-infection-red-flags': { K5: 'Measure your temperature and write it down.' },
};

export function buildChecklist(
  analysis: Analysis,
  log: CycleLog | undefined,
): ReportChecklistItem[] {
  const byCode = new Map<ChecklistCode, { rules: RuleId[]; rank: number; notes: string[] }>();
  for (const finding of analysis.findings) {
    for (const code of finding.checklist) {
      const entry = byCode.get(code) ?? { rules: [], rank: 99, notes: [] };
      if (!entry.rules.includes(finding.rule)) entry.rules.push(finding.rule);
      entry.rank = Math.min(entry.rank, tierRank(finding.tier));
      const note = RULE_NOTES[finding.rule]?.[code];
      if (note && !entry.notes.includes(note)) entry.notes.push(note);
      byCode.set(code, entry);
    }
  }
  const codeNumber = (code: string) => Number(code.slice(1));
  return [...byCode.entries()]
    .sort(([a, ea], [b, eb]) => ea.rank - eb.rank || codeNumber(a) - codeNumber(b))
    .map(([code, entry]) => ({
      code,
      text: CHECKLIST_TEXT[code],
      for: entry.rules,
      details: [...formatDetails(code, analysis, log, entry.rules), ...entry.notes],
    }));
}

function findingsFor(analysis: Analysis, rules: RuleId[]): Finding[] {
  return analysis.findings.filter((f) => rules.includes(f.rule));
}

/** The blood colour logged on a date (days are sorted by date, so a binary search finds it). */
function colourOn(log: CycleLog | undefined, date: string): string | undefined {
  const days = log?.days ?? [];
  const i = indexOnOrAfter(days, date);
  return days[i]?.date === date ? days[i]!.blood_color : undefined;
}

function formatDetails(
  code: ChecklistCode,
  analysis: Analysis,
  log: CycleLog | undefined,
  rules: RuleId[],
): string[] {
  const profile = analysis.profile;
  switch (code) {
    case 'K1':
      return formatBleedingRecord(findingsFor(analysis, rules), analysis, log);
    case 'K3': {
      const dates = new Set<string>();
      for (const f of findingsFor(analysis, rules)) {
        for (const x of f.facts)
          if ((x.code === 'sex' || x.code === 'sex-linked' || x.code === 'pcb-event') && x.date)
            dates.add(x.date);
      }
      return dates.size > 0 ? [`Sex on: ${[...dates].sort().join(', ')}`] : [];
    }
    case 'K4': {
      const lines = new Set<string>();
      for (const f of findingsFor(analysis, rules)) {
        for (const x of f.facts)
          if (x.code === 'pain-level' && x.date) lines.add(`${x.date}: ${x.value}`);
      }
      return [...lines].sort();
    }
    case 'K6': {
      const methods = (profile.contraception ?? []).filter((c) => c.method !== 'none');
      if (methods.length === 0) return ['No contraception recorded.'];
      return methods.map(formatContraception);
    }
    case 'K7': {
      const p = profile.pregnancy;
      if (!p) return ['No pregnancy recorded.'];
      const parts = [
        p.start ? `from ${p.start}` : '',
        p.week !== undefined && p.week_on ? `week ${p.week} on ${p.week_on}` : '',
        p.due ? `due ${p.due}` : '',
        p.end ? `ended ${p.end}` : '',
      ].filter(Boolean);
      return [`Pregnancy recorded: ${parts.join(', ')}.`];
    }
    case 'K8':
      return formatMenopauseDetails(analysis);
    case 'K9': {
      const s = profile.last_screening;
      return [
        s
          ? `Last screening: ${s.date}${s.result ? `, ${sanitizeInline(s.result)}` : ''}.`
          : 'No screening date recorded: look up your last cervical screening.',
      ];
    }
    case 'K11': {
      const periods = analysis.periods.slice(-12);
      if (periods.length === 0) return ['No periods found in the log.'];
      return periods.map(
        (p) =>
          `${p.start}: ${p.days} day${p.days === 1 ? '' : 's'}${p.cycle_length !== null ? `, cycle ${p.cycle_length} days` : ''}`,
      );
    }
    default:
      return [];
  }
}

/**
 * Correction 7: the bleeding record of every flagged episode, spotting included — its dates,
 * cycle day and amount per day — so a clinician reading only the checklist sees when each
 * happened. A finding about several episodes (bleeding after sex or between periods, more than
 * once) lists each of them.
 */
function formatBleedingRecord(
  findings: Finding[],
  analysis: Analysis,
  log: CycleLog | undefined,
): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    for (const episode of episodesOf(f, log)) {
      const days = episode.days.filter((d) => !seen.has(d.date));
      if (days.length === 0) continue;
      for (const d of days) seen.add(d.date);
      // After menopause there are no cycles, so no cycle day.
      const cycleDay =
        f.rule === 'postmenopausal-bleeding'
          ? null
          : episode.from === f.start
            ? f.cycle_day
            : cycleDayOn(analysis, episode.from);
      const parts = days.map((d) => `${d.date} ${d.amount}${d.colour ? ` (${d.colour})` : ''}`);
      lines.push(
        `${episode.from}${cycleDay !== null ? `, cycle day ${cycleDay}` : ''}: ${parts.join(', ')}`,
      );
    }
  }
  return lines;
}

interface BleedingDay {
  date: string;
  amount: string;
  colour?: string;
}

/**
 * The bleeding days of each episode a finding is about, from the log where there is one, each
 * with the date it is told from: the finding's start (the sex day for bleeding after sex), or
 * each event's own date in a finding about several.
 */
function episodesOf(
  f: Finding,
  log: CycleLog | undefined,
): { from: string; days: BleedingDay[] }[] {
  const fromFacts = f.facts
    .filter((x) => x.code === 'bleeding-day' && x.date)
    .map((x) => withColour(log, x.date!, String(x.value)));
  const whole = fromFacts.length > 0 ? [{ from: f.start, days: fromFacts }] : [];
  if (!log) return whole;
  const starts = f.facts
    .filter((x) => (x.code === 'npe' || x.code === 'pcb-event') && x.date)
    .map((x) => x.date!);
  if (starts.length > 0)
    return starts.map((date) => ({ from: date, days: bleedingRun(log, date, undefined) }));
  const inRange = bleedingRun(log, f.start, f.end);
  return inRange.length > 0 ? [{ from: f.start, days: inRange }] : whole;
}

function withColour(log: CycleLog | undefined, date: string, amount: string): BleedingDay {
  const colour = colourOn(log, date);
  return colour ? { date, amount, colour: sanitizeInline(colour) } : { date, amount };
}

/**
 * The bleeding days from `from`: up to `to` when given, else the run that starts there (or the
 * next day, for bleeding after sex) and goes on while bleeding days are at most 2 days apart.
 */
function bleedingRun(log: CycleLog, from: string, to: string | undefined): BleedingDay[] {
  const days = log.days;
  let i = indexOnOrAfter(days, from);
  const run: BleedingDay[] = [];
  let last: number | undefined;
  for (; i < days.length; i++) {
    const day = days[i]!;
    if (to !== undefined && day.date > to) break;
    const n = toDay(day.date);
    const bleeding = day.bleeding !== undefined && day.bleeding !== 'none';
    if (to === undefined) {
      if (last === undefined ? n - toDay(from) > 1 : n - last > 2) break;
    }
    if (!bleeding) continue;
    last = n;
    run.push(withColour(log, day.date, day.bleeding!));
  }
  return run;
}

function indexOnOrAfter(days: readonly { date: string }[], date: string): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]!.date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Cycle day of a date (day 1 = the last period start on or before it), or null. */
function cycleDayOn(analysis: Analysis, date: string): number | null {
  let start: string | undefined;
  for (const p of analysis.periods) if (p.start <= date) start = p.start;
  return start === undefined ? null : toDay(date) - toDay(start) + 1;
}

/**
 * K8: the recorded menopause status, or (correction 2) that it was inferred from the log and from
 * which dates, and the fast-track referral note for bleeding after menopause at 55 or over.
 */
function formatMenopauseDetails(analysis: Analysis): string[] {
  const facts = analysis.findings.flatMap((f) => f.facts);
  const inferred = facts.find((x) => x.code === 'menopause-inferred');
  const status = analysis.profile.menopause;
  const lines = [
    inferred
      ? `Menopause inferred from the log: no bleeding from ${inferred.value} to ${inferred.other}; counted as postmenopausal from ${inferred.date} (override with --menopause pre or peri).`
      : status
        ? `Recorded menopause status: ${status}.`
        : 'Menopause status not recorded.',
  ];
  const fastTrack = facts.find((x) => x.code === 'age-55-fast-track');
  if (fastTrack)
    lines.push(
      `Age ${fastTrack.value}: bleeding after menopause at 55 or over is referred on the urgent (2-week) suspected-cancer pathway (NICE NG12); ask about it.`,
    );
  return lines;
}
