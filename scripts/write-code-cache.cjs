'use strict';
/**
 * Runs the freshly built CLI bundle through typical commands in this process, then writes V8's
 * code cache for it (dist/cli.cjs.cache), which bin/load-bundle.cjs hands back to V8 at start-up.
 * The cache holds the bytecode of every function these runs compiled, so a later `--help` or
 * `analyze` starts without parsing or compiling them. Called by scripts/build.mjs with stdout
 * discarded; the cache matches the Node that ran the build (V8 rejects it under any other).
 */
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { loadBundle } = require('../bin/load-bundle.cjs');

const ROOT = join(__dirname, '..');
const EXAMPLE = join(ROOT, 'fixtures', 'example-log.csv');
const WARM_RUNS = [['--help'], ['analyze', EXAMPLE], ['analyze', '--json', EXAMPLE]];

async function writeCodeCache() {
  const { exports: cli, script } = loadBundle('cli');
  for (const args of WARM_RUNS) await cli.runCli([process.execPath, 'cyclecheck', ...args]);
  if (process.exitCode !== undefined && process.exitCode !== 0) {
    throw new Error(`a warm-up run exited ${process.exitCode}`);
  }
  writeFileSync(join(ROOT, 'dist', 'cli.cjs.cache'), script.createCachedData());
}

writeCodeCache().catch((error) => {
  console.error(`write-code-cache: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
