/**
 * What "never crashes" means for one input, in process: importing either succeeds — and then the
 * analyzer, the report builder and every renderer run on the result without throwing — or it
 * fails with an InputError or MissingInputError whose message is one line naming the file. An
 * imported log also survives `convert`: saved as canonical CSV and read back, it is unchanged.
 * Anything else (a TypeError, a RangeError, a stack overflow, a plain Error) is a bug.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { analyzeLog } from '../../src/core/analyze.ts';
import { InputError, MissingInputError } from '../../src/errors.ts';
import { importFile } from '../../src/importers/registry.ts';
import type { FormatId, ImportResult } from '../../src/log/import-contract.ts';
import { inputFromBytes, openInputFile } from '../../src/io/input-file.ts';
import { parseCanonicalCsv } from '../../src/log/canonical-csv.ts';
import { formatCanonicalCsv } from '../../src/log/format-canonical.ts';
import { makeChalk } from '../../src/render/color.ts';
import { sanitizeInline } from '../../src/text/sanitize.ts';
import { formatHtmlReport } from '../../src/render/html.ts';
import { formatMarkdownReport } from '../../src/render/markdown.ts';
import { formatTextReport } from '../../src/render/text.ts';
import { buildReport } from '../../src/report/build-report.ts';

export type Outcome =
  | { kind: 'imported'; result: ImportResult; json: string }
  | { kind: 'refused'; error: InputError | MissingInputError };

/** Runs the whole pipeline after a successful import; returns the JSON report. */
export function analyzeAndRender(name: string, result: ImportResult): string {
  const log = result.log;
  const analysis = analyzeLog(log);
  const report = buildReport(analysis, {
    files: [name],
    formats: [result.format],
    warnings: result.warnings,
    questions: result.gaps,
    appNotes: result.appNotes ?? [],
    log,
  });
  const chalk = makeChalk(false);
  formatTextReport(report, log, { chalk, width: 80, explain: true, calendar: true });
  formatMarkdownReport(report, log);
  formatHtmlReport(report, log);
  return JSON.stringify(report);
}

/**
 * Imports `bytes` as a file called `name` (through a real file in `dir` when given: zip needs
 * random access) with detection or a forced format, then checks the outcome.
 */
export async function checkImport(
  name: string,
  bytes: Buffer,
  from: FormatId | undefined,
  dir?: string,
): Promise<Outcome> {
  let shownName = name;
  let result: ImportResult;
  try {
    let input;
    if (dir !== undefined) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      input = await openInputFile(path);
      shownName = path;
    } else {
      input = inputFromBytes(name, bytes);
    }
    result = await importFile(input, from);
  } catch (error) {
    if (error instanceof InputError || error instanceof MissingInputError) {
      expect(error.message.startsWith(shownName), error.message).toBe(true);
      expect(error.message, 'an input error is one line').not.toMatch(/[\n\r]/);
      expect(sanitizeInline(error.message).length, error.message).toBeLessThan(1000);
      return { kind: 'refused', error };
    }
    throw error;
  }
  // What any importer produced can be saved with `convert` and read back unchanged.
  const saved = formatCanonicalCsv(result.log);
  expect(parseCanonicalCsv(saved, 'saved.csv').log, saved.slice(0, 2000)).toStrictEqual(result.log);
  return { kind: 'imported', result, json: analyzeAndRender(shownName, result) };
}
