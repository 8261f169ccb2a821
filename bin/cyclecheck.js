#!/usr/bin/env node
// CommonJS (see bin/package.json): starting through Node's ESM loader costs ~10 ms more.
'use strict';
// Help and version need only the command declarations; their bundle is a tenth the size.
const HELP_ONLY = new Set(['-h', '--help', '-V', '--version']);
const helpOnly = process.argv.slice(2).every((argument) => HELP_ONLY.has(argument));
const { loadBundle, isBuilt } = require('./load-bundle.cjs');
if (!isBuilt()) {
  // A clone (or `npx` of one) before `npm run build`: say so instead of a stack trace.
  process.stderr.write('cyclecheck is not built: run npm run build\n');
  process.exitCode = 70;
} else {
  loadBundle(helpOnly ? 'cli-help' : 'cli').exports.runCli(process.argv);
}
