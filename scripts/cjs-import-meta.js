/* global __filename */
// Injected into the CommonJS bundles (scripts/build.mjs): `import.meta.url` in src/ becomes the
// URL of the bundle file, which is what it means in an ES module too.
import { pathToFileURL } from 'node:url';

export const importMetaUrl = pathToFileURL(__filename).href;
