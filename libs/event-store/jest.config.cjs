module.exports = require('../../jest.preset.cjs')(__dirname, {
  globalSetup: '<rootDir>/test/eventstoredb-setup.cjs',
});
