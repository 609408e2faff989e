import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ltc = resolve(__dirname, '../../apps/cli/bin/ltc.js');

async function cli(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [ltc, ...args], { env: process.env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('ltc demo seed (the built cli, a real SQLite file)', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'ltc-demo-e2e-')), 'data-demo');
  // Small for CI: two months of three reps.
  let events = 0;
  const size = ['--months', '2', '--reps', '3', '--end', '2026-12-01', '--seed', 'e2e'];

  it('seeds an empty folder and says how many events it wrote', async () => {
    const seeded = await cli(['demo', 'seed', '--data-dir', dataDir, ...size]);
    expect(seeded.stderr).toContain('simulating 2026-10');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/seeded .*: \d+ events from \d+ commands, 2026-10-01 to 2026-12-01/);
    events = Number(/(\d+) events from/.exec(seeded.stdout)?.[1]);
    expect(events).toBeGreaterThan(100);
    expect(existsSync(join(dataDir, 'ltc.sqlite'))).toBe(true);
    const keys = JSON.parse(readFileSync(join(dataDir, 'demo-keys.json'), 'utf8')) as {
      signIn: Record<string, { key: string }>;
    };
    expect(Object.keys(keys.signIn)).toEqual(['manager', 'rep', 'ops']);
  }, 60_000);

  it('passes `ltc audit verify --all`: every stream chain, no missing positions', async () => {
    const verified = await cli(['audit', 'verify', '--all', '--data-dir', dataDir]);
    expect(verified.code).toBe(0);
    // The summary line goes to stderr beside the progress bar; the verdict to stdout.
    expect(verified.stdout).toMatch(/all \d+ streams intact/);
    expect(verified.stderr).toMatch(new RegExp(`\\d+ streams, ${events} events verified`));
    expect(verified.stdout).not.toMatch(/BROKEN|MISSING/);
  }, 60_000);

  it('refuses to seed a folder that holds data, and changes nothing', async () => {
    const again = await cli(['demo', 'seed', '--data-dir', dataDir, ...size]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/is not empty: the demo seeds only a fresh folder/);
  });
});
