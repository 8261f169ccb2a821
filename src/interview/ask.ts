/**
 * The only module that loads the prompt library. The interview command imports it lazily, so no
 * other command pays for Inquirer at start-up.
 */
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { wrapText } from '../text/wrap.ts';
import { PromptInterrupted, type Choice, type Prompter } from './prompter.ts';

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

/** Choice names may explain themselves after a colon; the answered line shows the part before. */
function withShortName<T extends string>(choice: Choice<T>): Choice<T> & { short: string } {
  const colon = choice.name.indexOf(': ');
  return {
    ...choice,
    short: choice.short ?? (colon > 0 ? choice.name.slice(0, colon) : choice.name),
  };
}

function columnsOf(stream: NodeJS.WritableStream): number {
  const columns = (stream as { columns?: number }).columns;
  return Math.min(columns !== undefined && columns > 20 ? columns - 1 : 79, 100);
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
            choices: question.choices.map(withShortName),
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
            choices: question.choices.map((c) => ({
              ...withShortName(c),
              checked: checked.has(c.value),
            })),
            pageSize: 12,
            theme: {
              style: {
                renderSelectedChoices: (selected: readonly { short: string }[]) =>
                  selected.length === 0 ? 'none' : selected.map((c) => c.short).join(', '),
              },
            },
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
      const width = columnsOf(streams.output);
      const lines = text.split('\n').flatMap((line) => {
        const indent = /^\s*/.exec(line)?.[0] ?? '';
        return line.trim() === ''
          ? ['']
          : wrapText(line, width, indent === '' ? '' : indent + '  ', indent);
      });
      streams.output.write(lines.join('\n') + '\n');
    },
  };
}
