'use strict';
/**
 * Loads a bundle from dist/ the way Node's CommonJS loader would, but hands V8 the code cache
 * that the build wrote beside it (scripts/write-code-cache.cjs). With the cache V8 neither parses
 * the bundle nor compiles the functions a typical run needs, which is most of the start-up time on
 * Node 20 (it has no module compile cache of its own). A missing cache, or one V8 rejects (another
 * Node version, other V8 flags, a changed bundle), only costs that time back: V8 then compiles the
 * source as usual. Nothing is written at run time.
 */
const { existsSync, readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const DIST = join(__dirname, '..', 'dist');

/** @param {string} name  a bundle in dist/ without its extension, e.g. `cli` */
function loadBundle(name) {
  const file = join(DIST, `${name}.cjs`);
  // The build refuses bundles that are not pure ASCII, so latin1 reads the same text, and reads
  // it several times faster than UTF-8 decoding does.
  const source = readFileSync(file, 'latin1');
  let cachedData;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    {
      filename: file,
      cachedData,
      // A dynamic import() of a Node built-in, should a bundle contain one, behaves as in a module.
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    },
  );
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, createRequire(file), bundle, file, dirname(file));
  // cacheUsed: whether V8 took the cache (tests check that the build's cache fits this Node).
  const cacheUsed = cachedData !== undefined && script.cachedDataRejected === false;
  return { exports: bundle.exports, script, cacheUsed };
}

/** Whether `npm run build` has made the bundles (dist/ is not in git). */
function isBuilt() {
  return existsSync(join(DIST, 'cli.cjs')) && existsSync(join(DIST, 'cli-help.cjs'));
}

module.exports = { loadBundle, isBuilt };
