/** A clone run before `npm run build` (or `npx` of one) says what to do, without a stack trace. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { CLI_ENV, ROOT } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'cyclecheck-unbuilt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it.each([['--version'], ['analyze', 'fixtures/example-log.csv']])(
  'without dist/, `cyclecheck %s` exits 70 with one line saying to build',
  (...args) => {
    cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
    const result = spawnSync(process.execPath, [join(dir, 'bin', 'cyclecheck.js'), ...args], {
      cwd: ROOT,
      env: CLI_ENV,
      encoding: 'utf8',
    });
    expect([result.status, result.stdout, result.stderr]).toEqual([
      70,
      '',
      'cyclecheck is not built: run npm run build\n',
    ]);
  },
);
