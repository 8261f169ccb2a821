/**
 * Which report format a command writes: `--json`, `--to`, else the `-o` file's extension, else
 * text. A choice that contradicts another (`--json --to html`, `--to text -o visit.html`) is a
 * usage error rather than a file whose contents do not match its name.
 */
import { extname } from 'node:path';
import type { OutputFormat } from './options.ts';
import { UsageError } from '../errors.ts';

/** Extensions whose format is known; others (or none) leave the choice to --to, then text. */
export const FORMAT_OF_EXTENSION: Readonly<Record<string, OutputFormat>> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.pdf': 'pdf',
};

export function getFormatOfFile(file: string): OutputFormat | undefined {
  const ext = extname(file).toLowerCase();
  return Object.hasOwn(FORMAT_OF_EXTENSION, ext) ? FORMAT_OF_EXTENSION[ext] : undefined;
}

export function resolveReportFormat(options: {
  json?: boolean;
  to?: OutputFormat;
  output?: string;
}): OutputFormat {
  if (options.json === true && options.to !== undefined && options.to !== 'json') {
    throw new UsageError(`--json and --to ${options.to} ask for two different outputs; pass one`);
  }
  const asked = options.json === true ? 'json' : options.to;
  const byName = options.output === undefined ? undefined : getFormatOfFile(options.output);
  if (asked !== undefined && byName !== undefined && asked !== byName) {
    throw new UsageError(
      `${options.json === true ? '--json' : `--to ${asked}`} contradicts the file name ${options.output} (${byName}); change one`,
    );
  }
  return asked ?? byName ?? 'text';
}
