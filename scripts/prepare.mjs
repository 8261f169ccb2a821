// `npm install` in a clone, and `npm install -g .` from one, run this (the `prepare` script):
// it builds dist/ so that the command works. `npm install -g .` installs no devDependencies,
// which the build needs (esbuild, and the libraries it bundles), so they are installed here
// first, exactly as the lockfile says. npm pack and publish skip it: prepack has just built.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// The outer `npm install -g` passes its settings down as npm_config_*; the dev tools belong in
// this folder, not in the global prefix.
const env = { ...process.env };
for (const key of ['npm_config_global', 'npm_config_prefix', 'npm_config_location'])
  delete env[key];

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!['pack', 'publish'].includes(process.env.npm_command ?? '')) {
  if (!existsSync(new URL('../node_modules/esbuild/package.json', import.meta.url))) {
    console.error('cyclecheck: installing the build tools (devDependencies) to build dist/');
    const npm = process.env.npm_execpath;
    const [command, args] = npm ? [process.execPath, [npm]] : ['npm', []];
    run(command, [...args, 'ci', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund']);
  }
  run(process.execPath, ['scripts/build.mjs']);
}
