#!/usr/bin/env node
// Launcher for the compiled CLI: resolves the @ltc/* aliases against dist/ (see tsconfig.base.json).
const path = require('node:path');
const root = path.resolve(__dirname, '../../..');
process.env.TS_NODE_PROJECT ??= path.join(root, 'tsconfig.base.json');
process.env.TS_NODE_BASEURL ??= path.join(root, 'dist');
require('tsconfig-paths/register');
const { main } = require(path.join(root, 'dist/apps/cli/src/main.js'));
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`ltc: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
