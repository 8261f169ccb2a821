/**
 * Random mutations of valid files of every format never crash an importer: each mutated file
 * imports (and then analyzes and renders) or is refused with an InputError/MissingInputError.
 * Mutations are byte-level (flip, insert, delete, duplicate, truncate), token-level (a cell or
 * attribute replaced by a hostile value) and, for JSON, structural (a value anywhere replaced by
 * another JSON value). Compressed formats are mutated both inside and outside the compression.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMAT_IDS } from '../../src/importers/registry.ts';
import type { FormatId } from '../../src/log/import-contract.ts';
import { formatCanonicalJson } from '../../src/log/format-canonical.ts';
import { parseCanonicalCsv } from '../../src/log/canonical-csv.ts';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.ts';
import { makeTempDir } from './helpers.ts';
import { checkImport } from './import-outcome.ts';
import { buildZip } from './zip-writer.ts';

const read = (path: string): Buffer => readFileSync(new URL(`../../${path}`, import.meta.url));

const exampleCsv = read('fixtures/example-log.csv');
const exampleJson = Buffer.from(
  formatCanonicalJson(parseCanonicalCsv(exampleCsv.toString('utf8'), 'example-log.csv').log),
);
const appleXml = read('fixtures/apple/export.xml');
const FITBIT = 'fixtures/imports/fitbit/Takeout/Fitbit/Menstrual Health';
const fitbitSymptoms = read(`${FITBIT}/menstrual_health_symptoms.csv`);

interface Seed {
  name: string;
  bytes: Buffer;
  /** How to rebuild the container after mutating the inner text. */
  wrap?: (inner: Buffer) => Buffer;
  inner?: Buffer;
  /** Needs a real file (zip). */
  onDisk?: boolean;
  json?: boolean;
}

const SEEDS: Seed[] = [
  { name: 'example-log.csv', bytes: exampleCsv },
  { name: 'log.json', bytes: exampleJson, json: true },
  { name: 'drip-data.csv', bytes: read('fixtures/imports/drip-data.csv') },
  { name: 'measurements.json', bytes: read('fixtures/imports/clue-measurements.json'), json: true },
  { name: 'mensinator.json', bytes: read('fixtures/imports/mensinator.json'), json: true },
  {
    name: 'Periodical-backup.json',
    bytes: read('fixtures/imports/Periodical-backup.json'),
    json: true,
  },
  {
    name: 'Periodical-backup.json.gz',
    bytes: read('fixtures/imports/Periodical-backup.json.gz'),
    inner: read('fixtures/imports/Periodical-backup.json'),
    wrap: (inner) => gzipSync(inner),
    json: true,
  },
  { name: 'flo.json', bytes: read('fixtures/imports/flo.json'), json: true },
  { name: 'export.xml', bytes: appleXml },
  {
    name: 'export.zip',
    bytes: read('fixtures/apple/export.zip'),
    inner: appleXml,
    wrap: (inner) => buildZip([{ name: 'apple_health_export/export.xml', data: inner }]),
    onDisk: true,
  },
  {
    name: 'health_connect_export.db',
    bytes: read('fixtures/imports/health_connect_export.db'),
    onDisk: true,
  },
  {
    name: 'Health Connect.zip',
    bytes: read('fixtures/imports/Health Connect.zip'),
    inner: read('fixtures/imports/health_connect_export.db'),
    wrap: (inner) => buildZip([{ name: 'health_connect_export.db', data: inner }]),
    onDisk: true,
  },
  { name: 'menstrual_health_symptoms.csv', bytes: read(`${FITBIT}/menstrual_health_symptoms.csv`) },
  { name: 'menstrual_health_cycles.csv', bytes: read(`${FITBIT}/menstrual_health_cycles.csv`) },
  {
    name: 'takeout-fitbit.zip',
    bytes: buildZip([
      {
        name: 'Takeout/Fitbit/Menstrual Health/menstrual_health_symptoms.csv',
        data: fitbitSymptoms,
      },
    ]),
    inner: fitbitSymptoms,
    wrap: (inner) =>
      buildZip([
        { name: 'Takeout/Fitbit/Menstrual Health/menstrual_health_symptoms.csv', data: inner },
      ]),
    onDisk: true,
  },
  {
    name: 'ClueBackup-2024-06-30.cluedata',
    bytes: read('fixtures/imports/ClueBackup-2024-06-30.cluedata'),
    json: true,
  },
  {
    name: 'clue-download.zip',
    bytes: read('fixtures/imports/clue-download.zip'),
    inner: read('fixtures/imports/clue-measurements.json'),
    wrap: (inner) => buildZip([{ name: 'clue_data/measurements.json', data: inner }]),
    onDisk: true,
  },
];

/** Values that have broken parsers before: dates that do not exist, absurd numbers, prototype
 * keys, escapes, separators, XML entities. */
const HOSTILE_TOKENS = [
  '',
  '"',
  ',',
  ';',
  '\n',
  '\r',
  '\t',
  '{',
  '}',
  '[',
  ']',
  ':',
  '<',
  '>',
  '&',
  '&lol;',
  '&#0;',
  '&#x1b;',
  ']]>',
  '<!ENTITY x SYSTEM "file:///etc/passwd">',
  '-1',
  '0',
  '-0',
  '1e999',
  '-1e999',
  'NaN',
  'Infinity',
  '99999999999999999999',
  '4.2',
  '2025-02-30',
  '2025-02-29',
  '2024-02-29',
  '0000-01-01',
  '9999-12-31',
  '275760-09-13',
  '1900-01-01',
  '20250230',
  '00000000',
  '2025-01-01 25:61:00 +9999',
  '2025-01-01 10:00:00 -1400',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  'true',
  'false',
  '""',
  '"__proto__"',
  '\u0000',
  '\u001b[31m',
  '\u001b]8;;http://x\u0007',
  '\u202e',
  '\ufeff',
  '\ud800',
  'heavy',
  'spotting',
  'yes',
  'x'.repeat(5000),
];

const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TOKENS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: -1e6, max: 1e6 }).map(String) },
);

type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; to: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'token'; at: number; token: string };

/** A relative position in [0, 1), uniform: fast-check's default bias would favour the start. */
const position = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: position,
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: position,
    length: fc.integer({ min: 1, max: 64 }),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: position,
    length: fc.integer({ min: 1, max: 400 }),
    to: position,
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('token' as const), at: position, token }),
);

/** Separators between the "tokens" of CSV, JSON and XML text. */
const SEPARATOR = /[,;\n"{}[\]:<>= \t]/;

function applyMutation(bytes: Buffer, m: Mutation): Buffer {
  const at = Math.floor(m.at * (bytes.length + 1));
  switch (m.kind) {
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const copy = Buffer.from(bytes);
      copy[Math.min(at, copy.length - 1)] = m.byte;
      return copy;
    }
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
    case 'delete':
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
    case 'duplicate': {
      const piece = bytes.subarray(at, at + m.length);
      const to = Math.floor(m.to * (bytes.length + 1));
      return Buffer.concat([bytes.subarray(0, to), piece, bytes.subarray(to)]);
    }
    case 'truncate':
      return bytes.subarray(0, at);
    case 'token': {
      // Replace the run of non-separator characters around `at` (a cell, a value, a word).
      const text = bytes.toString('latin1');
      let start = Math.min(at, text.length);
      while (start > 0 && !SEPARATOR.test(text[start - 1]!)) start--;
      let end = start;
      while (end < text.length && !SEPARATOR.test(text[end]!)) end++;
      return Buffer.concat([
        bytes.subarray(0, start),
        Buffer.from(m.token, 'utf8'),
        bytes.subarray(end),
      ]);
    }
  }
}

const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

const replacement: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TOKENS) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53, 0.5, 1e-7) },
  { weight: 1, arbitrary: fc.constantFrom({}, [], null, { option: '__proto__' }, [{}]) },
);

const forcedFormat = fc.option(fc.constantFrom<FormatId>(...FORMAT_IDS), {
  nil: undefined,
  freq: 2,
});

const temp = makeTempDir();
afterAll(temp.cleanup);

describe('the seeds', () => {
  it.each(SEEDS)('$name imports, analyzes and survives a CSV round trip', async (seed) => {
    const outcome = await checkImport(seed.name, seed.bytes, undefined, temp.dir);
    expect(outcome.kind).toBe('imported');
  });

  it('mutations give both imports and refusals (the properties test both paths)', async () => {
    const seed = SEEDS.find((s) => s.name === 'drip-data.csv')!;
    const kinds = new Set<string>();
    for (const ms of fc.sample(mutations, { numRuns: 60, seed: 1 })) {
      kinds.add(
        (await checkImport(seed.name, ms.reduce(applyMutation, seed.bytes), undefined)).kind,
      );
    }
    expect([...kinds].sort()).toEqual(['imported', 'refused']);
  });
});

describe('mutated files never crash an importer', () => {
  for (const seed of SEEDS) {
    it(
      `${seed.name}: byte and token mutations`,
      async () => {
        await fc.assert(
          fc.asyncProperty(mutations, forcedFormat, async (ms, from) => {
            const bytes = ms.reduce(applyMutation, seed.bytes);
            await checkImport(seed.name, bytes, from, seed.onDisk ? temp.dir : undefined);
          }),
          fuzzParameters(seed.onDisk ? 40 : 80),
        );
      },
      fuzzTimeout(30_000),
    );

    if (seed.wrap !== undefined) {
      it(
        `${seed.name}: mutations inside the compressed content`,
        async () => {
          await fc.assert(
            fc.asyncProperty(mutations, async (ms) => {
              const bytes = seed.wrap!(ms.reduce(applyMutation, seed.inner!));
              await checkImport(seed.name, bytes, undefined, seed.onDisk ? temp.dir : undefined);
            }),
            fuzzParameters(40),
          );
        },
        fuzzTimeout(30_000),
      );
    }

    if (seed.json === true) {
      it(
        `${seed.name}: a value anywhere replaced by another JSON value`,
        async () => {
          const root: unknown = JSON.parse((seed.inner ?? seed.bytes).toString('utf8'));
          await fc.assert(
            fc.asyncProperty(
              fc.array(fc.tuple(position, replacement), { minLength: 1, maxLength: 3 }),
              async (edits) => {
                let value = structuredClone(root);
                for (const [where, next] of edits) value = replaceNode(value, where, next);
                const text = Buffer.from(JSON.stringify(value));
                await checkImport(seed.name, seed.wrap ? seed.wrap(text) : text, undefined);
              },
            ),
            fuzzParameters(80),
          );
        },
        fuzzTimeout(30_000),
      );
    }
  }
});

/** Replaces the node at relative position `where` in a depth-first walk of `root`. */
function replaceNode(root: unknown, where: number, next: unknown): unknown {
  const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach((child, i) => {
        nodes.push({ parent: value, key: i });
        walk(child);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        nodes.push({ parent: value as Record<string, unknown>, key });
        walk(child);
      }
    }
  };
  walk(root);
  if (nodes.length === 0) return structuredClone(next);
  const node = nodes[Math.floor(where * nodes.length)]!;
  (node.parent as Record<string | number, unknown>)[node.key] = structuredClone(next);
  return root;
}
