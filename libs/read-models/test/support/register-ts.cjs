// Lets a plain `node` child process require this library's TypeScript: SWC compiles each file as it loads,
// and tsconfig-paths resolves the @ltc/* aliases, exactly as Jest does for the parent.
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../../../..');
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;

require.extensions['.ts'] = (mod, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...swcrc, swcrc: false, sourceMaps: false, filename });
  mod._compile(code, filename);
};

const { paths } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
require('tsconfig-paths').register({ baseUrl: root, paths });
