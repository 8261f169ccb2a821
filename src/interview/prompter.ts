/**
 * The interview talks to the person only through this interface. `ask.ts` implements it with
 * Inquirer; tests pass a scripted one. Every question carries a stable `id` so that a script can
 * check it is answering the question it expects.
 */

export interface Choice<T extends string> {
  value: T;
  /** What the person reads in the list. */
  name: string;
  /** Shown under the list while this choice is highlighted. */
  description?: string;
  /** How the answer reads once given; by default the part of `name` before a colon. */
  short?: string;
}

/** A validation result: `true`, or the reason shown to the person before asking again. */
export type Validation = true | string;

export interface TextQuestion {
  id: string;
  message: string;
  default?: string;
  validate: (text: string) => Validation;
  /** How the accepted answer is echoed, e.g. "3 days ago" → "3 days ago (2025-03-12)". */
  echo?: (text: string) => string;
}

export interface SelectQuestion<T extends string> {
  id: string;
  message: string;
  choices: readonly Choice<T>[];
  default?: T;
}

export interface CheckboxQuestion<T extends string> {
  id: string;
  message: string;
  choices: readonly Choice<T>[];
  default?: readonly T[];
  validate?: (values: readonly T[]) => Validation;
}

export interface ConfirmQuestion {
  id: string;
  message: string;
  default: boolean;
}

export interface Prompter {
  askText(question: TextQuestion): Promise<string>;
  askSelect<T extends string>(question: SelectQuestion<T>): Promise<T>;
  askCheckbox<T extends string>(question: CheckboxQuestion<T>): Promise<T[]>;
  askConfirm(question: ConfirmQuestion): Promise<boolean>;
  /** Text between questions (section titles, explanations); goes where the prompts go. */
  note(text: string): void;
}

/** The person pressed Ctrl-C (or closed the terminal) at a question. */
export class PromptInterrupted extends Error {
  constructor() {
    super('interrupted at a question');
    this.name = 'PromptInterrupted';
  }
}
