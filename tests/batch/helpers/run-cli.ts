import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkJsonOutput } from '../../schemas/validate.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The built binary; CYCLECHECK_TEST_BIN points at another build (e.g. while others rebuild). */
export const BIN =
  process.env.CYCLECHECK_TEST_BIN ??
  fileURLToPath(new URL('../../../bin/cyclecheck.js', import.meta.url));

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the BUILT binary (`npm run build` first), without colour, from the project root. */
export function runCli(args: string[], options: { cwd?: string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', NODE_EXTRA_CA_CERTS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const invalid = attempt(() => checkJsonOutput(args, code, stdout));
      if (invalid) reject(invalid);
      else resolve({ code, signal, stdout, stderr });
    });
  });
}

export function parseLines(ndjson: string): unknown[] {
  return ndjson
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

/** The error `check` throws, or undefined. */
export function attempt(check: () => void): unknown {
  try {
    check();
    return undefined;
  } catch (error) {
    return error;
  }
}
