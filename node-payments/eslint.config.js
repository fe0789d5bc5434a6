// ESLint's flat config: `npm run lint` (run by `nox -s lint`) checks every JavaScript file
// of the service, its tests and scripts with ESLint's recommended rules.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';

export default defineConfig([
  { ignores: ['node_modules/'] },
  js.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: globals.node,
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // The service logs through its JSON logger (src/logger.js), never the console.
    files: ['src/**/*.js'],
    rules: { 'no-console': 'error' },
  },
]);
