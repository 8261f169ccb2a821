// Bundles src/ into dist/ with esbuild, then writes V8's code cache for the CLI bundles.
//
// Start-up is most of what a typical run costs, so the layout serves it: one CommonJS bundle per
// entry point, loaded by bin/load-bundle.cjs together with a code cache (dist/*.cjs.cache) that
// scripts/write-code-cache.cjs makes from warm-up runs.
//   dist/cli.cjs           the CLI. Code that a run does not need is in the file but never
//                          evaluated: every `await import()` in src/ (the prompt library, each
//                          importer, each renderer) stays a lazy module initialiser.
//   dist/cli-help.cjs      the same entry point without the commands' code, for `cyclecheck`,
//                          `--help` and `--version` (bin/cyclecheck.js picks it): a tenth the size.
//   dist/batch-worker.cjs  a batch worker thread.
// See README "Start-up".
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLES = { cli: 'src/cli.ts', 'batch-worker': 'src/batch/worker.ts' };
const HELP_BUNDLE = 'cli-help';

/**
 * commander requires child_process at load time for executable subcommands, which cyclecheck
 * does not have; child_process pulls in dgram and more (~4 ms of every start here). Load it on
 * first use instead. The build fails if commander's source no longer has the line.
 */
const lazyChildProcessInCommander = {
  name: 'lazy-child-process-in-commander',
  setup(builder) {
    const file = `${sep}node_modules${sep}commander${sep}lib${sep}command.js`;
    builder.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      if (!args.path.endsWith(file)) return undefined;
      const eager = "const childProcess = require('node:child_process');";
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(eager)) {
        throw new Error(`${args.path} no longer has the line ${eager}; update scripts/build.mjs`);
      }
      const lazy =
        "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

/** In the help bundle, a command's implementation (src/commands/*) is never imported. */
const withoutCommands = {
  name: 'without-commands',
  setup(builder) {
    builder.onResolve({ filter: /\/commands\/[a-z-]+\.ts$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, namespace: 'no-command' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'no-command' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not in ${HELP_BUNDLE}.cjs`)});`,
      loader: 'js',
    }));
  },
};

/** `import css from './report.css?raw'` (as Vite reads it in tests): the file's text, inlined. */
const rawText = {
  name: 'raw-text',
  setup(builder) {
    builder.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: `${args.resolveDir}${sep}${args.path.slice(0, -'?raw'.length)}`,
      namespace: 'raw-text',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'raw-text' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

const COMMON = {
  absWorkingDir: ROOT,
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  // Escapes non-ASCII in strings; together with the check below the loader may read as latin1.
  charset: 'ascii',
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'import.meta.url': 'importMetaUrl' },
  inject: ['scripts/cjs-import-meta.js'],
};

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({ ...COMMON, entryPoints: BUNDLES, plugins: [lazyChildProcessInCommander, rawText] });
await build({
  ...COMMON,
  entryPoints: { [HELP_BUNDLE]: BUNDLES.cli },
  plugins: [lazyChildProcessInCommander, withoutCommands, rawText],
});

for (const name of [...Object.keys(BUNDLES), HELP_BUNDLE]) {
  const text = await readFile(new URL(`../dist/${name}.cjs`, import.meta.url), 'latin1');
  const at = text.search(/[^\0-\x7f]/);
  if (at !== -1) {
    const context = JSON.stringify(text.slice(Math.max(0, at - 40), at + 10));
    console.error(`build: dist/${name}.cjs is not ASCII at offset ${at}: ${context}`);
    process.exit(1);
  }
}

// Without NODE_OPTIONS: V8 rejects a cache made under other flags, and users run plain `node`.
const env = { ...process.env };
delete env.NODE_OPTIONS;
const cache = spawnSync(process.execPath, ['scripts/write-code-cache.cjs'], {
  cwd: ROOT,
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (cache.status !== 0) {
  console.error('build: could not write the code caches (dist/*.cjs.cache)');
  process.exit(1);
}
