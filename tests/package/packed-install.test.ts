/**
 * What a user gets from `npm pack`: the tarball is installed, offline and with an empty npm
 * cache, globally into an empty prefix and into a project, and used from there — the command
 * (read-only install, nothing written into it at run time) and the library (`import … from
 * 'cyclecheck'`, with its types). One pack per run. The dist/ packed is the one `npm test`
 * built (pretest); the test packs it with --ignore-scripts rather than building again.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/helpers.ts';
import { assertMatchesSchema, checkJsonOutput } from '../schemas/validate.ts';

const VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
const dir = mkdtempSync(join(tmpdir(), 'cyclecheck-packed-'));
const GLOBAL = join(dir, 'global');
const PROJECT = join(dir, 'project');
const INSTALLED = join(GLOBAL, 'lib', 'node_modules', 'cyclecheck');
/** Only PATH and an empty home: no npm_config_* of the `npm test` that runs this. */
const ENV = { PATH: process.env.PATH ?? '', HOME: join(dir, 'home'), NO_COLOR: '1', TZ: 'UTC' };

let packed: { filename: string; files: { path: string }[]; size: number; unpackedSize: number };

function run(command: string, args: string[], cwd = dir): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env: ENV, encoding: 'utf8', timeout: 120_000 });
  if (result.error) throw result.error;
  return result;
}

function npm(args: string[], cwd = dir): string {
  const result = run(
    'npm',
    [...args, '--offline', '--cache', join(dir, 'cache'), '--no-audit', '--no-fund'],
    cwd,
  );
  expect(result.status, `npm ${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/** Every file of a tree with its size and modification time. */
function snapshot(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true }).map((entry) => {
    const path = join(entry.parentPath, entry.name);
    const info = statSync(path);
    return `${relative(root, path)} ${info.size} ${info.mtimeMs}`;
  });
}

beforeAll(() => {
  mkdirSync(ENV.HOME);
  mkdirSync(PROJECT);
  writeFileSync(
    join(PROJECT, 'package.json'),
    '{ "name": "study", "private": true, "type": "module" }\n',
  );
  const out = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT);
  packed = (JSON.parse(out) as (typeof packed)[])[0]!;
  const tarball = join(dir, packed.filename);
  npm(['install', '--global', '--prefix', GLOBAL, tarball]);
  npm(['install', tarball], PROJECT);
  // A system-wide install: nothing in it is writable (as root the snapshot below still proves it).
  expect(run('chmod', ['-R', 'a-w', GLOBAL]).status).toBe(0);
}, 180_000);

afterAll(() => {
  run('chmod', ['-R', 'u+w', dir]);
  rmSync(dir, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds exactly what a user needs: no sources, tests, scripts or source maps', () => {
    const files = packed.files.map((f) => f.path).sort();
    expect(files.filter((f) => !/^(bin|dist|docs|schemas|types)\//.test(f))).toEqual([
      'LICENSE',
      'README.md',
      'fixtures/example-log.csv',
      'package.json',
    ]);
    expect(files.filter((f) => f.startsWith('dist/'))).toEqual([
      'dist/THIRD-PARTY-LICENSES.txt',
      'dist/batch-worker.cjs',
      'dist/cli-help.cjs',
      'dist/cli-help.cjs.cache',
      'dist/cli.cjs',
      'dist/cli.cjs.cache',
      'dist/fonts/NotoSans-Bold.ttf',
      'dist/fonts/NotoSans-Regular.ttf',
      'dist/fonts/OFL.txt',
      'dist/index.js',
      'dist/pdf.cjs',
    ]);
    expect(files).toContain('types/index.d.ts');
    expect(files).toContain('schemas/report.schema.json');
    expect(files).toContain('docs/rules.md');
    expect(
      files.filter((f) => f.endsWith('.map') || (f.endsWith('.ts') && !f.endsWith('.d.ts'))),
    ).toEqual([]);
  });

  it('depends on nothing: it installed offline from an empty cache', () => {
    const manifest = JSON.parse(readFileSync(join(INSTALLED, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest.dependencies).toBeUndefined();
    expect(readdirSync(join(INSTALLED))).not.toContain('node_modules');
  });
});

describe('the installed command, in a read-only prefix', () => {
  const BIN = join(GLOBAL, 'bin', 'cyclecheck');
  const EXAMPLE = join(INSTALLED, 'fixtures', 'example-log.csv');

  it('--version prints the version, --help and interview --help print help, no stderr', () => {
    const version = run(BIN, ['--version']);
    expect([version.status, version.stdout, version.stderr]).toEqual([0, `${VERSION}\n`, '']);
    for (const args of [['--help'], ['interview', '--help']]) {
      const help = run(BIN, args);
      expect([help.status, help.stderr], args.join(' ')).toEqual([0, '']);
      expect(help.stdout).toContain('Usage: cyclecheck');
    }
  });

  it('analyzes the bundled example as text and as JSON, writing nothing into the package', () => {
    const before = snapshot(GLOBAL);
    const text = run(BIN, ['analyze', EXAMPLE]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('Bleeding after sex');
    const json = run(BIN, ['analyze', EXAMPLE, '--json']);
    expect(json.status, json.stderr).toBe(0);
    checkJsonOutput(['analyze', EXAMPLE, '--json'], json.status, json.stdout);
    expect((JSON.parse(json.stdout) as { flags: unknown[] }).flags.length).toBeGreaterThan(0);
    // The PDF renderer and its fonts ship in dist/: a PDF comes out of the installed package.
    const pdf = run(BIN, ['analyze', EXAMPLE, '--to', 'pdf']);
    expect(pdf.status, pdf.stderr).toBe(0);
    expect(pdf.stdout.startsWith('%PDF-')).toBe(true);
    expect(text.stderr + json.stderr + pdf.stderr).not.toMatch(/warning|Error|at .*\.cjs/i);
    expect(snapshot(GLOBAL)).toEqual(before);
  });
});

describe('the library, imported from the installed package', () => {
  it('returns the report --json prints, and throws the CLI’s errors as objects', () => {
    const example = join(PROJECT, 'node_modules', 'cyclecheck', 'fixtures', 'example-log.csv');
    writeFileSync(
      join(PROJECT, 'study.js'),
      `import { analyzeFile, analyzeLog, readLog, InputError } from 'cyclecheck';
const report = await analyzeFile(${JSON.stringify(example)});
const log = await readLog({ name: 'mem.csv', content: 'date,bleeding,sex\\n2025-03-12,spotting,yes\\n' });
const fromMemory = analyzeLog(log, { profile: { age: 30 } });
let error;
try { await readLog({ name: 'bad.csv', content: 'date,bleeding\\n2025-03-12,lots\\n' }); } catch (e) { error = e; }
console.log(JSON.stringify({ report, fromMemory, error: { isInputError: error instanceof InputError, exitCode: error.exitCode, message: error.message } }));
`,
    );
    const result = run(process.execPath, ['study.js'], PROJECT);
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout) as {
      report: unknown;
      fromMemory: { age: number; flags: { rule: string }[] };
      error: unknown;
    };
    const cli = run(join(GLOBAL, 'bin', 'cyclecheck'), ['analyze', example, '--json']);
    expect(out.report).toEqual(JSON.parse(cli.stdout));
    assertMatchesSchema('report', out.fromMemory);
    expect(out.fromMemory.age).toBe(30);
    expect(out.fromMemory.flags.map((f) => f.rule)).toContain('postcoital-bleeding');
    expect(out.error).toEqual({
      isInputError: true,
      exitCode: 65,
      message: 'bad.csv:2:2: bleeding: "lots" is not one of none, spotting, light, medium, heavy',
    });
  });

  it('has types that a strict TypeScript project resolves through `exports`', () => {
    const check = (source: string): string[] => {
      const file = join(PROJECT, 'check.ts');
      writeFileSync(file, source);
      const program = ts.createProgram([file], {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        // Checks types/index.d.ts itself; the standard library's files are taken as they are.
        skipLibCheck: false,
        skipDefaultLibCheck: true,
        lib: ['lib.es2022.d.ts'],
        types: [],
      });
      return ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    };
    const ok = `import { analyzeFile, type Report, type Tier } from 'cyclecheck';
const report: Report = await analyzeFile('log.csv', { profile: { age: 34 } });
const tiers: Tier[] = report.flags.map((flag) => flag.tier);
export { tiers };
`;
    expect(check(ok)).toEqual([]);
    expect(
      check(`${ok}export const wrong: number = report.flags[0]?.summary;\n`).join('\n'),
    ).toMatch(/not assignable to type 'number'/);
  });
});
