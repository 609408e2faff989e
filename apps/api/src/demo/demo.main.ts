import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { seedDemo } from './seed-demo';

/**
 * `node dist/apps/api/src/demo/demo.main.js --data-dir D [--seed S] [--months N] [--reps N] [--end ISO]`:
 * what `ltc demo seed` runs. Progress goes to stderr, the summary as one JSON line to stdout.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      seed: { type: 'string' },
      months: { type: 'string' },
      reps: { type: 'string' },
      end: { type: 'string' },
    },
    strict: true,
  });
  const number = (name: 'months' | 'reps') => {
    const value = values[name];
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw new Error(`--${name} "${value}" is not a whole number`);
    return Number(value);
  };
  const months = number('months');
  const reps = number('reps');
  let month = '';
  const summary = await seedDemo({
    dataDir: values['data-dir'] ?? './data-demo',
    ...(values.seed === undefined ? {} : { seed: values.seed }),
    ...(months === undefined ? {} : { months }),
    ...(reps === undefined ? {} : { reps }),
    ...(values.end === undefined ? {} : { end: values.end }),
    onDay: (day, commands) => {
      if (day.slice(0, 7) === month) return;
      month = day.slice(0, 7);
      process.stderr.write(`ltc demo: simulating ${month} (${commands} commands so far)\n`);
    },
  });
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`ltc demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
