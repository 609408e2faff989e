import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// Imports that would give pure code I/O, a clock-free core a framework, or a dependency on an adapter.
const IMPURE = [
  '@nestjs/*',
  '@eventstore/*',
  '@testcontainers/*',
  'testcontainers',
  'better-sqlite3',
  'express',
  'node:*',
  'fs',
  'fs/*',
  'child_process',
  'net',
  'http',
  'https',
];

// Test data (history generators): specs, test/ and bench/ may import it, production code may not.
const TEST_ONLY = {
  group: ['@ltc/projections/testing', './testing', './testing/*', '../testing', '../testing/*'],
  message: 'the history generators are test data: only specs, test/ and bench/ may import them.',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', '.nx/**', 'data/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: false,
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: IMPURE,
            },
            // Access rules: pure functions over (actor, org, state), beside the workflows they guard.
            {
              sourceTag: 'type:access',
              onlyDependOnLibsWithTags: ['type:workflow', 'type:domain'],
              bannedExternalImports: IMPURE,
            },
            {
              sourceTag: 'type:workflow',
              onlyDependOnLibsWithTags: ['type:workflow', 'type:domain'],
              bannedExternalImports: IMPURE,
            },
            { sourceTag: 'type:event-store', onlyDependOnLibsWithTags: ['type:domain'] },
            // Users and key digests, and the tamper-evident chain over stored events: used by apps, the
            // engine (which chains on append) and the audit read model (which verifies).
            {
              sourceTag: 'type:users',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: ['@nestjs/*'],
            },
            // The environment schema of the api and the cli (kinds from the store port, key format from users).
            {
              sourceTag: 'type:config',
              onlyDependOnLibsWithTags: ['type:event-store', 'type:users'],
              bannedExternalImports: ['@nestjs/*'],
            },
            {
              sourceTag: 'type:hash-chain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:workflow'],
              bannedExternalImports: ['@nestjs/*'],
            },
            {
              sourceTag: 'type:engine',
              onlyDependOnLibsWithTags: [
                'type:engine',
                'type:workflow',
                'type:domain',
                'type:event-store',
                'type:hash-chain',
              ],
            },
            {
              sourceTag: 'type:projections',
              onlyDependOnLibsWithTags: [
                'type:projections',
                'type:workflow',
                'type:domain',
                'type:event-store',
                'type:engine',
                'type:hash-chain',
              ],
              bannedExternalImports: ['@nestjs/*', 'express'],
            },
            // The read models the api serves, built on the projections framework (which never imports them).
            {
              sourceTag: 'type:read-models',
              onlyDependOnLibsWithTags: [
                'type:projections',
                'type:workflow',
                'type:domain',
                'type:event-store',
                'type:engine',
                'type:hash-chain',
              ],
              bannedExternalImports: ['@nestjs/*', 'express'],
            },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      '**/*.e2e-spec.ts',
      '**/test/**',
      'test/**',
      'bench/**',
      'libs/projections/src/testing/**',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [TEST_ONLY] }] },
  },
  {
    // Node built-ins are not npm packages, so the Nx rule cannot see them: ban them here too.
    files: ['libs/domain/**/*.ts', 'libs/access/**/*.ts', 'workflows/**/*.ts'],
    ignores: ['**/*.spec.ts', 'workflows/*/scripts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: IMPURE, message: 'domain and workflows stay pure: no framework, no I/O, no adapters.' },
            TEST_ONLY,
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'no clock in pure code: time comes in with the command.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'no clock in pure code: time comes in with the command.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'pure code is deterministic: take randomness as input.',
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Benchmarks measure the app from outside, like its tests: they may reach into any project.
    files: ['bench/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  { files: ['**/*.cjs', '**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.cjs', '**/bin/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
