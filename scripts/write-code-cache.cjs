'use strict';
/**
 * Runs each freshly built CLI bundle through typical commands in this process, then writes V8's
 * code cache for it (dist/<bundle>.cjs.cache), which bin/load-bundle.cjs hands back to V8 at
 * start-up. A cache holds the bytecode of every function these runs compiled, so a later `--help`
 * or `analyze` starts without parsing or compiling them. Called by scripts/build.mjs with stdout
 * discarded; the caches match the Node that ran the build (V8 rejects them under any other).
 */
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { loadBundle } = require('../bin/load-bundle.cjs');

const ROOT = join(__dirname, '..');
const EXAMPLE = join(ROOT, 'fixtures', 'example-log.csv');
const WARM_RUNS = {
  cli: [['--help'], ['analyze', EXAMPLE], ['analyze', '--json', EXAMPLE]],
  'cli-help': [['--help'], ['--version']],
};

async function writeCodeCache(name, runs) {
  const { exports: cli, script } = loadBundle(name);
  for (const args of runs) await cli.runCli([process.execPath, 'cyclecheck', ...args]);
  if (process.exitCode !== undefined && process.exitCode !== 0) {
    throw new Error(`a warm-up run of ${name} exited ${process.exitCode}`);
  }
  writeFileSync(join(ROOT, 'dist', `${name}.cjs.cache`), script.createCachedData());
}

async function writeCodeCaches() {
  for (const [name, runs] of Object.entries(WARM_RUNS)) await writeCodeCache(name, runs);
}

writeCodeCaches().catch((error) => {
  console.error(`write-code-cache: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
