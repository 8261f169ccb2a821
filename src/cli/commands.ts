/**
 * Every command's declaration, in the order `--help` lists them. Each declaration is small and
 * lazy-imports its implementation.
 */
import type { Command } from 'commander';
import { declareAnalyzeCommand } from './analyze.ts';
import { declareBatchCommand } from './batch.ts';
import { declareConvertCommand } from './convert.ts';
import { declareExampleCommand } from './example.ts';
import { declareFormatsCommand } from './formats.ts';
import { declareInterviewCommand } from './interview.ts';
import { declareRulesCommand } from './rules.ts';

export const COMMANDS: Readonly<Record<string, (program: Command) => void>> = {
  analyze: declareAnalyzeCommand,
  interview: declareInterviewCommand,
  batch: declareBatchCommand,
  convert: declareConvertCommand,
  formats: declareFormatsCommand,
  rules: declareRulesCommand,
  example: declareExampleCommand,
};

/**
 * Declares only the command being run when the first argument names one (declaring options
 * costs start-up time on every run); otherwise all of them, for help and suggestions.
 */
export function declareCommands(program: Command, firstArgument: string | undefined): void {
  const only = firstArgument !== undefined ? COMMANDS[firstArgument] : undefined;
  if (only && Object.hasOwn(COMMANDS, firstArgument!)) only(program);
  else for (const declare of Object.values(COMMANDS)) declare(program);
}
