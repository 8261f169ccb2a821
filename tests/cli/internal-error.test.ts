/**
 * Exit 70 (README): an internal error prints a short message and a pointer to --debug,
 * and the stack only with --debug. A real bug is needed to see it, so src/cli.ts has a test-only
 * fault (throwTestFault): it fires only when CYCLECHECK_TEST_FAULT is set AND the file
 * TEST-ONLY-FAULT sits beside the bundle. The build never writes that file, so these tests run
 * the built bin/ from a copy of bin/ and dist/ that has it; the real dist/ is never touched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, CLI_ENV, ROOT } from './helpers.ts';

const EXAMPLE = join(ROOT, 'fixtures', 'example-log.csv');
const FAULT = { CYCLECHECK_TEST_FAULT: '1' };
const STACK_LINE = /^ {4}at /m;

let copy: string;
beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'cyclecheck-fault-'));
  cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
  writeFileSync(join(copy, 'dist', 'TEST-ONLY-FAULT'), '');
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function run(bin: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: ROOT,
    env: { ...CLI_ENV, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('an internal error through bin/', () => {
  it('exits 70 with a short message and a pointer to --debug, and no stack', () => {
    const result = run(join(copy, 'bin', 'cyclecheck.js'), ['analyze', EXAMPLE], FAULT);
    expect(result.status).toBe(70);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'cyclecheck: internal error: test fault\n' +
        'This is a bug in cyclecheck. Run again with --debug for details.\n',
    );
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('with --debug, exits 70 and prints the stack instead of the pointer', () => {
    const result = run(join(copy, 'bin', 'cyclecheck.js'), ['--debug', 'analyze', EXAMPLE], FAULT);
    expect(result.status).toBe(70);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^cyclecheck: internal error: test fault\nError: test fault\n/);
    expect(result.stderr).toMatch(STACK_LINE);
    expect(result.stderr).toContain('throwTestFault');
    expect(result.stderr).not.toContain('Run again with --debug');
  });
});

describe('the test fault cannot be reached by users', () => {
  it('the build does not write the file that arms it', () => {
    expect(existsSync(join(ROOT, 'dist', 'TEST-ONLY-FAULT'))).toBe(false);
  });

  it('the variable alone does nothing to the real build', () => {
    const result = run(BIN, ['analyze', EXAMPLE], FAULT);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('the file alone does nothing without the variable', () => {
    const result = run(join(copy, 'bin', 'cyclecheck.js'), ['analyze', EXAMPLE]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
