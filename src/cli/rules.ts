import { Option, type Command } from 'commander';
import { addExamples } from './examples.ts';

export function declareRulesCommand(program: Command): void {
  const command = program
    .command('rules')
    .description('print the rule catalogue: id, tier, trigger, sources; with an id, the full rule')
    .argument('[id]', 'a rule id, e.g. postcoital-bleeding')
    .option('--json', 'print the catalogue as JSON (same as --to json)')
    .addOption(
      new Option(
        '--to <format>',
        'text, json, or markdown (all rules in full: docs/rules.md)',
      ).choices(['text', 'json', 'markdown']),
    )
    .action(async (id: string | undefined, options: { json?: boolean; to?: string }) => {
      const { runRules } = await import('../commands/rules.ts');
      process.exitCode = runRules(id, options);
    });
  addExamples(command, [
    'rules',
    'rules copper-iud-postcoital-bleeding',
    'rules --json',
    'rules --to markdown',
  ]);
}
