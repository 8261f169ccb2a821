import js from '@eslint/js';
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, top to bottom (ARCHITECTURE.md). A folder may import the folders of the
 * layers below its own, never one above, nor a sibling in its own layer. `text/` and `errors.ts`
 * are leaves every layer may use. Entry files at the top of src/ sit above all.
 */
const LAYERS = [
  ['cli'],
  ['commands'],
  ['interview', 'batch'],
  ['pipeline'],
  ['render'],
  ['report', 'importers'],
  ['log'],
  ['io'],
  ['core'],
];
const LEAVES = ['text'];

const placed = new Set([...LAYERS.flat(), ...LEAVES]);
const unplaced = readdirSync(new URL('./src', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !placed.has(entry.name))
  .map((entry) => entry.name);
if (unplaced.length > 0) {
  throw new Error(`src/${unplaced[0]} has no layer: add it to LAYERS in eslint.config.js`);
}

/** The folders a file in `folder` must not import: the layers above and its siblings. */
function getForbiddenFolders(folder) {
  const index = LAYERS.findIndex((layer) => layer.includes(folder));
  if (index === -1) return LAYERS.flat(); // a leaf imports no layer
  return [...LAYERS.slice(0, index).flat(), ...LAYERS[index].filter((f) => f !== folder)];
}

const PURE = [
  { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'This code is pure.' },
  { group: ['chalk', '@inquirer/*', 'commander'], message: 'This code is pure.' },
  { group: ['**/errors.ts'], message: 'Pure code throws no CLI errors.' },
];

/** Static imports and `import()` alike: an upward `import()` is the same arrow. */
function getLayerRules(folder) {
  const forbidden = getForbiddenFolders(folder);
  const message = `src/${folder} may not import a folder above or beside it: see ARCHITECTURE.md.`;
  const patterns = [
    {
      group: ['**/cli.ts', '**/api.ts', '**/index.ts'],
      message: 'Entry points are imported by no one.',
    },
  ];
  if (forbidden.length > 0) patterns.push({ group: forbidden.map((f) => `**/${f}/**`), message });
  if (folder === 'core' || LEAVES.includes(folder)) patterns.push(...PURE);
  const dynamic = `ImportExpression[source.value=/\\/(${forbidden.join('|')})\\//]`;
  return {
    'no-restricted-imports': ['error', { patterns }],
    'no-restricted-syntax': [
      'error',
      ...(forbidden.length > 0 ? [{ selector: dynamic, message }] : []),
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      '.stryker-tmp*/**',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'bench-out/**',
      'fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  ...[...LAYERS.flat(), ...LEAVES].map((folder) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: getLayerRules(folder),
  })),
  {
    // Small functions: a step that needs more than a screen is several steps (ARCHITECTURE.md).
    files: ['src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The analyzer is pure: no process, no console, no clock.
    files: ['src/core/**/*.ts', 'src/text/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', 'process', 'console', 'Date'] },
  },
  {
    files: ['scripts/**', 'tests/**', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // The start-up path is CommonJS (bin/package.json, *.cjs): see bin/load-bundle.cjs.
    files: ['bin/**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
