import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  {
    // The analyzer is pure: no file system, no process, no colour, no prompts.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'src/core is pure.',
            },
            { group: ['chalk', '@inquirer/*', 'commander'], message: 'src/core is pure.' },
            {
              group: [
                '**/io/*',
                '**/render/*',
                '**/report/*',
                '**/cli/*',
                '**/commands/*',
                '**/importers/*',
                '**/log/*',
                '**/interview/*',
                '**/batch/*',
                '**/errors.ts',
              ],
              message: 'src/core imports only from src/core.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'console', 'Date'],
    },
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
