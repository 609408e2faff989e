import { parseArgs } from 'node:util';
import { commands, type CliCommand } from './commands';

const HELP = new Set(['--help', '-h']);

/** `ltc <command> [options]`: the command line of the LTC engine. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || HELP.has(name)) {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    process.stdout.write(topic === undefined ? usage() : helpOf(topic));
    return name === undefined ? 1 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    process.stderr.write(`ltc: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  // Before parsing: `--help` is no option of any command, and `ltc users add --help` should still help.
  const end = rest.indexOf('--');
  if ((end === -1 ? rest : rest.slice(0, end)).some((arg) => HELP.has(arg))) {
    process.stdout.write(helpOf(command));
    return 0;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = String((error as { message?: unknown } | null)?.message ?? error);
    throw new Error(`${message.split('.')[0] ?? message} (see \`ltc ${command.name} --help\`)`);
  }
  return command.run(parsed.values, parsed.positionals);
}

function helpOf(command: CliCommand): string {
  return `${command.usage.trimEnd()}\n`;
}

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return (
    `Usage: ltc <command> [options]\n\nCommands:\n${lines.join('\n')}\n\n` +
    'Run `ltc <command> --help` for its options and environment.\n'
  );
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
