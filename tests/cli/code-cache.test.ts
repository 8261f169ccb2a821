/**
 * bin/load-bundle.cjs starts the CLI from dist/cli.cjs with the V8 code cache the build wrote.
 * The cache must be one this Node accepts (or start-up silently loses its speed), and a missing,
 * stale or damaged cache must change nothing but speed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ENV, ROOT, runCli } from './helpers.ts';

const EXAMPLE = join(ROOT, 'fixtures', 'example-log.csv');

function run(bin: string, args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: ROOT,
    env: CLI_ENV,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of bin/ and dist/ whose cache the test can remove or spoil. */
const copies: string[] = [];
function copyOfBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cyclecheck-cache-'));
  copies.push(dir);
  cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  return dir;
}
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe('the code cache', () => {
  it('is accepted by the Node that runs the tests (the one that built it)', () => {
    const probe = spawnSync(
      process.execPath,
      [
        '-e',
        "const l = require('./bin/load-bundle.cjs').loadBundle('cli'); console.log(JSON.stringify({ cacheUsed: l.cacheUsed, runCli: typeof l.exports.runCli }))",
      ],
      { cwd: ROOT, env: CLI_ENV, encoding: 'utf8' },
    );
    expect(probe.stderr).toBe('');
    expect(JSON.parse(probe.stdout)).toEqual({ cacheUsed: true, runCli: 'function' });
  });

  const expected = runCli(['analyze', EXAMPLE]);

  it.each([
    ['missing', (cache: string) => rmSync(cache)],
    ['damaged', (cache: string) => writeFileSync(cache, Buffer.alloc(4096, 7))],
    ['empty', (cache: string) => writeFileSync(cache, '')],
  ])('when it is %s, the CLI prints the same report', (_what, spoil) => {
    const dir = copyOfBuild();
    spoil(join(dir, 'dist', 'cli.cjs.cache'));
    const result = run(join(dir, 'bin', 'cyclecheck.js'), ['analyze', EXAMPLE]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected.stdout);
    expect(expected.stdout).toContain('Bleeding after sex');
  });

  it('when it belongs to another bundle, V8 rejects it and the CLI still works', () => {
    const dir = copyOfBuild();
    const bundle = join(dir, 'dist', 'cli.cjs');
    // A changed bundle (here: one more line) must not run with the old bytecode.
    writeFileSync(bundle, `${readFileSync(bundle, 'latin1')}\n// changed\n`, 'latin1');
    const probe = spawnSync(
      process.execPath,
      [
        '-e',
        `console.log(require(${JSON.stringify(join(dir, 'bin', 'load-bundle.cjs'))}).loadBundle('cli').cacheUsed)`,
      ],
      { env: CLI_ENV, encoding: 'utf8' },
    );
    expect(probe.stdout.trim()).toBe('false');
    const result = run(join(dir, 'bin', 'cyclecheck.js'), ['analyze', EXAMPLE]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected.stdout);
  });

  it('made for another V8 (here: other flags, as another Node version would be), it is ignored silently', () => {
    const args = ['--no-opt', join(ROOT, 'bin', 'cyclecheck.js'), 'analyze', EXAMPLE];
    const probe = spawnSync(
      process.execPath,
      [
        '--no-opt',
        '-e',
        "console.log(require('./bin/load-bundle.cjs').loadBundle('cli').cacheUsed)",
      ],
      { cwd: ROOT, env: CLI_ENV, encoding: 'utf8' },
    );
    expect([probe.stdout, probe.stderr]).toEqual(['false\n', '']);
    const result = spawnSync(process.execPath, args, { cwd: ROOT, env: CLI_ENV, encoding: 'utf8' });
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toBe(expected.stdout);
  });
});
