/** Help that fits 80 columns, leads with the options people use, and examples that run anywhere. */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { getHelpWidth } from '../../src/cli/help-layout.ts';
import { BIN, CLI_ENV, runCli } from './helpers.ts';

const COMMANDS = [
  [],
  ['analyze'],
  ['batch'],
  ['convert'],
  ['interview'],
  ['rules'],
  ['formats'],
  ['example'],
];

describe('--help at COLUMNS=80', () => {
  it.each(COMMANDS.map((c) => [c.join(' ') || '(program)', c] as const))(
    '%s: every line fits 80 columns, examples name no repository fixture',
    (_name, command) => {
      const result = runCli([...command, '--help'], { env: { COLUMNS: '80' } });
      expect(result.status).toBe(0);
      const long = result.stdout.split('\n').filter((line) => [...line].length > 80);
      expect(long).toEqual([]);
      expect(result.stdout).toContain('Examples:');
      expect(result.stdout).not.toContain('fixtures/');
    },
  );

  it('wider terminals get wider help, never more than 100 columns', () => {
    expect(getHelpWidth({ isTTY: true, columns: 132 }, {})).toBe(100);
    expect(getHelpWidth({ isTTY: true, columns: 60 }, {})).toBe(60);
    expect(getHelpWidth({ isTTY: false }, {})).toBe(80);
    expect(getHelpWidth({ isTTY: true, columns: 132 }, { COLUMNS: '72' })).toBe(72);
  });

  it('lists --to, -o and --calendar before the other options of analyze', () => {
    const help = runCli(['analyze', '--help'], { env: { COLUMNS: '80' } }).stdout;
    const options = help
      .slice(help.indexOf('Options:'))
      .split('\n')
      .filter((l) => /^ {2}-/.test(l));
    expect(options.slice(0, 3).map((l) => l.trim().split(/\s+/)[0])).toEqual([
      '--to',
      '-o,',
      '--calendar',
    ]);
  });
});

describe('the examples in --help', () => {
  // A `cyclecheck` on PATH, as an installed user has, in a folder with nothing in it.
  const bin = mkdtempSync(join(tmpdir(), 'cyclecheck-bin-'));
  writeFileSync(join(bin, 'cyclecheck'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, {
    mode: 0o755,
  });

  it.each([['analyze'], ['batch'], ['convert'], ['example'], ['rules'], ['formats']])(
    '%s: every example runs, in order, from an empty folder',
    (command) => {
      const help = runCli([command, '--help']).stdout;
      const examples = help
        .split('\n')
        .filter((line) => line.startsWith('  $ cyclecheck '))
        .map((line) => line.slice('  $ '.length));
      expect(examples.length).toBeGreaterThan(1);
      const cwd = mkdtempSync(join(tmpdir(), 'cyclecheck-examples-'));
      for (const example of examples) {
        const result = spawnSync('sh', ['-c', `${example} > /dev/null`], {
          cwd,
          encoding: 'utf8',
          env: { ...CLI_ENV, PATH: `${bin}:${CLI_ENV.PATH}` },
        });
        expect(result.status, `${example}: ${result.stderr}`).toBe(0);
      }
    },
  );
});

describe('parser usage errors', () => {
  it.each([
    [['analyze', 'x.csv', '--bogus'], "cyclecheck: unknown option '--bogus'"],
    [['analyze'], "cyclecheck: missing required argument 'file'"],
    [['analyze', 'x.csv', '--to', 'doc'], 'cyclecheck: option'],
  ])('%j carries the cyclecheck: prefix, exit 2', (args, start) => {
    const result = runCli(args);
    expect(result.status).toBe(2);
    expect(result.stderr.startsWith(start)).toBe(true);
    expect(result.stderr).not.toMatch(/^error:/m);
  });
});

describe('cyclecheck example', () => {
  it('prints the bundled example log, which analyze reads from stdin', () => {
    const printed = runCli(['example']);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toBe(
      readFileSync(new URL('../../fixtures/example-log.csv', import.meta.url), 'utf8'),
    );
    const analyzed = runCli(['analyze', '-'], { input: printed.stdout });
    expect(analyzed.status).toBe(0);
    expect(analyzed.stdout).toContain('Bleeding after sex');
  });

  it('writes it with -o from any folder (mode 0600), and refuses to overwrite without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cyclecheck-example-'));
    const run = (args: string[]) =>
      spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: CLI_ENV });
    expect(run(['example', '-o', 'example.csv']).status).toBe(0);
    expect(statSync(join(dir, 'example.csv')).mode & 0o777).toBe(0o600);
    expect(run(['example', '-o', 'example.csv']).status).not.toBe(0);
    expect(run(['analyze', 'example.csv', '-o', 'visit.html']).status).toBe(0);
    expect(readFileSync(join(dir, 'visit.html'), 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
  });
});
