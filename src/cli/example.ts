import type { Command } from 'commander';
import { addExamples } from './examples.ts';

export function declareExampleCommand(program: Command): void {
  const command = program
    .command('example')
    .description('print the bundled example log (six invented months), or write it with -o')
    .option('-o, --output <file>', 'write the example log to a file (mode 0600)')
    .option('-f, --force', 'overwrite the output file if it exists')
    .action(async (options: { output?: string; force?: boolean }) => {
      const { runExample } = await import('../commands/example.ts');
      process.exitCode = await runExample(options);
    });
  addExamples(command, ['example', 'example -o example.csv', 'example | cyclecheck analyze -']);
}
