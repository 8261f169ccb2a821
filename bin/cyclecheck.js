#!/usr/bin/env node
// CommonJS (see bin/package.json): starting through Node's ESM loader costs ~10 ms more.
'use strict';
require('./load-bundle.cjs').loadBundle('cli').exports.runCli(process.argv);
