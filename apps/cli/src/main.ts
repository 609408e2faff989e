import { parseArgs } from 'node:util';
import { commands } from './commands';

/** `ltc <command> [options]`: the command line of the LTC engine. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name === undefined ? 1 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    process.stderr.write(`ltc: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const { values, positionals } = parseArgs({
    args: [...rest],
    options: command.options,
    allowPositionals: true,
    strict: true,
  });
  return command.run(values, positionals);
}

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: ltc <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`ltc: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
