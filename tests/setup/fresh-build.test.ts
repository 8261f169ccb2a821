/** The global setup that keeps the end-to-end tests off a stale dist/ (fresh-build.ts). */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_SOURCES, BUILT_BUNDLES, describeStaleBuild } from './fresh-build.ts';

const root = mkdtempSync(join(tmpdir(), 'cyclecheck-stale-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function writeAt(path: string, seconds: number): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), '');
  utimesSync(join(root, path), seconds, seconds);
}

/** A project whose sources were last changed at 1000 s and whose bundles were built at `built`. */
function project(built: number): void {
  for (const source of BUILD_SOURCES) {
    writeAt(source === 'src' ? 'src/core/deep/file.ts' : source, 1000);
  }
  for (const bundle of BUILT_BUNDLES) writeAt(join('dist', bundle), built);
}

describe('describeStaleBuild', () => {
  it('accepts a dist/ built after every source', () => {
    project(1001);
    expect(describeStaleBuild(root)).toBeUndefined();
  });

  it('refuses a dist/ older than a file deep in src/', () => {
    project(1001);
    writeAt('src/core/deep/file.ts', 1002);
    expect(describeStaleBuild(root)).toMatch(/^dist\/ is older than its sources/);
  });

  it('refuses a dist/ older than the build script', () => {
    project(1001);
    writeAt('scripts/build.mjs', 1002);
    expect(describeStaleBuild(root)).toMatch(/^dist\/ is older than its sources/);
  });

  it('refuses a dist/ where one bundle is older than the sources', () => {
    project(1001);
    writeAt('dist/batch-worker.cjs', 999);
    expect(describeStaleBuild(root)).toMatch(/^dist\/ is older than its sources/);
  });

  it('refuses a missing bundle', () => {
    project(1001);
    rmSync(join(root, 'dist', 'cli-help.cjs'));
    expect(describeStaleBuild(root)).toBe('dist/ is missing or incomplete');
  });
});
