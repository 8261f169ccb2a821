import type { Command } from 'commander';
import { addExamples } from './examples.ts';

export function declareFormatsCommand(program: Command): void {
  const command = program
    .command('formats')
    .description(
      'list the supported formats: how to export from each app, what is mapped and dropped',
    )
    .option('--json', 'print the list as JSON')
    .action(async (options: { json?: boolean }) => {
      const { runFormats } = await import('../commands/formats.ts');
      process.exitCode = runFormats(options);
    });
  addExamples(command, ['formats', 'formats --json']);
}
