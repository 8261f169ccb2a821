/**
 * The JSON Schemas of schemas/ against what cyclecheck reads and writes: every JSON log among
 * the fixtures, every worked scenario's log, every log `convert --to json` makes of the import
 * fixtures, and reports. Both sides: what cyclecheck refuses, the schema refuses too, and a
 * report with a field the schema does not know fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/api.ts';
import { importFile } from '../../src/importers/registry.ts';
import { openInputFile } from '../../src/io/input-file.ts';
import { parseCanonicalJson } from '../../src/log/canonical-json.ts';
import { formatCanonicalJson } from '../../src/log/format-canonical.ts';
import { checkJsonOutput, findSchemaErrors, SCHEMA_FILES } from './validate.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function listFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .sort();
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

const isCanonicalLog = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  (value as { format?: unknown }).format === 'cyclecheck-log/1';

describe('the schemas', () => {
  it('are draft 2020-12 with the ids the docs give, and all are loaded', () => {
    expect(listFiles('schemas').map((p) => p.slice('schemas/'.length))).toEqual(
      [...SCHEMA_FILES].sort(),
    );
    const ids = SCHEMA_FILES.map((file) => readJson(`schemas/${file}`) as Record<string, string>);
    expect(ids.map((s) => s.$schema)).toEqual(
      Array(SCHEMA_FILES.length).fill('https://json-schema.org/draft/2020-12/schema'),
    );
    expect(ids.map((s) => s.$id)).toEqual([
      'urn:cyclecheck:cyclecheck-log/1',
      'urn:cyclecheck:cyclecheck-report/1',
      'urn:cyclecheck:cyclecheck-batch-line/1',
      'urn:cyclecheck:cyclecheck-batch-summary/1',
    ]);
  });
});

describe('logs against schemas/log.schema.json', () => {
  const good = [...listFiles('fixtures'), ...listFiles('tests/fixtures')].filter(
    (path) => path.endsWith('.json') && !path.startsWith('fixtures/bad/'),
  );

  it('every canonical JSON log among the fixtures, and every worked scenario’s log, fits', () => {
    const fixtures = good.filter((path) => isCanonicalLog(readJson(path)));
    for (const path of fixtures) expect(findSchemaErrors('log', readJson(path)), path).toEqual([]);
    const { examples } = readJson('tests/fixtures/scenarios.json') as {
      examples: { id: string; log: unknown }[];
    };
    expect(fixtures.length + examples.length).toBeGreaterThan(10);
    for (const { id, log } of examples) expect(findSchemaErrors('log', log), id).toEqual([]);
  });

  it('what convert --to json makes of every import fixture fits', async () => {
    const inputs = [
      'fixtures/example-log.csv',
      'fixtures/one-year.csv',
      'fixtures/apple/export.zip',
      ...listFiles('fixtures/imports'),
    ];
    for (const path of inputs) {
      const { log } = await importFile(await openInputFile(join(ROOT, path)));
      const written = JSON.parse(formatCanonicalJson(log)) as unknown;
      expect(findSchemaErrors('log', written), path).toEqual([]);
    }
  });

  it('the JSON logs cyclecheck refuses are refused by the schema too', () => {
    const refused = listFiles('fixtures/bad/canonical').filter((path) => {
      if (!path.endsWith('.json') || path.endsWith('duplicate-key.json')) return false;
      try {
        JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
      } catch {
        return false; // not JSON at all: nothing for a schema to say
      }
      expect(
        () => parseCanonicalJson(readFileSync(join(ROOT, path), 'utf8'), path),
        path,
      ).toThrow();
      return true;
    });
    expect(refused.length).toBeGreaterThan(4);
    for (const path of refused)
      expect(findSchemaErrors('log', readJson(path)), path).not.toEqual([]);
  });

  it('refuses a value outside its field and a key it does not know', () => {
    const log = { format: 'cyclecheck-log/1', days: [{ date: '2025-03-01', bleeding: 'light' }] };
    expect(findSchemaErrors('log', log)).toEqual([]);
    expect(
      findSchemaErrors('log', { ...log, days: [{ date: '2025-03-01', bleeding: 'lots' }] }),
    ).not.toEqual([]);
    expect(findSchemaErrors('log', { ...log, days: [{ date: '2025-02-30x' }] })).not.toEqual([]);
    expect(
      findSchemaErrors('log', { ...log, days: [{ date: '2025-03-01', mood: 'ok' }] }),
    ).not.toEqual([]);
    expect(findSchemaErrors('log', { ...log, profile: { age: 7 } })).not.toEqual([]);
  });
});

describe('reports against schemas/report.schema.json', () => {
  it('a report fits; the same report with a field the schema does not know does not', async () => {
    const report = await analyzeFile(join(ROOT, 'fixtures/example-log.csv'));
    expect(report.flags.length).toBeGreaterThan(0);
    expect(findSchemaErrors('report', report)).toEqual([]);
    expect(findSchemaErrors('report', { ...report, extra: 1 })).not.toEqual([]);
    const [flag] = report.flags;
    expect(findSchemaErrors('report', { ...report, flags: [{ ...flag, extra: 1 }] })).not.toEqual(
      [],
    );
    const withoutField: Partial<typeof flag> = { ...flag };
    delete withoutField.in_progress;
    expect(findSchemaErrors('report', { ...report, flags: [withoutField] })).not.toEqual([]);
    expect(findSchemaErrors('batchLine', report)).toEqual([]);
  });

  it('the check every test helper runs fails on such output, and passes real output', async () => {
    const report = await analyzeFile(join(ROOT, 'fixtures/example-log.csv'));
    const args = ['analyze', 'x.csv', '--json'];
    expect(() => checkJsonOutput(args, 0, JSON.stringify(report, null, 2))).not.toThrow();
    expect(() =>
      checkJsonOutput(args, 0, JSON.stringify({ ...report, extra: 1 }, null, 2)),
    ).toThrow(/does not match schemas/);
    const ndjson = `${JSON.stringify(report)}\n${JSON.stringify({ input: { files: ['b'] }, error: { code: 65, message: 'b:1: bad' } })}\n`;
    expect(() => checkJsonOutput(['batch', 'dir', '--json'], 65, ndjson)).not.toThrow();
    expect(() => checkJsonOutput(['batch', 'dir', '--json'], 0, ndjson)).not.toThrow();
    expect(() => checkJsonOutput(['batch', 'dir', '--json'], 0, '{"input":{}}\n')).toThrow();
  });
});
