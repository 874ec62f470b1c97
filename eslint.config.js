import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test/e2e/out/**', 'bench/out/**', 'tmp/**', 'dist/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly' },
    },
    rules: {
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Page text must never become markup.' },
        { property: 'outerHTML', message: 'Page text must never become markup.' },
        { property: 'insertAdjacentHTML', message: 'Page text must never become markup.' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['wxt/*', 'webextension-polyfill', 'node:*', 'preact*'] }],
      'no-restricted-globals': ['error', 'document', 'window', 'location', 'browser', 'chrome'],
    },
  },
);
