/**
 * Privacy guarantees: no module opens a network connection, and what the tool writes is
 * private (mode 0600) and atomic.
 *
 * The runtime proof runs every command of the BUILT binary with a preload (no-network.mjs) that
 * replaces each network entry point of Node — net, tls, http(s), http2, dgram, dns, fetch — with
 * a function that reports the attempt and throws, and checks that no attempt was made in the
 * main thread or in batch's worker threads. The static proof reads every source file and the
 * built bundle (dependencies included) for network modules.
 */
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, makeTempDir, mapLimit, ROOT, runBin, type RunResult } from './helpers.ts';

const GUARD = fileURLToPath(new URL('./no-network.mjs', import.meta.url));
const MARKER = 'CYCLECHECK-NETWORK-ATTEMPT';

const temp = makeTempDir();
afterAll(temp.cleanup);
const out = (name: string): string => join(temp.dir, name);

const batchDir = join(temp.dir, 'logs');

/** Every command a person can run, each in the modes that load different code. */
const COMMANDS: { name: string; args: string[]; exit: number }[] = [
  { name: 'help', args: ['--help'], exit: 0 },
  {
    name: 'analyze (text)',
    args: ['analyze', 'fixtures/example-log.csv', '--explain', '--calendar'],
    exit: 0,
  },
  { name: 'analyze --json', args: ['analyze', 'fixtures/example-log.csv', '--json'], exit: 0 },
  {
    name: 'analyze markdown to a file',
    args: ['analyze', 'fixtures/example-log.csv', '--to', 'markdown', '-o', out('report.md')],
    exit: 0,
  },
  {
    name: 'analyze html to a file',
    args: ['analyze', 'fixtures/example-log.csv', '--to', 'html', '-o', out('report.html')],
    exit: 0,
  },
  {
    name: 'analyze Apple Health zip, merged with a drip export',
    args: ['analyze', '--merge', 'fixtures/apple/export.zip', 'fixtures/imports/drip-data.csv'],
    exit: 0,
  },
  {
    name: 'analyze every app format',
    args: [
      'analyze',
      'fixtures/imports/clue-measurements.json',
      'fixtures/imports/mensinator.json',
      'fixtures/imports/Periodical-backup.json.gz',
      'fixtures/imports/flo.json',
      '--json',
    ],
    exit: 0,
  },
  {
    name: 'analyze a bad file',
    args: ['analyze', 'fixtures/bad/canonical/bad-date.csv'],
    exit: 65,
  },
  { name: 'convert to CSV', args: ['convert', 'fixtures/apple/export.xml'], exit: 0 },
  {
    name: 'convert to JSON in a file',
    args: ['convert', 'fixtures/imports/drip-data.csv', '-o', out('log.json')],
    exit: 0,
  },
  { name: 'formats', args: ['formats'], exit: 0 },
  { name: 'rules', args: ['rules'], exit: 0 },
  { name: 'rules ID', args: ['rules', 'postcoital-bleeding'], exit: 0 },
  {
    name: 'batch --json, two workers',
    args: ['batch', batchDir, '--json', '--jobs', '2'],
    exit: 65,
  },
  { name: 'batch summary', args: ['batch', batchDir, '--jobs', '2'], exit: 65 },
  {
    name: 'batch HTML documents',
    args: ['batch', batchDir, '--to', 'html', '-o', out('documents')],
    exit: 65,
  },
  {
    name: 'batch CSV summary to a file',
    args: ['batch', batchDir, '--to', 'csv', '-o', out('summary.csv')],
    exit: 65,
  },
  { name: 'interview without a terminal', args: ['interview'], exit: 2 },
];

const runs = new Map<string, { result: RunResult; log: string }>();

beforeAll(async () => {
  mkdirSync(join(batchDir, 'nested'), { recursive: true });
  for (const file of [
    'fixtures/example-log.csv',
    'fixtures/imports/drip-data.csv',
    'fixtures/imports/clue-measurements.json',
    'fixtures/apple/export.zip',
  ]) {
    copyFileSync(join(ROOT, file), join(batchDir, file.split('/').pop()!));
  }
  copyFileSync(join(ROOT, 'fixtures/bad/canonical/bad-date.csv'), join(batchDir, 'nested/bad.csv'));
  await mapLimit(COMMANDS, 2, async (command) => {
    const log = out(`guard-${COMMANDS.indexOf(command)}.log`);
    writeFileSync(log, '');
    const result = await runBin(command.args, {
      nodeOptions: `--import=${GUARD}`,
      env: { CC_NETGUARD_LOG: log },
    });
    runs.set(command.name, { result, log: readFileSync(log, 'utf8') });
  });
}, 120_000);

describe('no network, at run time', () => {
  it('the guard catches a connection attempt (it is not a no-op)', () => {
    const script = `
      const attempts = [
        () => fetch('http://127.0.0.1:9/'),
        () => require('node:net').connect(9, '127.0.0.1'),
        () => require('node:dns').lookup('example.org', () => {}),
        () => require('node:https').get('https://example.org/'),
      ];
      for (const attempt of attempts) { try { attempt(); } catch {} }`;
    const result = spawnSync(process.execPath, ['--import', GUARD, '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    for (const what of ['fetch', 'net.connect', 'dns.lookup', 'https.get']) {
      expect(result.stderr).toContain(`${MARKER}: ${what}`);
    }
  });

  it.each(COMMANDS)('$name: no attempt', ({ name, exit }) => {
    const { result, log } = runs.get(name)!;
    expect(result.timedOut).toBe(false);
    expect(result.code, result.stderr.slice(0, 1000)).toBe(exit);
    expect(result.stderr).not.toContain(MARKER);
    expect(log).not.toContain(MARKER);
    expect(log).toContain('guard loaded');
  });

  it('the guard was active in batch worker threads too', () => {
    const { log } = runs.get('batch --json, two workers')!;
    const threads = new Set(
      [...log.matchAll(/guard loaded \(pid \d+, thread (\d+)\)/g)].map((m) => m[1]),
    );
    expect(threads.has('0')).toBe(true);
    expect(threads.size).toBeGreaterThan(1);
  });
});

describe('no network, in the code', () => {
  const NETWORK_MODULE =
    /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"](?:node:)?(?:net|tls|http|https|http2|dns|dns\/promises|dgram)['"]/;
  const NETWORK_GLOBAL = /\b(?:fetch|XMLHttpRequest|WebSocket|EventSource)\s*\(/;

  function filesUnder(dir: string, ext: RegExp): string[] {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && ext.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));
  }

  it('no source file imports a network module or calls fetch', () => {
    const files = filesUnder(join(ROOT, 'src'), /\.ts$/);
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(NETWORK_MODULE);
      expect(text, file).not.toMatch(NETWORK_GLOBAL);
    }
  });

  it('nor does the built bundle, dependencies included', () => {
    const dist = join(dirname(BIN), '../dist');
    const files = filesUnder(dist, /\.c?js$/);
    expect(files.map((file) => basename(file)).sort()).toEqual([
      'batch-worker.cjs',
      'cli-help.cjs',
      'cli.cjs',
      'index.js',
      'pdf.cjs',
    ]);
    for (const file of [...files, ...filesUnder(dirname(BIN), /\.c?js$/)]) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(NETWORK_MODULE);
      expect(text, file).not.toMatch(NETWORK_GLOBAL);
    }
  });

  it('the package declares no runtime dependency: the libraries are inside the scanned bundle', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(Object.keys(pkg.devDependencies)).toEqual(
      expect.arrayContaining(['@inquirer/prompts', 'chalk', 'commander', 'csv-parse', 'yauzl']),
    );
  });
});

describe('files the tool writes', () => {
  it.each([
    ['a report written with -o', 'report.md'],
    ['an HTML report', 'report.html'],
    ['a converted log', 'log.json'],
  ])('%s is private (mode 0600)', (_what, name) => {
    expect(statSync(out(name)).mode & 0o777).toBe(0o600);
  });

  it('batch documents are private too, in a private folder', () => {
    const documents = readdirSync(out('documents'), { recursive: true, withFileTypes: true });
    const files = documents.filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(2);
    for (const entry of files) {
      expect(statSync(join(entry.parentPath, entry.name)).mode & 0o777).toBe(0o600);
    }
    expect(statSync(out('documents')).mode & 0o777).toBe(0o700);
    expect(statSync(out('summary.csv')).mode & 0o777).toBe(0o600);
  });

  it('leaves no temporary files behind', () => {
    expect(readdirSync(temp.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to overwrite without --force, and keeps the old content', async () => {
    const target = out('keep.md');
    writeFileSync(target, 'old content\n');
    const result = await runBin(['analyze', 'fixtures/example-log.csv', '-o', target]);
    expect(result.code).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('old content\n');
  });
});
