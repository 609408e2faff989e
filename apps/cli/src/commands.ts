import type { ParseArgsConfig } from 'node:util';
import { audit } from './audit.command';
import { customers } from './customers.command';
import { deadLetters } from './dead-letters.command';
import { demo } from './demo.command';
import { forecastCommand } from './forecast.command';
import { importCommand } from './import.command';
import { incentives } from './incentives.command';
import { projections } from './projections.command';
import { serve } from './serve.command';
import { users } from './users.command';

/** One `ltc` subcommand: its options (node:util parseArgs), its `--help` text and what it does. */
export type CliCommand = Readonly<{
  name: string;
  summary: string;
  /** The `ltc <name> --help` text: usage lines, options, environment. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run: (
    values: Record<string, string | boolean | (string | boolean)[] | undefined>,
    positionals: string[],
  ) => Promise<number>;
}>;

export const commands: readonly CliCommand[] = [
  serve,
  users,
  customers,
  incentives,
  forecastCommand,
  importCommand,
  projections,
  deadLetters,
  audit,
  demo,
];
