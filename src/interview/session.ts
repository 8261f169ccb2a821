/**
 * Asks questions by id and remembers every answer. A question whose answer is already known (a
 * resumed draft, or a walk through the interview after the review changed one answer) is not asked
 * again, unless its stored answer no longer passes the question's checks (an edit elsewhere made it
 * wrong); then the reason is shown and the question is asked again.
 */
import type { Parsed } from './parse-answer.ts';
import type { Choice, Prompter, Validation } from './prompter.ts';

export type AnswerValue =
  string | number | boolean | null | string[] | { [key: string]: string | number };

export type Answers = Record<string, AnswerValue>;

interface SpecBase<T> {
  id: string;
  /** Short name for the review list, e.g. "Age" or "Episode 1: amount". */
  label: string;
  /** Structural questions ("another episode?") are not offered for change in the review. */
  reviewable?: boolean;
  /** A check that depends on other answers; a reason when `value` is not acceptable. */
  check?(value: T): string | undefined;
  /** Answers that belong to this one and are forgotten when it changes (a method's start date). */
  resets?: readonly string[];
}

export interface TextSpec<T extends AnswerValue> extends SpecBase<T> {
  kind: 'text';
  message: string;
  parse(text: string): Parsed<T>;
  format(value: T): string;
  /** The answer as text to offer when asking again; `format` when absent. */
  toText?(value: T): string;
  /** Whether a stored value has the right shape (drafts are files a person could edit). */
  accepts(value: AnswerValue): value is T;
  echo?(text: string): string;
  default?: string;
  /** An empty answer is allowed (it means "not known" or "no more"). */
  optional?: boolean;
}

export interface SelectSpec<T extends string> extends SpecBase<T> {
  kind: 'select';
  message: string;
  choices: readonly Choice<T>[];
  default?: T;
}

export interface CheckboxSpec<T extends string> extends SpecBase<T[]> {
  kind: 'checkbox';
  message: string;
  choices: readonly Choice<T>[];
  /** At least one choice must be ticked. */
  required?: string;
}

export interface ConfirmSpec extends SpecBase<boolean> {
  kind: 'confirm';
  message: string;
  default: boolean;
}

export type AnySpec =
  TextSpec<AnswerValue> | SelectSpec<string> | CheckboxSpec<string> | ConfirmSpec;

export interface Visited {
  spec: AnySpec;
  value: AnswerValue;
}

/** How a stored answer reads in the review ("copper IUD", "3 days", "yes"). */
export function formatAnswer(spec: AnySpec, value: AnswerValue): string {
  switch (spec.kind) {
    case 'text':
      return spec.format(value);
    case 'select': {
      const choice = spec.choices.find((c) => c.value === value);
      return choice ? shortName(choice) : String(value);
    }
    case 'checkbox': {
      const values = Array.isArray(value) ? value : [];
      const chosen = spec.choices.filter((c) => values.includes(c.value));
      return chosen.length === 0 ? 'none' : chosen.map(shortName).join(', ');
    }
    case 'confirm':
      return value === true ? 'yes' : 'no';
  }
}

/** Choice names may carry an explanation after a colon; the review shows the part before it. */
function shortName(choice: Choice<string>): string {
  if (choice.short !== undefined) return choice.short;
  const colon = choice.name.indexOf(': ');
  return colon > 0 ? choice.name.slice(0, colon) : choice.name;
}

function checkStored(spec: AnySpec, value: AnswerValue): string | undefined {
  switch (spec.kind) {
    case 'text':
      return spec.accepts(value) ? spec.check?.(value) : 'not a valid answer';
    case 'select':
      return typeof value === 'string' ? spec.check?.(value) : 'not a valid answer';
    case 'checkbox':
      return Array.isArray(value) ? spec.check?.(value) : 'not a valid answer';
    case 'confirm':
      return typeof value === 'boolean' ? spec.check?.(value) : 'not a valid answer';
  }
}

function isStoredValid(spec: AnySpec, value: AnswerValue): boolean {
  switch (spec.kind) {
    case 'text':
      return spec.accepts(value);
    case 'select':
      return typeof value === 'string' && spec.choices.some((c) => c.value === value);
    case 'checkbox':
      return (
        Array.isArray(value) &&
        value.every((v) => spec.choices.some((c) => c.value === v)) &&
        (spec.required === undefined || value.length > 0)
      );
    case 'confirm':
      return typeof value === 'boolean';
  }
}

export class InterviewSession {
  /** Questions reached in the current walk, in order. */
  visited: Visited[] = [];
  private reask: string | undefined;
  private pendingSection: string | undefined;
  private readonly shownSections = new Set<string>();

  constructor(
    private readonly prompter: Prompter,
    readonly answers: Answers,
    /** Called after every new answer (the draft is saved there). */
    private readonly onAnswer: (answers: Answers) => Promise<void>,
  ) {}

  note(text: string): void {
    this.prompter.note(text);
  }

  /**
   * A section title (and introduction), shown just before the section's first question that is
   * actually asked, so that a walk over answered questions prints nothing.
   */
  section(text: string): void {
    this.pendingSection = this.shownSections.has(text) ? undefined : text;
  }

  /** Starts a new walk through the questions. */
  beginWalk(): void {
    this.visited = [];
    this.pendingSection = undefined;
  }

  /** The next walk asks this question again, offering the current answer as the default. */
  askAgain(id: string): void {
    this.reask = id;
  }

  /** Drops answers no question reached in the last walk (an edit made them irrelevant). */
  pruneUnvisited(): void {
    const keep = new Set(this.visited.map((v) => v.spec.id));
    for (const id of Object.keys(this.answers)) if (!keep.has(id)) delete this.answers[id];
  }

  async ask<T extends AnswerValue>(spec: TextSpec<T>): Promise<T>;
  async ask<T extends string>(spec: SelectSpec<T>): Promise<T>;
  async ask<T extends string>(spec: CheckboxSpec<T>): Promise<T[]>;
  async ask(spec: ConfirmSpec): Promise<boolean>;
  async ask(spec: AnySpec): Promise<AnswerValue> {
    const stored = Object.hasOwn(this.answers, spec.id) ? this.answers[spec.id] : undefined;
    let previous: AnswerValue | undefined;
    let objection: string | undefined;
    if (stored !== undefined && isStoredValid(spec, stored)) {
      const reason = checkStored(spec, stored);
      if (reason === undefined && this.reask !== spec.id) {
        this.visited.push({ spec, value: stored });
        return stored;
      }
      previous = stored;
      if (reason !== undefined) {
        objection = `Your answer "${formatAnswer(spec, stored)}" to "${spec.label}" no longer fits: ${reason}`;
      }
    }
    if (this.reask === spec.id) this.reask = undefined;
    if (this.pendingSection !== undefined) {
      this.prompter.note(this.pendingSection);
      this.shownSections.add(this.pendingSection);
      this.pendingSection = undefined;
    }
    if (objection !== undefined) this.prompter.note(objection);
    const value = await this.prompt(spec, previous);
    if (previous !== undefined && JSON.stringify(previous) !== JSON.stringify(value)) {
      for (const id of spec.resets ?? []) delete this.answers[id];
    }
    this.answers[spec.id] = value;
    this.visited.push({ spec, value });
    await this.onAnswer(this.answers);
    return value;
  }

  private async prompt(spec: AnySpec, previous: AnswerValue | undefined): Promise<AnswerValue> {
    const p = this.prompter;
    switch (spec.kind) {
      case 'text': {
        const validate = (text: string): Validation => {
          const parsed = spec.parse(text);
          if (!parsed.ok) return parsed.reason;
          return spec.check?.(parsed.value) ?? true;
        };
        const def =
          previous !== undefined && spec.accepts(previous)
            ? (spec.toText?.(previous) ?? spec.format(previous))
            : spec.default;
        // Enter takes the default, so an optional answer offered again needs a word to clear it.
        const clear =
          spec.optional === true && def !== undefined && def !== ''
            ? " (type 'none' to clear it)"
            : '';
        const text = await p.askText({
          id: spec.id,
          message: spec.message + clear,
          validate,
          ...(def !== undefined && def !== '' ? { default: def } : {}),
          ...(spec.echo ? { echo: (text: string) => spec.echo?.(text) ?? text } : {}),
        });
        const parsed = spec.parse(text);
        // The prompter validated the text; a scripted prompter that skipped validation is a bug.
        if (!parsed.ok) throw new Error(`answer to ${spec.id} failed validation: ${parsed.reason}`);
        return parsed.value;
      }
      case 'select': {
        const def = typeof previous === 'string' ? previous : spec.default;
        return await p.askSelect({
          id: spec.id,
          message: spec.message,
          choices: spec.choices,
          ...(def !== undefined ? { default: def } : {}),
        });
      }
      case 'checkbox': {
        const required = spec.required;
        return await p.askCheckbox({
          id: spec.id,
          message: spec.message,
          choices: spec.choices,
          default: Array.isArray(previous) ? previous : [],
          validate: (values) => {
            if (required !== undefined && values.length === 0) return required;
            return spec.check?.([...values]) ?? true;
          },
        });
      }
      case 'confirm':
        return await p.askConfirm({
          id: spec.id,
          message: spec.message,
          default: typeof previous === 'boolean' ? previous : spec.default,
        });
    }
  }
}
