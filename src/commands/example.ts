/**
 * `cyclecheck example`: the example log that ships inside the program, so every example in
 * `--help` runs from any folder for an installed user.
 */
import EXAMPLE_LOG from '../../fixtures/example-log.csv?raw';
import { EXIT } from '../errors.ts';
import { writeOutputFile } from '../io/write-output.ts';
import { sanitizeInline } from '../text/sanitize.ts';

export async function runExample(options: { output?: string; force?: boolean }): Promise<number> {
  if (options.output === undefined) {
    process.stdout.write(EXAMPLE_LOG);
    return EXIT.ok;
  }
  await writeOutputFile(options.output, EXAMPLE_LOG, { force: options.force === true });
  process.stderr.write(
    `cyclecheck: wrote ${sanitizeInline(options.output)}; try: cyclecheck analyze ${sanitizeInline(options.output)}\n`,
  );
  return EXIT.ok;
}
