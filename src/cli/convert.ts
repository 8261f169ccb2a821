import { Option, type Command } from 'commander';
import { addProfileOptions, addReadingOptions, fromOption } from './shared-options.ts';
import { addExamples } from './examples.ts';

export function declareConvertCommand(program: Command): void {
  const command = program
    .command('convert')
    .description('turn any supported export into an editable cyclecheck log (CSV or JSON)')
    .argument('<file>', 'a log or app export (format detected from the content); - reads stdin')
    .addOption(fromOption())
    .addOption(
      new Option(
        '--to <format>',
        'output format (default: from the -o file extension, else csv)',
      ).choices(['csv', 'json']),
    )
    .option('-o, --output <file>', 'write the log to a file (mode 0600) instead of stdout')
    .option('-f, --force', 'overwrite the output file if it exists');
  addProfileOptions(command);
  addReadingOptions(command);
  addExamples(
    command,
    [
      'example -o example.csv',
      'convert example.csv --to json',
      'convert example.csv --age 35 -o my-log.csv',
      'convert my-log.csv --to json -o my-log.json',
    ],
    `An app export converts the same way (cyclecheck convert drip-export.csv -o my-log.csv; see
cyclecheck formats). The import summary (what was mapped, dropped or not understood) goes to
stderr; profile options (--contraception, --age, …) are written into the log.`,
  );
  command.action(async (file: string, options) => {
    const { runConvert } = await import('../commands/convert.ts');
    process.exitCode = await runConvert(file, options);
  });
}
