import root from '../../eslint.config.mjs';

// The root config with type information for TSX too (the root's typed block names **/*.ts only; and the .mts Vite config).
export default [
  ...root,
  {
    files: ['apps/dashboard/**/*.tsx', 'apps/dashboard/**/*.mts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
];
