// Bundles src/ into dist/ with esbuild. One bundle per entry point, with shared chunks, so
// `cyclecheck --help` loads only the CLI declarations and each command loads what it needs
// (the prompt library only for `interview`, the importers only when a file needs them).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts', 'batch-worker': 'src/batch/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // Some bundled CommonJS dependencies call require(); give ESM output a real one.
  banner: {
    js: "import { createRequire as __cc_createRequire } from 'node:module'; const require = __cc_createRequire(import.meta.url);",
  },
});
