/**
 * A Prompter that answers from a script. Each step names the question id it expects, so a test
 * fails when the interview asks something else (or asks more than the script). Text answers go
 * through the question's validation like Inquirer does: a refused answer is recorded with its
 * reason, and the next step must answer the same question again.
 */
import {
  PromptInterrupted,
  type CheckboxQuestion,
  type ConfirmQuestion,
  type Prompter,
  type SelectQuestion,
  type TextQuestion,
} from '../../src/interview/prompter.ts';

export const CTRL_C = Symbol('Ctrl-C');
export type Answer = string | string[] | boolean | typeof CTRL_C;
export type Step = readonly [id: string, answer: Answer];

export interface Asked {
  id: string;
  message: string;
  default?: unknown;
  /** The values offered, for select and checkbox questions. */
  choices?: string[];
}

export class ScriptedPrompter implements Prompter {
  readonly asked: Asked[] = [];
  readonly refused: { id: string; answer: string; reason: string }[] = [];
  readonly notes: string[] = [];
  private readonly steps: Step[];

  constructor(steps: readonly Step[]) {
    this.steps = [...steps];
  }

  get remaining(): readonly Step[] {
    return this.steps;
  }

  private next(
    id: string,
    message: string,
    def?: unknown,
    choices?: readonly { value: string }[],
  ): Exclude<Answer, typeof CTRL_C> {
    const step = this.steps.shift();
    if (step === undefined)
      throw new Error(`script ended, but the interview asked ${id}: ${message}`);
    if (step[0] !== id) {
      throw new Error(`script expected ${step[0]}, but the interview asked ${id}: ${message}`);
    }
    this.asked.push({
      id,
      message,
      ...(def !== undefined ? { default: def } : {}),
      ...(choices ? { choices: choices.map((c) => c.value) } : {}),
    });
    if (step[1] === CTRL_C) throw new PromptInterrupted();
    return step[1];
  }

  async askText(q: TextQuestion): Promise<string> {
    for (;;) {
      const answer = this.next(q.id, q.message, q.default);
      if (typeof answer !== 'string') throw new Error(`${q.id} needs a text answer`);
      // Enter on an empty line takes the default, as in Inquirer.
      const text = answer === '' && q.default !== undefined ? q.default : answer;
      const verdict = q.validate(text);
      if (verdict === true) return text;
      this.refused.push({ id: q.id, answer, reason: verdict });
    }
  }

  async askSelect<T extends string>(q: SelectQuestion<T>): Promise<T> {
    const answer = this.next(q.id, q.message, q.default, q.choices);
    const choice = q.choices.find((c) => c.value === answer);
    if (!choice) {
      throw new Error(
        `${q.id}: ${String(answer)} is not a choice (${q.choices.map((c) => c.value).join(', ')})`,
      );
    }
    return choice.value;
  }

  async askCheckbox<T extends string>(q: CheckboxQuestion<T>): Promise<T[]> {
    for (;;) {
      const answer = this.next(q.id, q.message, q.default, q.choices);
      if (!Array.isArray(answer)) throw new Error(`${q.id} needs a list answer`);
      const values = answer.map((a) => {
        const choice = q.choices.find((c) => c.value === a);
        if (!choice) throw new Error(`${q.id}: ${a} is not a choice`);
        return choice.value;
      });
      const verdict = q.validate?.(values) ?? true;
      if (verdict === true) return values;
      this.refused.push({ id: q.id, answer: answer.join(','), reason: verdict });
    }
  }

  async askConfirm(q: ConfirmQuestion): Promise<boolean> {
    const answer = this.next(q.id, q.message, q.default);
    if (typeof answer !== 'boolean') throw new Error(`${q.id} needs true or false`);
    return answer;
  }

  note(text: string): void {
    this.notes.push(text);
  }

  askedIds(): string[] {
    return this.asked.map((a) => a.id);
  }
}
