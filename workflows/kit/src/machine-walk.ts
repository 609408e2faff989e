import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { describeGuard } from './guards';

/** One transition of a machine definition, in a form tools can print and compare. */
export type TransitionInfo = Readonly<{
  /** Dotted path of the state node that owns the transition, e.g. `gate.voting`. */
  source: string;
  event: string;
  /** Dotted target paths; the source itself for a targetless (context-only) transition. */
  targets: readonly string[];
  guard: string | undefined;
  definition: AnyTransitionDefinition;
}>;

/** Dotted path of a state node below the root (`''` for the root). */
export const nodePath = (node: AnyStateNode): string => node.path.join('.');

/** Every state node below the root, depth first in document order (history nodes left out). */
export function stateNodes(machine: AnyStateMachine): AnyStateNode[] {
  const out: AnyStateNode[] = [];
  const visit = (node: AnyStateNode): void => {
    for (const child of Object.values(node.states) as AnyStateNode[]) {
      if (child.type === 'history') continue;
      out.push(child);
      visit(child);
    }
  };
  visit(machine.root);
  return out;
}

/** Every event-driven transition of the machine (root included), in document order. */
export function machineTransitions(machine: AnyStateMachine): TransitionInfo[] {
  const owners: AnyStateNode[] = [machine.root, ...stateNodes(machine)];
  return owners.flatMap((node) =>
    [...node.transitions.entries()].flatMap(([event, list]) =>
      list.map((definition): TransitionInfo => ({
        source: nodePath(node),
        event,
        targets: definition.target?.map(nodePath) ?? [nodePath(node)],
        guard: describeGuard(definition.guard),
        definition,
      })),
    ),
  );
}

/** `source --Event [guard]--> target`: how a transition is named in reports. */
export function describeTransition(t: TransitionInfo): string {
  const guard = t.guard === undefined ? '' : ` [${t.guard}]`;
  return `${t.source || '(root)'} --${t.event}${guard}--> ${t.targets.join(', ')}`;
}
