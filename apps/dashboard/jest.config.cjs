const preset = require('../../jest.preset.cjs');

// Components in jsdom; TSX through swc with React's automatic runtime; styles are not Jest's concern.
const base = preset(__dirname);
const [, [swc, options]] = Object.entries(base.transform)[0];
module.exports = {
  ...base,
  testEnvironment: 'jsdom',
  testMatch: ['**/?(*.)+(spec).ts?(x)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  transform: {
    '^.+\\.(t|j|mj)sx?$': [
      swc,
      {
        ...options,
        jsc: {
          ...options.jsc,
          parser: { syntax: 'typescript', tsx: true },
          transform: { ...options.jsc.transform, react: { runtime: 'automatic' } },
        },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(wouter|regexparam)/)'],
  moduleNameMapper: { ...base.moduleNameMapper, '\\.css$': '<rootDir>/src/test/style.stub.cjs' },
  setupFiles: ['<rootDir>/src/test/jsdom.setup.cjs'],
};
