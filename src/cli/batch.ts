import { Option, type Command } from 'commander';
import { TIERS } from '../core/tiers.ts';
import type { BatchCliOptions } from '../commands/batch.ts';
import { addProfileOptions, addReadingOptions, fromOption, paperOption } from './shared-options.ts';
import { addExamples } from './examples.ts';

export function declareBatchCommand(program: Command): void {
  const command = program
    .command('batch')
    .description('analyze many logs (files and folders, recursively), one result per log')
    .argument('<path...>', 'log files and folders; folders are searched recursively')
    .option('--json', 'write NDJSON: one JSON report (or error object) per log, one per line')
    .addOption(
      new Option(
        '--to <format>',
        'text: a summary table; json: NDJSON; csv: a summary row per log; html, markdown, pdf: a document per log (-o DIR)',
      ).choices(['text', 'json', 'csv', 'html', 'markdown', 'pdf']),
    )
    .addOption(paperOption())
    .option(
      '-o, --output <file>',
      'write to a file (mode 0600, moved into place when complete); a folder for --to html',
    )
    .option('-f, --force', 'overwrite the output file if it exists')
    .option('--no-color', 'never colour the output (NO_COLOR and TERM=dumb are honoured too)')
    .option('--jobs <n>', 'worker threads (default: the number of CPUs)')
    .option('--shard <k/n>', 'process only the k-th of n equal parts of the sorted file list')
    .option('--summary-only', 'print only the cohort counts: logs per highest tier and per rule')
    .option('--verbose', 'name every skipped file (otherwise the first few, and any spreadsheet)')
    .addOption(fromOption('the input format of every file, when detection guesses wrong'))
    .addOption(
      new Option(
        '--fail-on <tier>',
        'exit with status 1 when a log has a flag at or above this tier',
      ).choices(TIERS),
    );
  addProfileOptions(command);
  addReadingOptions(command);
  addExamples(
    command,
    [
      'example -o example.csv',
      'batch .',
      'batch . --json > reports.ndjson',
      'batch . --to csv -o summary.csv',
      'batch . --summary-only',
      'batch . --to html -o visit-documents/',
      'batch . --to markdown -o visit-documents/ --verbose',
      'batch . --to pdf --paper letter -o visit-documents/',
      'batch . --json --shard 2/4 --jobs 1 --age 30',
    ],
    `Files are taken in sorted path order; inside folders, hidden files and folders and files
that are not logs are skipped and named (the first few, any spreadsheet or text file; all with --verbose). Output order and bytes do not depend on --jobs.
Exit status: 0 all analyzed, 1 --fail-on reached, 65 some logs failed (each has an error line).`,
  );
  command.action(async (paths: string[], options: BatchCliOptions) => {
    const { runBatchCommand } = await import('../commands/batch.ts');
    process.exitCode = await runBatchCommand(paths, options);
  });
}
