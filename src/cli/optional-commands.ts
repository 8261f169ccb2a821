/**
 * The commands beyond analyze and rules. Each declaration module is small and lazy-imports its
 * implementation, so declaring them all costs little at start-up.
 */
import type { Command } from 'commander';
import { declareBatchCommand } from './batch.ts';
import { declareConvertCommand } from './convert.ts';
import { declareFormatsCommand } from './formats.ts';
import { declareInterviewCommand } from './interview.ts';

export function registerOptionalCommands(program: Command): void {
  declareInterviewCommand(program);
  declareBatchCommand(program);
  declareConvertCommand(program);
  declareFormatsCommand(program);
}
