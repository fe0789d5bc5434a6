// ESLint's flat config: `npm run lint` (run by `nox -s lint`). ESLint's and
// typescript-eslint's recommended rules for every source file (syntax only: `tsc` checks
// the types), and React's rules of hooks for the app.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  // Build output, and the API types generated from the OpenAPI document (npm run gen:api).
  { ignores: ['dist/', 'node_modules/', 'src/api/schema.d.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `const { menu: _menu, ...rest } = x` drops a field: not an unused variable.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // The app (in the browser; its tests in jsdom). The classic hooks rules: the plugin's
    // `recommended` set also holds the React Compiler's rules, and the app is not built
    // with the compiler.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
    languageOptions: { globals: globals.browser },
  },
  {
    // Node: the Playwright suite, the Vite/Vitest configs and the scripts.
    files: ['e2e/**/*.ts', '*.config.ts', 'scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
]);
