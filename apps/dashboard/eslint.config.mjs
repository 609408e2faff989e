import root from '../../eslint.config.mjs';

// The root config with type information for TSX too (the root's typed block names **/*.ts only).
export default [
  ...root,
  {
    files: ['apps/dashboard/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
];
