// Lint for every package: TypeScript (type-aware), Lit's template rules, the web-component rules, and
// the package graph of DESIGN.md: core ← kit ← {batch-sampler, loss-surface, loss-contour, data-scatter} ← lossquake.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';

/** Bare names and relative paths that reach into a workspace package. */
const packageImports = (folder, name) => [name, `${name}/*`, `**/${folder}/**`];
const elements = {
  'batch-sampler': '@lossquake/batch-sampler',
  'loss-surface': '@lossquake/loss-surface',
  'loss-contour': '@lossquake/loss-contour',
  'data-scatter': '@lossquake/data-scatter',
  lossquake: 'lossquake',
};
const elementImports = (...folders) =>
  folders.flatMap((folder) => packageImports(folder, elements[folder]));

/** One `no-restricted-imports` rule for a package's files (tests included). */
const boundary = (files, group, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] },
});

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.turbo/**',
      '**/.stryker-tmp/**',
      '**/.test-results/**',
      '**/custom-elements.json',
      'apps/bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  wcConfigs['flat/recommended'],
  litConfigs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Type-aware rules for the TypeScript, each file read through its package's tsconfig.json.
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: [
      '**/*.mjs',
      '**/*.cjs',
      'tools/**',
      'apps/bench/*.mjs',
      '**/scripts/**',
      '*.config.*',
      '**/*.config.*',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },

  // The package graph. A view stands alone: it links to a sampler only through kit's protocol, so a
  // page that shows src frames does not ship the sampler (integration tests live in lossquake/test).
  boundary(
    ['packages/loss-surface/**'],
    elementImports('batch-sampler', 'loss-contour', 'data-scatter', 'lossquake'),
    'A view imports only core, kit and its own files (DESIGN.md, "Packages").',
  ),
  boundary(
    ['packages/loss-contour/**'],
    elementImports('batch-sampler', 'loss-surface', 'data-scatter', 'lossquake'),
    'A view imports only core, kit and its own files (DESIGN.md, "Packages").',
  ),
  boundary(
    ['packages/data-scatter/**'],
    elementImports('batch-sampler', 'loss-surface', 'loss-contour', 'lossquake'),
    'A view imports only core, kit and its own files (DESIGN.md, "Packages").',
  ),
  boundary(
    ['packages/kit/**'],
    elementImports('batch-sampler', 'loss-surface', 'loss-contour', 'data-scatter', 'lossquake'),
    'kit is what the elements share; it imports no element (DESIGN.md, "Packages").',
  ),
  boundary(
    ['packages/core/src/**'],
    [
      ...elementImports(
        'batch-sampler',
        'loss-surface',
        'loss-contour',
        'data-scatter',
        'lossquake',
      ),
      ...packageImports('kit', '@lossquake/kit'),
      'lit',
      'lit/*',
      '@lit/*',
      'd3',
      'd3-*',
      'regl',
      'node:*',
      '@open-wc/*',
      '@web/*',
    ],
    'core is plain maths: no element, no DOM library, no Node built-in (DESIGN.md, "Packages").',
  ),
  {
    // The DOM-free tsconfig already refuses these names; the lint message says why.
    files: ['packages/core/src/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'self', 'customElements', 'process'].map((name) => ({
          name,
          message: 'core runs in a page, a worker or Node: no DOM or Node globals.',
        })),
      ],
    },
  },
);
