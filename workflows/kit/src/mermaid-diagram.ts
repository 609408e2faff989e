import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { machineTransitions, nodePath, stateNodes } from './machine-walk';

// Mermaid ids may not contain dots; nested states get their path joined with underscores.
const idOf = (path: string): string => (path === '' ? '[*]' : path.replace(/\./g, '_'));

function initialTarget(node: AnyStateNode): string | undefined {
  if (node.type !== 'compound') return undefined;
  const target = node.initial.target[0];
  return target === undefined ? undefined : idOf(nodePath(target));
}

function composite(node: AnyStateNode, indent: string): string[] {
  const lines: string[] = [];
  const children = (Object.values(node.states) as AnyStateNode[]).filter((c) => c.type !== 'history');
  const initial = initialTarget(node);
  if (initial !== undefined) lines.push(`${indent}[*] --> ${initial}`);
  for (const child of children) {
    const id = idOf(nodePath(child));
    if (child.key !== id) lines.push(`${indent}state "${child.key}" as ${id}`);
    if (child.type === 'compound' || child.type === 'parallel') {
      lines.push(`${indent}state ${id} {`, ...composite(child, `${indent}  `), `${indent}}`);
    }
    if (child.type === 'final') lines.push(`${indent}${id} --> [*]`);
  }
  return lines;
}

/**
 * A Mermaid `stateDiagram-v2` of a machine definition: states (nested ones as composites), the initial
 * state, every event transition labelled `Event [guard]` (a targetless one as a self-loop), final states.
 * Pure and deterministic, so a README can be checked against it.
 */
export function toMermaid(machine: AnyStateMachine): string {
  const lines = ['stateDiagram-v2', ...composite(machine.root, '  ')];
  for (const t of machineTransitions(machine)) {
    const label = t.guard === undefined ? t.event : `${t.event} [${t.guard}]`;
    for (const target of t.targets) lines.push(`  ${idOf(t.source)} --> ${idOf(target)} : ${label}`);
  }
  // A state with no transition, initial arrow or declaration of its own would vanish: list it bare.
  const shown = new Set(machineTransitions(machine).flatMap((t) => [t.source, ...t.targets]));
  for (const node of stateNodes(machine)) {
    const nested = node.path.length > 1 || node.type !== 'atomic';
    const initial = node.parent?.initial.target.includes(node) ?? false;
    if (!nested && !initial && !shown.has(nodePath(node))) lines.push(`  ${idOf(nodePath(node))}`);
  }
  return lines.join('\n');
}
