/**
 * docs/log-format.md and docs/report-format.md are contracts: their examples are read with
 * cyclecheck's own readers and checked against the schemas, and every column, profile key,
 * report field and exit status the code has is described in them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DAY_FIELDS, METHODS } from '../../src/core/log.ts';
import { EXIT } from '../../src/errors.ts';
import { parseCanonicalCsv } from '../../src/log/canonical-csv.ts';
import { parseCanonicalJson } from '../../src/log/canonical-json.ts';
import { PROFILE_KEYS } from '../../src/log/profile.ts';
import { assertMatchesSchema } from '../schemas/validate.ts';

const read = (path: string): string =>
  readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

function codeBlocks(markdown: string, language: string): string[] {
  const blocks: string[] = [];
  const fence = new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g');
  for (const match of markdown.matchAll(fence)) blocks.push(match[1]!);
  return blocks;
}

/** The first cells of the Markdown table rows, e.g. "`flags[].start`, `.end`". */
function firstCells(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .map((line) => line.split('|')[1]!.trim());
}

describe('docs/log-format.md', () => {
  const doc = read('docs/log-format.md');
  const csv = codeBlocks(doc, 'csv');
  const json = codeBlocks(doc, 'json');

  it('has CSV and JSON examples that read without a warning, and JSON that fits the schema', () => {
    expect(csv.length).toBeGreaterThan(0);
    expect(json.length).toBeGreaterThan(1);
    for (const text of csv) expect(parseCanonicalCsv(text, 'doc.csv').warnings).toEqual([]);
    for (const text of json) {
      expect(parseCanonicalJson(text, 'doc.json').warnings).toEqual([]);
      assertMatchesSchema('log', JSON.parse(text), 'an example of docs/log-format.md');
    }
  });

  it('shows the same log as CSV and as JSON', () => {
    expect(parseCanonicalJson(json[0]!, 'doc.json').log).toEqual(
      parseCanonicalCsv(csv[0]!, 'doc.csv').log,
    );
  });

  it('describes every day field, profile key and contraception method', () => {
    const cells = firstCells(doc);
    for (const field of ['date', ...DAY_FIELDS]) expect(cells, field).toContain(`\`${field}\``);
    for (const key of PROFILE_KEYS) expect(cells, key).toContain(`\`${key}\``);
    for (const method of METHODS) expect(doc, method).toContain(`\`${method}\``);
  });
});

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

/** Every field path of the report schema: `input.files`, `flags[].tier`, … */
function fieldPaths(node: SchemaNode, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = `${prefix}${key}`;
    paths.push(path);
    if (child.properties) paths.push(...fieldPaths(child, `${path}.`));
    if (child.items?.properties) paths.push(...fieldPaths(child.items, `${path}[].`));
  }
  return paths;
}

describe('docs/report-format.md', () => {
  const doc = read('docs/report-format.md');
  const schema = JSON.parse(read('schemas/report.schema.json')) as SchemaNode;

  it('has a report example and a batch error line that fit their schemas', () => {
    const [report, errorLine] = codeBlocks(doc, 'json');
    assertMatchesSchema('report', JSON.parse(report!), 'the example of docs/report-format.md');
    assertMatchesSchema('batchLine', JSON.parse(errorLine!), 'the batch example');
  });

  it('describes every field of the report schema', () => {
    const cells = firstCells(doc);
    for (const path of fieldPaths(schema)) {
      const dot = path.lastIndexOf('.');
      const [parent, key] = dot === -1 ? ['', path] : [path.slice(0, dot), path.slice(dot + 1)];
      const described = cells.some((cell) =>
        parent === ''
          ? cell === `\`${key}\``
          : cell.startsWith(`\`${parent}.${key}\``) ||
            (cell.startsWith(`\`${parent}.`) && cell.includes(`\`.${key}\``)),
      );
      expect(described, `docs/report-format.md does not describe ${path}`).toBe(true);
    }
  });

  it('lists every exit status', () => {
    const cells = firstCells(doc);
    for (const code of Object.values(EXIT)) expect(cells, String(code)).toContain(String(code));
  });
});
