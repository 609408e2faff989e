import { fork } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

// Runs every compiled `*.bench.js` beside this file, one process each, in name order.
// `npm run bench -- event-store` runs only the benches whose name contains an argument.
const filters = process.argv.slice(2);
const benches = readdirSync(__dirname)
  .filter((name) => name.endsWith('.bench.js'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

async function main(): Promise<void> {
  if (benches.length === 0) throw new Error(`no bench matches ${filters.join(', ') || '*.bench.js'}`);
  for (const bench of benches) {
    console.log(`\n▶ ${bench.replace(/\.js$/, '')}`);
    const code = await new Promise<number | null>((resolve, reject) => {
      fork(join(__dirname, bench), [], { stdio: 'inherit' }).on('error', reject).on('exit', resolve);
    });
    if (code !== 0) throw new Error(`${bench} exited with ${code}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
