/**
 * The JSON Schemas in schemas/ as validators (ajv, draft 2020-12), and the one check every test
 * helper that spawns the CLI applies to its output: whatever a run prints as JSON data (a
 * report, batch NDJSON, a converted log) must match its schema. A field added to the output
 * without its schema therefore fails whichever test first prints it.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

const SCHEMA_DIR = new URL('../../schemas/', import.meta.url);
export const SCHEMA_FILES = [
  'log.schema.json',
  'report.schema.json',
  'batch-line.schema.json',
  'batch-summary.schema.json',
];

const ajv = new Ajv2020({ allErrors: true, strict: true });
for (const file of SCHEMA_FILES) {
  ajv.addSchema(JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), 'utf8')) as object);
}

function validator(id: string): ValidateFunction {
  const validate = ajv.getSchema(id);
  if (validate === undefined) throw new Error(`no schema ${id} in schemas/`);
  return validate;
}

const SCHEMA_IDS = {
  log: 'urn:cyclecheck:cyclecheck-log/1',
  report: 'urn:cyclecheck:cyclecheck-report/1',
  batchLine: 'urn:cyclecheck:cyclecheck-batch-line/1',
  batchSummary: 'urn:cyclecheck:cyclecheck-batch-summary/1',
} as const;
export type SchemaName = keyof typeof SCHEMA_IDS;

/** The schema's complaints about `value`, one line each; empty when it is valid. */
export function findSchemaErrors(name: SchemaName, value: unknown): string[] {
  const validate = validator(SCHEMA_IDS[name]);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

/** Throws, naming what differs, unless `value` matches the schema. */
export function assertMatchesSchema(name: SchemaName, value: unknown, what: string = name): void {
  const errors = findSchemaErrors(name, value);
  if (errors.length > 0) {
    throw new Error(`${what} does not match schemas/ (${SCHEMA_IDS[name]}):\n${errors.join('\n')}`);
  }
}

function optionValue(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === name) return args[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

/** Which schema a run's stdout follows, from its arguments; undefined when it prints no data. */
function schemaForRun(args: readonly string[]): SchemaName | undefined {
  const json = args.includes('--json') || optionValue(args, '--to') === 'json';
  const toFile = args.includes('-o') || args.some((a) => a.startsWith('--output'));
  if (!json || toFile) return undefined;
  switch (args[0]) {
    case 'analyze':
      return 'report';
    case 'batch':
      return args.includes('--summary-only') ? 'batchSummary' : 'batchLine';
    case 'convert':
      return 'log';
    default:
      return undefined;
  }
}

/**
 * Checks a finished run of the CLI: when it printed JSON data, every document in
 * stdout must match its schema. Output that is not JSON at all fails too.
 */
export function checkJsonOutput(
  args: readonly string[],
  status: number | null,
  stdout: string,
): void {
  const name = schemaForRun(args);
  // 65 and 130: a batch prints the lines of the logs it did analyze, then fails or stops.
  const printedData = status !== null && [0, 1, 65, 130].includes(status);
  if (name === undefined || !printedData || stdout.trim() === '') return;
  const documents =
    stdout.trimStart().startsWith('{\n') || name === 'log' || name === 'batchSummary'
      ? [JSON.parse(stdout) as unknown]
      : stdout
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as unknown);
  const what = `the output of cyclecheck ${args.join(' ')}`;
  for (const document of documents) assertMatchesSchema(name, document, what);
}
