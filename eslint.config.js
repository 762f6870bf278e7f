import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Pure models and the worker never touch React, the DOM or the app (see README "Architecture"). */
const pureModuleRestrictions = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react-dom/*', 'react/*'],
      message: 'Models and the worker are pure: no React.',
    },
    {
      group: ['**/app/**', '**/*View', '**/*.tsx', 'zustand', 'zustand/*'],
      message: 'Models and the worker must not import the UI or the store.',
    },
    {
      group: ['recharts', 'mermaid', 'monaco-editor', '@monaco-editor/*'],
      message: 'Heavy UI libraries stay out of models.',
    },
  ],
};

/**
 * Lesson numbers and maths sit below the widgets: src/formulas/ and the :calc machinery's parsing
 * and formatting (src/calc/attrs.ts, format*.ts) never import a widget, so a lesson's numbers do
 * not depend on a widget's UI or model layout. Widgets may import formulas; only the registry
 * (src/calc/registry.ts) gathers both.
 */
const belowWidgets = {
  patterns: [
    {
      group: ['**/widgets/**', '../widgets', '../../widgets'],
      message:
        'src/formulas and src/calc never import a widget: move the shared maths into src/formulas.',
    },
    ...pureModuleRestrictions.patterns,
  ],
};

export default tseslint.config(
  {
    // Exercise code is learner-style TypeScript, type-checked and run by the content lint.
    ignores: [
      'dist',
      'node_modules',
      'coverage',
      'test-results',
      'playwright-report',
      'content/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: [
      'src/widgets/*/model.ts',
      'src/widgets/*/model/**/*.ts',
      'src/sim/**/*.ts',
      'src/content/compiler/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', pureModuleRestrictions] },
  },
  {
    files: ['src/formulas/**/*.ts', 'src/calc/attrs.ts', 'src/calc/format*.ts'],
    rules: { 'no-restricted-imports': ['error', belowWidgets] },
  },
  {
    files: ['src/calc/attrs.ts', 'src/calc/format*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...belowWidgets.patterns,
            {
              group: ['**/formulas/**', '../formulas'],
              message: 'The :calc parsing and formatting depend on nothing but themselves.',
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line scripts report to the terminal.
    files: ['scripts/**', 'bench/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
