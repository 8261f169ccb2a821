// The static checks of `npm test` (typecheck, lint, unused code, format), run side by side:
// each is one single-threaded process, so on two cores running them together takes about half
// the time of running them one after another. Each check's output is printed whole when it ends
// (never interleaved), and the run fails if any check fails. `npm run typecheck`, `lint`, `knip`
// and `format:check` still run one alone.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

// Each check keeps a cache under node_modules/.cache (so `npm ci` and a clean clone start
// without one): a re-run reads again only the files that changed.
const CACHE = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));

const CHECKS = [
  {
    name: 'typecheck',
    command: BIN('tsc'),
    args: ['--noEmit', '--incremental', '--tsBuildInfoFile', `${CACHE}tsc/tsbuildinfo`],
  },
  {
    name: 'lint',
    command: BIN('eslint'),
    args: ['.', '--cache', '--cache-strategy', 'content', '--cache-location', `${CACHE}eslint/`],
  },
  { name: 'knip', command: BIN('knip'), args: [] },
  {
    name: 'format',
    command: BIN('prettier'),
    // Prettier's own default place (node_modules/.cache/prettier/.prettier-cache): a run without
    // --cache removes the file there, and fails on anything else at that path.
    args: ['--check', '.', '--log-level', 'warn', '--cache'],
  },
];

// None of the checks uses the network: the extra CA bundle each Node start would parse is dropped.
const env = { ...process.env, NODE_EXTRA_CA_CERTS: '' };

function runCheck({ name, command, args }) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd: ROOT, env, shell: process.platform === 'win32' });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolve({ name, ok: false, text: `${error.message}\n`, started }));
    child.on('close', (code) =>
      resolve({ name, ok: code === 0, text: Buffer.concat(output).toString(), started }),
    );
  });
}

const results = await Promise.all(
  CHECKS.map((check) =>
    runCheck(check).then((result) => {
      const seconds = ((Date.now() - result.started) / 1000).toFixed(1);
      process.stdout.write(`${result.ok ? 'ok  ' : 'FAIL'} ${result.name} (${seconds} s)\n`);
      if (!result.ok || result.text.trim() !== '') process.stdout.write(result.text);
      return result;
    }),
  ),
);
const failed = results.filter((r) => !r.ok).map((r) => r.name);
if (failed.length > 0) {
  process.stderr.write(`static checks failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
