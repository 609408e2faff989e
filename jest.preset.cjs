// Shared Jest setup: every project's jest.config.cjs calls this with its own folder.
const fs = require('node:fs');
const path = require('node:path');

const root = __dirname;
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const { paths } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;

const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [`^${alias}$`, path.join(root, target)]),
);

/** @param {string} dir the project's folder  @param {object} [extra] overrides */
module.exports = function preset(dir, extra = {}) {
  return {
    displayName: path.relative(root, dir),
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: ['**/?(*.)+(spec|e2e-spec).ts'],
    moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
    // NestJS 12 ships ESM only: Jest's CommonJS runtime needs it transformed too.
    transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swcrc, swcrc: false }] },
    transformIgnorePatterns: ['/node_modules/(?!(@nestjs|uid|file-type|load-esm)/)'],
    moduleNameMapper,
    ...extra,
  };
};
