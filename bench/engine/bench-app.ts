import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueApiKey, writeUsersFile } from '@ltc/users';

/** A fresh data folder with one admin whose key the benches use (the api takes the admin into the log at start). */
export function benchData(): { dataDir: string; usersFile: string; key: string } {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'ltc-engine-bench-')), 'data');
  mkdirSync(dataDir, { recursive: true });
  const usersFile = join(dataDir, 'users.json');
  const { key, record } = issueApiKey('2026-01-01T00:00:00.000Z');
  writeUsersFile(usersFile, {
    version: 1,
    users: [{ id: 'bench', person: 'bench', roles: ['admin'], team: 'hq', apiKeys: [record] }],
  });
  return { dataDir, usersFile, key };
}

export const customerIds = (count: number): string[] => Array.from({ length: count }, (_, i) => `bench-${i}`);

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
