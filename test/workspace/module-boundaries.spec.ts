import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

// Lints source text as if it stood at a real path of the workspace, with the real ESLint CLI and config
// (ESLint loads its flat config through a dynamic import, which Jest's VM cannot do in-process).
const root = resolve(__dirname, '../..');
const eslintBin = resolve(root, 'node_modules/eslint/bin/eslint.js');

type LintResult = { messages: { ruleId: string | null; message: string }[] };

function ruleIds(filePath: string, code: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    [eslintBin, '--format', 'json', '--stdin', '--stdin-filename', resolve(root, filePath)],
    { cwd: root, input: code, encoding: 'utf8' },
  );
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint failed: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as LintResult[];
  return Promise.resolve((result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`));
}

describe('module boundaries', () => {
  jest.setTimeout(60_000);

  it.each([
    [
      'libs/domain/src/index.ts',
      "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    ],
    ['workflows/kit/src/index.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    [
      'libs/domain/src/index.ts',
      "import { EventStoreDBClient } from '@eventstore/db-client';\nexport const x = EventStoreDBClient;\n",
    ],
  ])('rejects %s importing a framework or adapter package', async (file, code) => {
    const messages = await ruleIds(file, code);
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('keeps the access rules (libs/access) pure: no framework, adapter project, I/O or clock', async () => {
    // One lint run for every case (each run costs seconds): every rule must fire on its own line.
    const messages = await ruleIds(
      'libs/access/src/index.ts',
      [
        "import { Injectable } from '@nestjs/common';",
        "import * as engine from '@ltc/engine';",
        "import * as users from '@ltc/users';",
        "import { readFileSync } from 'node:fs';",
        'export const x = [Injectable, engine, users, readFileSync, Date.now()];',
        '',
      ].join('\n'),
    );
    const fired = (rule: string) => messages.filter((m) => m.startsWith(rule)).length;
    expect(fired('no-restricted-imports')).toBeGreaterThanOrEqual(2);
    expect(fired('@nx/enforce-module-boundaries')).toBeGreaterThanOrEqual(2);
    expect(fired('no-restricted-syntax')).toBe(1);
  });

  it('rejects pure code importing a workspace adapter project', async () => {
    const messages = await ruleIds(
      'libs/domain/src/index.ts',
      "import * as store from '@ltc/event-store';\nexport const x = store;\n",
    );
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it.each([
    "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n",
  ])('rejects pure code doing I/O: %s', async (code) => {
    const messages = await ruleIds('workflows/kit/src/index.ts', code);
    expect(messages.some((m) => m.startsWith('no-restricted-imports'))).toBe(true);
  });

  it('rejects a clock in pure code', async () => {
    const messages = await ruleIds('libs/domain/src/index.ts', 'export const now = Date.now();\n');
    expect(messages.some((m) => m.startsWith('no-restricted-syntax'))).toBe(true);
  });

  it.each([
    ['apps/api/src/read-models/read-models.service.ts', '@ltc/projections/testing'],
    ['libs/read-models/src/funnel/funnel.queries.ts', '@ltc/projections/testing'],
    ['libs/projections/src/runner/lag.ts', '../testing/generate-history'],
  ])('rejects production code %s importing the history generators (%s)', async (file, from) => {
    const messages = await ruleIds(
      file,
      `import { generateHistory } from '${from}';\nexport const x = generateHistory;\n`,
    );
    expect(messages.some((m) => m.startsWith('no-restricted-imports'))).toBe(true);
  });

  it.each([
    'libs/read-models/src/funnel/funnel.projection.spec.ts',
    'libs/read-models/test/support/history.ts',
    'bench/projections/populate.ts',
  ])('lets %s (a spec, test support or a bench) import the history generators', async (file) => {
    const messages = await ruleIds(
      file,
      "import { generateHistory } from '@ltc/projections/testing';\nexport const x = generateHistory;\n",
    );
    expect(messages.filter((m) => m.startsWith('no-restricted-imports'))).toEqual([]);
  });

  it('lets the api use NestJS and a workflow use the domain', async () => {
    expect(
      await ruleIds(
        'apps/api/src/app-config.token.ts',
        "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
      ),
    ).toEqual([]);
    expect(
      await ruleIds(
        'workflows/kit/src/index.ts',
        "import { money } from '@ltc/domain';\nexport const x = money;\n",
      ),
    ).toEqual([]);
  });
});
