/**
 * vitest globalSetup: the end-to-end tests spawn the BUILT bin/ (dist/), so a dist/ older than
 * its sources would test old code and pass. `npm test` builds first (pretest); a test file run
 * directly after changing src/ gets a build here. A fresh dist/ costs one walk of src/.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** What the bundles are made from (scripts/build.mjs). */
const SOURCES = [
  'src',
  'scripts/build.mjs',
  'scripts/cjs-import-meta.js',
  'scripts/write-code-cache.cjs',
  'package-lock.json',
];
/** Every file the build writes and the tests run. */
const BUNDLES = ['cli.cjs', 'cli-help.cjs', 'batch-worker.cjs'];

/** Files only: a folder's time changes with editors' temporary files, not with the code. */
function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

function oldestBundle(root: string): number | undefined {
  try {
    return Math.min(...BUNDLES.map((name) => statSync(join(root, 'dist', name)).mtimeMs));
  } catch {
    return undefined;
  }
}

/** Why dist/ cannot be tested as it is, or undefined when it is newer than all its sources. */
export function describeStaleBuild(root = ROOT): string | undefined {
  const built = oldestBundle(root);
  if (built === undefined) return 'dist/ is missing or incomplete';
  const changed = Math.max(...SOURCES.map((path) => newestChange(join(root, path))));
  return changed > built ? 'dist/ is older than its sources (src/, scripts/build.mjs…)' : undefined;
}

export const BUILD_SOURCES = SOURCES;
export const BUILT_BUNDLES = BUNDLES;

export default function buildIfStale(): void {
  const stale = describeStaleBuild();
  if (stale === undefined) return;
  process.stderr.write(`${stale}: running npm run build before the tests\n`);
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const still = describeStaleBuild();
  if (build.status !== 0 || still !== undefined) {
    throw new Error(`${still ?? 'the build failed'}: run npm run build, then the tests again`);
  }
}
