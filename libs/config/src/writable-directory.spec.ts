import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { loadStoreConfig } from './load-config';
import { checkStoreDirectories, checkWritableDirectory } from './writable-directory';

const root = mkdtempSync(join(tmpdir(), 'ltc-config-'));

describe('checkWritableDirectory', () => {
  it('creates a missing directory and leaves nothing behind', () => {
    const dir = join(root, 'new', 'data');
    checkWritableDirectory('DATA_DIR', dir, dir);
    expect(existsSync(dir)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a file where a directory should be, naming the variable and the path', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, '');
    expect(() => checkWritableDirectory('DATA_DIR', file, file)).toThrow(ConfigError);
    expect(() => checkWritableDirectory('DATA_DIR', file, file)).toThrow(
      `DATA_DIR="${file}" is not allowed: ${file} is not a directory; expected a directory this process can create and write`,
    );
    expect(() => checkWritableDirectory('DATA_DIR', join(file, 'data'), join(file, 'data'))).toThrow(
      /^DATA_DIR=".*a-file\/data" is not allowed: .*a-file\/data cannot be created \(ENOTDIR: not a directory\)/,
    );
  });
});

describe('checkStoreDirectories', () => {
  it('names SQLITE_FILE when its directory is the one that cannot be written', () => {
    const file = join(root, 'blocker');
    writeFileSync(file, '');
    const env = { DATA_DIR: join(root, 'ok'), SQLITE_FILE: join(file, 'ltc.sqlite') };
    expect(() => checkStoreDirectories(loadStoreConfig(env))).toThrow(
      /^SQLITE_FILE=".*blocker\/ltc.sqlite" is not allowed: .*blocker is not a directory; expected a file path/,
    );
  });

  it('checks nothing for the memory store', () => {
    const file = join(root, 'blocker-2');
    writeFileSync(file, '');
    const env = { EVENT_STORE: 'memory', DATA_DIR: file };
    expect(() => checkStoreDirectories(loadStoreConfig(env))).not.toThrow();
  });
});
