import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isDiagramSource, withDiagram } from '../src/readme-diagram';
import { DIAGRAMS, moduleOf, type DiagramEntry } from './registry';

// Writes each registered workflow's README diagram; `--check` only reports stale ones (exit 1).
// npm runs scripts from the workspace root, which is where the registry's paths start.

// CommonJS require, not import(): tsconfig-paths resolves the `@ltc/*` aliases for require only.
const requireModule = createRequire(__filename);

function load(entry: DiagramEntry) {
  const module = moduleOf(entry);
  const loaded: unknown = requireModule(module);
  const source: unknown = (loaded as Record<string, unknown>)[entry.export];
  if (!isDiagramSource(source)) throw new Error(`${module} has no workflow or machine named ${entry.export}`);
  return source;
}

function main(check: boolean): number {
  const stale: string[] = [];
  for (const entry of DIAGRAMS) {
    const path = join(process.cwd(), entry.project, 'README.md');
    const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    const after = withDiagram(
      before,
      load(entry),
      `${entry.project.split('/').pop() ?? entry.project} workflow`,
    );
    if (after === before) {
      console.log(`up to date  ${entry.project}/README.md`);
      continue;
    }
    stale.push(entry.project);
    if (!check) writeFileSync(path, after);
    console.log(`${check ? 'stale      ' : 'written    '} ${entry.project}/README.md`);
  }
  if (check && stale.length > 0) {
    console.error(`${stale.length} README diagram(s) are stale: run \`npm run diagrams\``);
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.includes('--check'));
