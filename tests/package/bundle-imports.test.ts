/**
 * The installed package depends on nothing: the bundles in dist/ load only Node built-ins, so
 * the libraries they were built from are devDependencies. A package that cannot be bundled (a
 * .wasm file, fonts read at run time) would be a dependency, loaded by name — then it must be
 * listed in package.json `dependencies`, and nothing else may be.
 */
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/helpers.ts';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
};
const BUILTIN = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const bundles = readdirSync(join(ROOT, 'dist')).filter((f) => /\.(c?js)$/.test(f));

/** The package names a bundle loads: require("x"), import("x"), import … from "x". */
function loadedNames(source: string): string[] {
  const names = new Set<string>();
  const patterns = [
    /\brequire\("([^"]+)"\)/g,
    /\bimport\("([^"]+)"\)/g,
    /\bimport\s*[\w$*{}\s,]+?\s*from\s*["']([^"']+)["']/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) names.add(m[1]!);
  return [...names];
}

describe('what the bundles load at run time', () => {
  it('finds the bundles (npm test builds first)', () => {
    expect(bundles).toEqual(
      expect.arrayContaining(['cli.cjs', 'cli-help.cjs', 'batch-worker.cjs', 'index.js']),
    );
  });

  it('is Node built-ins, or a package listed in dependencies', () => {
    const deps = new Set(Object.keys(manifest.dependencies ?? {}));
    const used = new Set<string>();
    for (const bundle of bundles) {
      const names = loadedNames(readFileSync(join(ROOT, 'dist', bundle), 'latin1'));
      // Every bundle reads files; PDFKit's own code names the module without the node: prefix.
      expect(
        names.some((n) => n === 'node:fs' || n === 'fs'),
        bundle,
      ).toBe(true);
      for (const name of names) {
        if (BUILTIN.has(name)) continue;
        const pkg = name.startsWith('@')
          ? name.split('/').slice(0, 2).join('/')
          : name.split('/')[0]!;
        expect(deps.has(pkg), `dist/${bundle} loads ${name}, which is not in dependencies`).toBe(
          true,
        );
        used.add(pkg);
      }
    }
    expect(
      [...deps].filter((d) => !used.has(d)),
      'dependencies no bundle loads',
    ).toEqual([]);
  });
});
