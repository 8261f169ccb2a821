/**
 * The only module that loads the prompt library. The interview command imports it lazily, so no
 * other command pays for Inquirer at start-up.
 */
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { PromptInterrupted, type Prompter } from './prompter.ts';

export interface InquirerStreams {
  input: NodeJS.ReadableStream;
  /** Prompts and notes go to stderr, so that stdout carries only the report. */
  output: NodeJS.WritableStream;
}

async function interruptible<T>(prompt: Promise<T>): Promise<T> {
  try {
    return await prompt;
  } catch (error) {
    // Ctrl-C rejects with ExitPromptError (https://github.com/SBoudrias/Inquirer.js#handling-ctrlc-gracefully).
    if (error instanceof Error && error.name === 'ExitPromptError') throw new PromptInterrupted();
    throw error;
  }
}

export function createInquirerPrompter(streams: InquirerStreams): Prompter {
  const context = { input: streams.input, output: streams.output };
  return {
    askText(question) {
      return interruptible(
        input(
          {
            message: question.message,
            default: question.default,
            validate: question.validate,
            transformer: (value, { isFinal }) =>
              isFinal && question.echo ? question.echo(value) : value,
          },
          context,
        ),
      );
    },
    askSelect(question) {
      return interruptible(
        select(
          {
            message: question.message,
            choices: question.choices.map((c) => ({ ...c })),
            default: question.default,
            pageSize: 12,
          },
          context,
        ),
      );
    },
    askCheckbox(question) {
      const checked = new Set<string>(question.default ?? []);
      const validate = question.validate;
      return interruptible(
        checkbox(
          {
            message: question.message,
            choices: question.choices.map((c) => ({ ...c, checked: checked.has(c.value) })),
            pageSize: 12,
            validate: validate && ((chosen) => validate(chosen.map((c) => c.value))),
          },
          context,
        ),
      );
    },
    askConfirm(question) {
      return interruptible(
        confirm({ message: question.message, default: question.default }, context),
      );
    },
    note(text) {
      streams.output.write(text + '\n');
    },
  };
}
