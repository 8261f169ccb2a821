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
//   dist/pdf.cjs           the PDF renderer and PDFKit (about 1.2 MB), required only by --to pdf;
//                          its fonts are copied to dist/fonts/ (a bundle cannot hold them).
// See README "Start-up".
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
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

/**
 * The PDF renderer is a bundle of its own: in dist/cli.cjs it would nearly triple the file every
 * run reads. `await import('…/render/pdf/format-pdf.ts')` becomes a require of dist/pdf.cjs.
 */
const PDF_ENTRY = 'src/render/pdf/format-pdf.ts';
const pdfInItsOwnBundle = {
  name: 'pdf-in-its-own-bundle',
  setup(builder) {
    builder.onResolve({ filter: /[\\/]render[\\/]pdf[\\/]format-pdf\.ts$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, namespace: 'pdf-bundle' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'pdf-bundle' }, () => ({
      contents: "module.exports = require(require('node:path').join(__dirname, 'pdf.cjs'));",
      loader: 'js',
    }));
  },
};

/** The fonts the PDF embeds, and their licence (SIL OFL 1.1 asks that it travel with them). */
const PDF_FONTS = {
  'NotoSans-Regular.ttf': '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  'NotoSans-Bold.ttf': '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  'OFL.txt': '@expo-google-fonts/noto-sans/LICENSE_FONT',
};

async function copyPdfFonts() {
  const require = createRequire(import.meta.url);
  await mkdir(new URL('../dist/fonts', import.meta.url), { recursive: true });
  for (const [name, from] of Object.entries(PDF_FONTS)) {
    await copyFile(require.resolve(from), new URL(`../dist/fonts/${name}`, import.meta.url));
  }
}

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
await build({
  ...COMMON,
  entryPoints: BUNDLES,
  plugins: [lazyChildProcessInCommander, pdfInItsOwnBundle],
});
// No source map: it would be 3 MB, nearly all of it PDFKit's and fontkit's; names are kept anyway.
await build({ ...COMMON, entryPoints: { pdf: PDF_ENTRY }, sourcemap: false });
await copyPdfFonts();
await build({
  ...COMMON,
  entryPoints: { [HELP_BUNDLE]: BUNDLES.cli },
  plugins: [lazyChildProcessInCommander, withoutCommands],
});

for (const name of [...Object.keys(BUNDLES), HELP_BUNDLE, 'pdf']) {
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
