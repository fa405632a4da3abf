import js from '@eslint/js'
import regexp from 'eslint-plugin-regexp'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  // Generated code (ajv's standalone validators) is checked by regenerating it, not by lint.
  {
    ignores: [
      'dist/',
      'node_modules/',
      'output/',
      'input/',
      'coverage/',
      '.cache/',
      'pipeline/types/validators.js'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Super-linear backtracking in a regex is a hang on hostile input: an error here.
  regexp.configs['flat/recommended'],
  {
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off'
    }
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.js', 'test/**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly'
      }
    }
  }
)
