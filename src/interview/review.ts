/**
 * The review screen: what will be analyzed, in plain words, and the choice to analyze it, change
 * any answer, add an episode or remove one.
 */
import type { IsoDate } from '../core/dates.ts';
import type { CycleLog, Pregnancy } from '../core/log.ts';
import { sanitizeInline } from '../text/sanitize.ts';
import { formatContraception } from '../report/method-words.ts';
import { describeDaysAgo } from './parse-answer.ts';
import {
  ASSUMED_PERIOD_LENGTH,
  type EpisodeAnswers,
  type InterviewData,
} from './interview-data.ts';
import type { Choice, Prompter } from './prompter.ts';
import { formatAnswer, type Answers, type Visited } from './session.ts';

const MENOPAUSE_WORDS = {
  pre: 'still having periods',
  peri: 'perimenopause',
  post: 'after menopause',
} as const;

function describePregnancy(p: Pregnancy): string {
  if (p.week !== undefined && p.week_on !== undefined) {
    return p.week === 0
      ? `yes, counted from the last period on ${p.week_on}`
      : `yes, ${p.week} weeks on ${p.week_on}`;
  }
  if (p.due !== undefined) return `yes, due ${p.due}`;
  return 'yes, how far along is not known (treated as 20 weeks or more)';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describeEpisode(e: EpisodeAnswers): string[] {
  const lines: string[] = [];
  if (e.amount !== undefined) {
    const details = [
      `${e.amount[0]!.toUpperCase()}${e.amount.slice(1)} for ${plural(e.bleedingDays ?? 1, 'day')}`,
      ...(e.color ? [e.color] : []),
      e.source === 'vaginal'
        ? 'from the vagina'
        : e.source === 'urinary'
          ? 'in the urine'
          : e.source === 'rectal'
            ? 'from the back passage'
            : 'not sure where from',
    ];
    lines.push(details.join(', '));
  }
  const sex: string[] = [];
  if (e.sexLink === 'during') sex.push('started during sex');
  if (e.sexLink === 'same-day') sex.push('started later the same day, after sex');
  if (e.sexLink === 'next-day') sex.push('started the day after sex');
  if (e.sexLink === 'none') sex.push('not linked to sex');
  if (e.sexLink === 'unsure') sex.push('not sure whether linked to sex');
  if (e.kinds.includes('sex-pain')) sex.push('pain during sex');
  if (e.firstSex === true) sex.push('first-ever sex');
  if (sex.length > 0) lines.push(capitalize(sex.join('; ')));
  if (e.painSeverity !== undefined) {
    const kind =
      e.painKind === 'cramps'
        ? 'Cramps'
        : e.painKind === 'pelvic'
          ? 'Pelvic pain'
          : 'Cramps and pelvic pain';
    lines.push(`${kind}, ${e.painSeverity}, ${plural(e.painDays ?? 1, 'day')}`);
  }
  const symptomWords: Record<string, string> = {
    discharge: 'unusual discharge',
    odor: 'unusual smell',
    painful_urination: 'pain when peeing',
    fever: 'fever',
    soaking: 'soaking a pad or tampon an hour',
    dizzy: 'dizzy or faint',
  };
  lines.push(
    `Other symptoms: ${e.symptoms.length === 0 ? 'none' : e.symptoms.map((s) => symptomWords[s]).join(', ')}`,
  );
  const often =
    e.frequency === 'few'
      ? '2 or 3 times'
      : e.frequency === 'often'
        ? 'more than 3 times'
        : 'only this time';
  const also = e.otherDates.length > 0 ? ` (also ${e.otherDates.join(', ')})` : '';
  lines.push(`In the last 3 months: ${often}${also}`);
  if (e.note) lines.push(`Your note: ${sanitizeInline(e.note)}`);
  return lines;
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

export interface SummarySource {
  /** The --log file as the person named it. */
  name: string;
  /** Human name of its format, e.g. "drip export". */
  format: string;
  days: number;
  first: IsoDate | undefined;
  last: IsoDate | undefined;
}

/** What will be analyzed, for the review screen. */
export function formatInterviewSummary(
  log: CycleLog,
  data: InterviewData,
  options: { today: IsoDate; source?: SummarySource },
): string {
  const { today, source } = options;
  const out: string[] = ['', 'Here is what will be analyzed:', ''];
  if (source) {
    const range = source.first && source.last ? `, ${source.first} to ${source.last}` : '';
    out.push(
      `From ${sanitizeInline(source.name)} (${source.format}): ${plural(source.days, 'logged day')}${range}`,
    );
  }
  const p = log.profile;
  out.push('About you');
  out.push(`  Age: ${p.age ?? (p.birth_date ? `born ${p.birth_date}` : 'not given')}`);
  if (p.menopause) out.push(`  Menopause: ${MENOPAUSE_WORDS[p.menopause]}`);
  if (p.medicines !== undefined) {
    out.push(
      `  Medicines: ${p.medicines.length === 0 ? 'none of HRT, tamoxifen, blood thinners' : p.medicines.join(', ')}`,
    );
  }
  out.push(
    `  Contraception: ${p.contraception?.length ? p.contraception.map(formatContraception).join('; ') : 'none'}`,
  );
  if (p.pregnancy) out.push(`  Pregnant: ${describePregnancy(p.pregnancy)}`);
  else if (data.about.pregnancyUnsure) out.push('  Pregnant: not sure (analyzed as not pregnant)');
  else if (p.menopause !== 'post') out.push(`  Pregnant: ${source ? 'not recorded' : 'no'}`);
  if (!data.periodsSkipped) {
    out.push('Your periods');
    const usual =
      data.periodLength !== undefined
        ? `usually ${plural(data.periodLength, 'day')}`
        : `length not known (${ASSUMED_PERIOD_LENGTH} days assumed)`;
    out.push(
      data.periodStarts.length === 0
        ? '  No recent start dates given'
        : `  Started ${data.periodStarts.join(', ')}; ${usual}`,
    );
  }
  for (const [i, e] of data.episodes.entries()) {
    out.push(`Episode ${i + 1}: ${e.start} (${describeDaysAgo(e.start, today)})`);
    for (const line of describeEpisode(e)) out.push(`  ${line}`);
  }
  if (!source && data.episodes.length === 0) out.push('No episodes described.');
  return out.join('\n');
}

export type ReviewAction =
  | { kind: 'analyze' }
  | { kind: 'change'; id: string }
  | { kind: 'add' }
  | { kind: 'remove'; index: number };

const BACK = '__back';

export async function askReview(
  prompter: Prompter,
  visited: readonly Visited[],
  episodes: readonly EpisodeAnswers[],
): Promise<ReviewAction> {
  for (;;) {
    const reviewable = visited.filter((v) => v.spec.reviewable !== false);
    const choices: Choice<'analyze' | 'change' | 'add' | 'remove'>[] = [
      { value: 'analyze', name: 'Looks right: analyze it' },
    ];
    if (reviewable.length > 0) choices.push({ value: 'change', name: 'Change an answer' });
    choices.push({ value: 'add', name: 'Add an episode' });
    if (episodes.length > 0) choices.push({ value: 'remove', name: 'Remove an episode' });
    const action = await prompter.askSelect({ id: 'review', message: 'Is this right?', choices });
    if (action === 'analyze' || action === 'add') return { kind: action };
    if (action === 'change') {
      const id = await prompter.askSelect({
        id: 'review.change',
        message: 'Which answer do you want to change?',
        choices: [
          ...reviewable.map((v) => ({
            value: v.spec.id,
            name: `${v.spec.label}: ${sanitizeInline(formatAnswer(v.spec, v.value))}`,
          })),
          { value: BACK, name: 'Back to the summary' },
        ],
      });
      if (id !== BACK) return { kind: 'change', id };
    } else {
      const picked = await prompter.askSelect({
        id: 'review.remove',
        message: 'Which episode do you want to remove?',
        choices: [
          ...episodes.map((e, i) => ({
            value: String(i),
            name: `Episode ${i + 1}: ${e.start}, ${e.kinds.join(', ')}`,
          })),
          { value: BACK, name: 'Back to the summary' },
        ],
      });
      if (picked !== BACK) return { kind: 'remove', index: Number(picked) };
    }
  }
}

const EPISODE_KEY = /^episode\.(\d+)\.(.+)$/;
const MORE_KEY = /^episodes\.more\.(\d+)$/;

/** Answers without episode `index`; later episodes move up one place. */
export function removeEpisodeAnswers(answers: Answers, index: number, count: number): void {
  const moved: Answers = {};
  for (const id of Object.keys(answers)) {
    const m = EPISODE_KEY.exec(id);
    if (m) {
      const n = Number(m[1]);
      if (n > index) moved[`episode.${n - 1}.${m[2]}`] = answers[id]!;
      if (n >= index) delete answers[id];
    } else if (MORE_KEY.test(id)) {
      delete answers[id];
    }
  }
  Object.assign(answers, moved);
  for (let i = 0; i < count - 1; i++) answers[`episodes.more.${i}`] = true;
  answers[`episodes.more.${count - 1}`] = false;
}

/** Answers that make the next walk ask for one more episode. */
export function addEpisodeAnswers(answers: Answers, count: number): void {
  answers[`episodes.more.${count}`] = true;
}
