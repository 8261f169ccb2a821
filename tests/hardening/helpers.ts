/**
 * Shared by the hardening tests: spawning the BUILT binary with bounded time and memory, and the
 * checks every refused input must pass (one line naming the file, no stack trace).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { checkJsonOutput } from '../schemas/validate.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The built binary; CYCLECHECK_TEST_BIN points at another build (e.g. while others rebuild). */
export const BIN =
  process.env.CYCLECHECK_TEST_BIN ??
  fileURLToPath(new URL('../../bin/cyclecheck.js', import.meta.url));

/** Heap limit for every spawned run: a crafted file must not need more. */
export const HEAP_MB = 256;

/** Wall-clock limit for one run on a loaded 2-core machine; a hang is killed and fails. */
export const RUN_TIMEOUT_MS = 30_000;

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds. */
  ms: number;
  timedOut: boolean;
}

export interface RunOptions {
  cwd?: string;
  /** Added to the scrubbed environment (PATH, NO_COLOR=1, TZ=UTC, LANG=C.UTF-8). */
  env?: Record<string, string>;
  input?: string | Buffer;
  timeoutMs?: number;
  /** Extra NODE_OPTIONS, after the heap limit. */
  nodeOptions?: string;
}

/** Runs `node bin/cyclecheck.js …` with a heap limit and a timeout. Never rejects on exit codes. */
export function runBin(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NO_COLOR: '1',
        TZ: 'UTC',
        LANG: 'C.UTF-8',
        ...options.env,
        NODE_OPTIONS: [`--max-old-space-size=${HEAP_MB}`, options.nodeOptions ?? '']
          .join(' ')
          .trim(),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? RUN_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      try {
        checkJsonOutput(args, code, stdout);
      } catch (error) {
        reject(error as Error);
        return;
      }
      resolve({
        code,
        signal,
        stdout,
        stderr: Buffer.concat(err).toString('utf8'),
        ms: performance.now() - started,
        timedOut,
      });
    });
  });
}

/** Runs `tasks` with at most `limit` at a time (the machine has two cores). */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  });
  await Promise.all(workers);
  return results;
}

/** A fresh private temporary folder and a function that removes it. */
export function makeTempDir(prefix = 'cyclecheck-hardening-'): {
  dir: string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const STACK_LINE = /^\s+at\s|node:internal|\.(?:js|ts):\d+:\d+\)?$/m;

/**
 * The contract for a refused input: the exit status, then on stderr exactly one error line,
 * `cyclecheck: FILE<location>: reason`, optionally followed by one hint line; no stack trace.
 * Returns the error line.
 */
export function expectRefused(
  result: RunResult,
  expected: { exit: number; file: string; message?: string },
): string {
  const context = `stderr:\n${result.stderr.slice(0, 2000)}`;
  expect(result.timedOut, `timed out after ${Math.round(result.ms)} ms`).toBe(false);
  expect(result.code, context).toBe(expected.exit);
  expect(result.stderr, context).not.toMatch(STACK_LINE);
  const lines = result.stderr.split('\n').filter((line) => line !== '');
  const errors = lines.filter((line) => line.startsWith('cyclecheck: '));
  expect(errors, context).toHaveLength(1);
  expect(lines.length, context).toBeLessThanOrEqual(2);
  const line = errors[0]!;
  expect(line.startsWith(`cyclecheck: ${expected.file}`), context).toBe(true);
  if (expected.message !== undefined) {
    expect(line.slice('cyclecheck: '.length), context).toBe(expected.message);
  }
  expect(line.length, 'an error line stays readable').toBeLessThan(600);
  return line;
}

/** Text a terminal could be tricked by: escape sequences, carriage returns, bidi overrides. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const UNSAFE_TERMINAL_TEXT = /[\u001b\u009b\r\u202a-\u202e\u2066-\u2069\u0007]/;
