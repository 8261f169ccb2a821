import type { Command } from 'commander';

export function declareFormatsCommand(program: Command): void {
  program
    .command('formats')
    .description(
      'list the supported formats: how to export from each app, what is mapped and dropped',
    )
    .option('--json', 'print the list as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ cyclecheck formats
  $ cyclecheck formats --json`,
    )
    .action(async (options: { json?: boolean }) => {
      const { runFormats } = await import('../commands/formats.ts');
      process.exitCode = runFormats(options);
    });
}
