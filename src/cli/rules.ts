import type { Command } from 'commander';

export function declareRulesCommand(program: Command): void {
  program
    .command('rules')
    .description('print the rule catalogue: id, tier, trigger, sources; with an id, the full rule')
    .argument('[id]', 'a rule id, e.g. postcoital-bleeding')
    .option('--json', 'print the catalogue as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ cyclecheck rules
  $ cyclecheck rules copper-iud-postcoital-bleeding
  $ cyclecheck rules --json`,
    )
    .action(async (id: string | undefined, options: { json?: boolean }) => {
      const { runRules } = await import('../commands/rules.ts');
      process.exitCode = runRules(id, options);
    });
}
