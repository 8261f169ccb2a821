import { Option, type Command } from 'commander';
import { TIERS } from '../core/tiers.ts';
import {
  addOutputOptions,
  addProfileOptions,
  addReadingOptions,
  fromOption,
} from './shared-options.ts';
import { addExamples } from './examples.ts';

export function declareAnalyzeCommand(program: Command): void {
  const command = program
    .command('analyze')
    .description('import log files, analyze them and print the report')
    .argument(
      '<file...>',
      'log files (canonical CSV/JSON, an app export or its unzipped folder); - reads stdin',
    )
    .option('--merge', 'merge several files of one person into one log and one report')
    .addOption(fromOption())
    .option('--explain', 'also show what was not flagged, and why')
    .option('--calendar', 'add month calendars to the text report')
    .addOption(
      new Option(
        '--fail-on <tier>',
        'exit with status 1 when a flag at or above this tier exists',
      ).choices(TIERS),
    );
  addProfileOptions(command);
  addReadingOptions(command);
  addOutputOptions(command);
  addExamples(command, [
    'example -o example.csv',
    'analyze example.csv',
    'analyze example.csv --calendar --explain',
    'analyze example.csv -o visit.html',
    'analyze example.csv --json > report.json',
    'analyze example.csv --age 34 --contraception implant@2024-06-01',
    'analyze example.csv --fail-on soon || echo "soon or urgent"',
  ]);
  command.action(async (files: string[], options) => {
    const { runAnalyze } = await import('../commands/analyze.ts');
    process.exitCode = await runAnalyze(files, options);
  });
}
