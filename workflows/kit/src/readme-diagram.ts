import type { AnyStateMachine } from 'xstate';
import { SpecFailedError } from './decider-spec';
import { toMermaid } from './mermaid-diagram';

export const DIAGRAM_START = '<!-- diagram:start -->';
export const DIAGRAM_END = '<!-- diagram:end -->';

/** A machine, or anything carrying one (a `Workflow`). */
export type DiagramSource = AnyStateMachine | Readonly<{ machine: AnyStateMachine }>;

const machineOf = (source: DiagramSource): AnyStateMachine => ('root' in source ? source : source.machine);

const hasRoot = (value: unknown): boolean => typeof value === 'object' && value !== null && 'root' in value;

/** True for a machine or a value carrying one in `machine` (a `Workflow`): what a diagram is drawn from. */
export function isDiagramSource(value: unknown): value is DiagramSource {
  if (hasRoot(value)) return true;
  return typeof value === 'object' && value !== null && 'machine' in value && hasRoot(value.machine);
}

/** The generated block, markers included, as it appears in a README. */
export function diagramBlock(source: DiagramSource): string {
  return [
    DIAGRAM_START,
    '<!-- generated from the machine definition by `npm run diagrams`; do not edit by hand -->',
    '',
    '```mermaid',
    toMermaid(machineOf(source)),
    '```',
    '',
    DIAGRAM_END,
  ].join('\n');
}

/** The README text between (and including) the markers, or `undefined` when it has none. */
export function readmeDiagram(readme: string): string | undefined {
  const start = readme.indexOf(DIAGRAM_START);
  const end = readme.indexOf(DIAGRAM_END, start);
  return start < 0 || end < 0 ? undefined : readme.slice(start, end + DIAGRAM_END.length);
}

/**
 * The README with its diagram block replaced by the current one; a README without markers gets the
 * block appended under a `## State diagram` heading, and a missing README (`undefined`) is created.
 */
export function withDiagram(readme: string | undefined, source: DiagramSource, title: string): string {
  const block = diagramBlock(source);
  if (readme === undefined) return `# ${title}\n\n## State diagram\n\n${block}\n`;
  const current = readmeDiagram(readme);
  if (current !== undefined) return readme.replace(current, () => block);
  return `${readme.trimEnd()}\n\n## State diagram\n\n${block}\n`;
}

/** Throws `SpecFailedError` unless the README shows the diagram of the current machine definition. */
export function expectDiagramUpToDate(source: DiagramSource, readme: string): void {
  const current = readmeDiagram(readme);
  if (current === undefined) {
    throw new SpecFailedError(`README has no ${DIAGRAM_START} block: run \`npm run diagrams\``);
  }
  const expected = diagramBlock(source);
  if (current !== expected) {
    throw new SpecFailedError(
      `README diagram is stale: run \`npm run diagrams\`.\nexpected:\n${expected}\nfound:\n${current}`,
    );
  }
}
