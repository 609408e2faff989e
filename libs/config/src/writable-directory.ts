import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from './config-error';
import type { StoreConfig } from './load-config';
import { VARIABLES, type VariableName } from './variables';

const reason = (error: unknown): string => {
  // Node's messages repeat the path after a comma ("EACCES: permission denied, mkdir '/x'"); errors
  // from fs may come from another realm (Jest), so read the message without instanceof.
  const message = String((error as { message?: unknown } | null)?.message ?? error);
  return message.split(',')[0] ?? message;
};

/**
 * Creates `directory` if needed and proves this process can write a file in it, or throws a one-line
 * ConfigError naming the variable that chose it, its value and the reason (read-only, not a directory…).
 */
export function checkWritableDirectory(variable: VariableName, value: string, directory: string): void {
  const fail = (why: string) =>
    new ConfigError(
      `${variable}=${JSON.stringify(value)} is not allowed: ${directory} ${why}; expected ${VARIABLES[variable].expected}`,
    );
  let isDirectory: boolean | undefined;
  try {
    isDirectory = statSync(directory).isDirectory();
  } catch {
    isDirectory = undefined;
  }
  if (isDirectory === false) throw fail('is not a directory');
  if (isDirectory === undefined) {
    try {
      mkdirSync(directory, { recursive: true });
    } catch (error) {
      throw fail(`cannot be created (${reason(error)})`);
    }
  }
  // Permission bits do not tell the whole story (read-only mounts, root, ACLs): write a file and see.
  const probe = join(directory, `.ltc-write-check-${process.pid}`);
  try {
    writeFileSync(probe, '');
  } catch (error) {
    throw fail(`is not writable (${reason(error)})`);
  }
  rmSync(probe, { force: true });
}

/** Checks the directories a store configuration writes to (none for the memory store). */
export function checkStoreDirectories(config: StoreConfig): void {
  if (config.eventStore === 'memory') return;
  checkWritableDirectory('DATA_DIR', config.dataDir, config.dataDir);
  const sqliteDir = dirname(config.sqliteFile);
  if (config.eventStore === 'sqlite' && sqliteDir !== config.dataDir) {
    checkWritableDirectory('SQLITE_FILE', config.sqliteFile, sqliteDir);
  }
}
