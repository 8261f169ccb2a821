import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkJsonOutput } from '../schemas/validate.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/cyclecheck.js', import.meta.url));

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A scrubbed environment without colour, for every process these tests start. */
export const CLI_ENV = { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC' };

/** Runs the BUILT binary (npm test builds first) with a scrubbed environment and no colour. */
export function runCli(
  args: string[],
  options: { env?: Record<string, string>; input?: string } = {},
): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...CLI_ENV, ...options.env },
    timeout: 30_000,
  });
  checkJsonOutput(args, result.status, result.stdout);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
