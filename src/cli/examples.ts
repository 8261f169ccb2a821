/**
 * `--help` leads with real examples that run against fixtures/ (README, "Commands"): they are printed
 * before the usage line; notes that explain the output follow the options.
 */
import type { Command } from 'commander';

export function addExamples(command: Command, examples: readonly string[], notes?: string): void {
  command.addHelpText(
    'before',
    `Examples:\n${examples.map((example) => `  $ cyclecheck ${example}`).join('\n')}\n`,
  );
  if (notes !== undefined) command.addHelpText('after', `\n${notes}`);
}
