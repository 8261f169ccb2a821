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
//   dist/index.js          the library (src/api.ts) as one ES module, for `import … from 'cyclecheck'`;
//                          its types are types/index.d.ts.
// Source maps (dist/*.map) are written for developers and not packed: see README "Packaging".
// See README "Start-up".
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
  // External: the packed bundles name no map (the maps are not in the package, see `files`).
  sourcemap: 'external',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'import.meta.url': 'importMetaUrl' },
  inject: ['scripts/cjs-import-meta.js'],
  metafile: true,
};

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
const builds = [];
builds.push(
  await build({
    ...COMMON,
    entryPoints: BUNDLES,
    plugins: [lazyChildProcessInCommander, pdfInItsOwnBundle, rawText],
  }),
);
// No source map: it would be 3 MB, nearly all of it PDFKit's and fontkit's; names are kept anyway.
builds.push(await build({ ...COMMON, entryPoints: { pdf: PDF_ENTRY }, sourcemap: false }));
await copyPdfFonts();
await build({
  ...COMMON,
  entryPoints: { [HELP_BUNDLE]: BUNDLES.cli },
  plugins: [lazyChildProcessInCommander, withoutCommands, rawText],
});

// The library: an ES module, so `import { readLog } from 'cyclecheck'` needs no interop. Bundled
// CommonJS code (yauzl) requires Node built-ins, which an ES module does through createRequire.
builds.push(
  await build({
    ...COMMON,
    entryPoints: { index: 'src/api.ts' },
    outExtension: { '.js': '.js' },
    format: 'esm',
    define: {},
    inject: [],
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    plugins: [lazyChildProcessInCommander, rawText],
  }),
);
await writeThirdPartyLicenses(builds);

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

/**
 * The bundles contain the code of the packages they were built from (commander, chalk, …), whose
 * licences ask that their notices go with every copy: dist/THIRD-PARTY-LICENSES.txt collects the
 * licence file of every package esbuild put into a bundle.
 */
async function writeThirdPartyLicenses(results) {
  const packages = new Set();
  for (const result of results) {
    for (const input of Object.keys(result.metafile.inputs)) {
      const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match) packages.add(match[1]);
    }
  }
  const sections = [];
  for (const name of [...packages].sort()) {
    const dir = new URL(`../node_modules/${name}/`, import.meta.url);
    const manifest = JSON.parse(await readFile(new URL('package.json', dir), 'utf8'));
    const { version, license } = manifest;
    const file = (await readdir(dir)).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    if (file === undefined && typeof license !== 'string') {
      console.error(`build: node_modules/${name} states no licence to ship with the bundles`);
      process.exit(1);
    }
    // A few packages (brotli, a fontkit dependency) state their licence only in package.json.
    const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
    const text =
      file === undefined
        ? `Licensed under ${license} (stated in its package.json; it ships no licence file).${author ? ` Author: ${author}.` : ''}`
        : (await readFile(new URL(file, dir), 'utf8')).trim();
    sections.push(`${name} ${version} (${license})\n\n${text}\n`);
  }
  const header = 'Packages bundled into dist/ and their licences.\n';
  await writeFile(
    new URL('../dist/THIRD-PARTY-LICENSES.txt', import.meta.url),
    [header, ...sections].join('\n' + '-'.repeat(72) + '\n\n'),
  );
}
