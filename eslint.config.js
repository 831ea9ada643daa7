// Lint the action's source and tests: typescript-eslint's recommended rules, plus what matters in an
// action: no console output that bypasses the runner's commands, and promises that are awaited or
// handled (a floating promise in the shell is a write or a check-run update that may never finish
// before the process exits, and its rejection is lost).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  // __fixtures__/jest-repo is a CommonJS project the e2e tests run jest in, not this repository's code.
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'coverage/**', 'bench/prototypes/**', '__fixtures__/jest-repo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    rules: { 'no-console': 'error' }
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    // Type-aware rules, for promises only: each file is checked with the tsconfig nearest to it
    // (src/tsconfig.json for the bundle, tsconfig.json for the tests).
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // A promise where a plain value is expected: an async callback to an API that ignores its result.
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // `return promise` inside try/catch skips the catch: the error escapes the handler written for it.
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/prefer-promise-reject-errors': 'error'
    }
  },
  {
    // Fake API servers and fixtures handle arbitrary JSON bodies, as the real APIs do.
    files: ['__tests__/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly'
      }
    }
  }
)
