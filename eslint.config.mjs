// Lint: ESLint's and typescript-eslint's recommended rules on the sources, tests and scripts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'coverage/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // The playground's page scripts run in the browser.
    files: ['local/playground/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The Apps Script entry file declares globals that Apps Script calls by name.
    files: ['src/entry.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
);
