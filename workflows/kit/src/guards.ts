import type { AnyStateMachine } from 'xstate';

/** What a guard reads: the machine's context and the event. */
export type GuardArgs = Readonly<{ context: unknown; event: unknown }>;

type Fields = Readonly<Record<string, unknown>>;
type Predicate = (args: GuardArgs, params: unknown) => boolean;
// XState's `and`/`or`/`not`/`stateIn` are functions carrying `check`; the combinators also carry `guards`.
type Builtin = Predicate & {
  check: (snapshot: unknown, args: GuardArgs, guard: unknown) => boolean;
  guards?: readonly unknown[];
};

const fieldsOf = (value: unknown): Fields | undefined =>
  (typeof value === 'object' && value !== null) || typeof value === 'function'
    ? (value as Fields)
    : undefined;

function asBuiltin(value: unknown): Builtin | undefined {
  return typeof value === 'function' && typeof fieldsOf(value)?.['check'] === 'function'
    ? (value as Builtin)
    : undefined;
}

const combinatorParts = (builtin: Builtin): readonly unknown[] | undefined =>
  Array.isArray(builtin.guards) ? builtin.guards : undefined;

/** The name a guard is shown with in refusals and diagrams: `name`, `and(a, b)`, `not(a)`. */
export function describeGuard(guard: unknown): string | undefined {
  if (typeof guard === 'string') return guard;
  const builtin = asBuiltin(guard);
  const parts = builtin === undefined ? undefined : combinatorParts(builtin);
  if (builtin !== undefined && parts !== undefined) {
    return `${builtin.name}(${parts.map((g) => describeGuard(g) ?? 'inlineGuard').join(', ')})`;
  }
  if (typeof guard === 'function') return guard.name || 'inlineGuard';
  const type = fieldsOf(guard)?.['type'];
  return typeof type === 'string' ? type : undefined;
}

/** How the kit evaluates a machine's guards: the fast replay and the naming of refusals alike. */
export type GuardEvaluator = Readonly<{
  /** Whether the guard passes. `snapshot` is what XState's built-in guards read (`{ machine }` suffices for and/or/not). */
  passes: (guard: unknown, args: GuardArgs, snapshot?: unknown) => boolean;
  /**
   * The name of the guard that stops `guard` from passing, descending into `and(...)` (also when a
   * named guard is an `and`) so a refusal names the missing part; `undefined` when it passes.
   */
  failing: (guard: unknown, args: GuardArgs, snapshot?: unknown) => string | undefined;
  /** False for guards XState evaluates against the full snapshot (`stateIn`), at any depth. */
  contextOnly: (guard: unknown) => boolean;
}>;

/**
 * A guard is a name, `{ type, params }`, an inline predicate or a built-in combinator; named guards
 * resolve through `setup({ guards })`, and combinators evaluate their parts through XState's own `check`.
 */
export function guardEvaluator(machine: AnyStateMachine): GuardEvaluator {
  const implementations = machine.implementations.guards as Fields;
  const fallback = { machine };
  const keyOf = (guard: unknown): string | undefined => {
    if (typeof guard === 'string') return guard;
    const type = typeof guard === 'function' ? undefined : fieldsOf(guard)?.['type'];
    return typeof type === 'string' ? type : undefined;
  };
  const resolve = (guard: unknown): unknown => {
    if (typeof guard === 'function') return guard;
    const key = keyOf(guard);
    return key === undefined ? undefined : implementations[key];
  };
  const paramsOf = (guard: unknown, args: GuardArgs): unknown => {
    const raw = typeof guard === 'object' && guard !== null ? (guard as Fields)['params'] : undefined;
    return typeof raw === 'function' ? (raw as (a: GuardArgs) => unknown)(args) : raw;
  };

  const passes = (guard: unknown, args: GuardArgs, snapshot: unknown = fallback): boolean => {
    const resolved = resolve(guard);
    if (resolved === undefined)
      throw new Error(`the machine names guard ${String(keyOf(guard))} but provides no such guard`);
    if (typeof resolved !== 'function') return passes(resolved, args, snapshot);
    const builtin = asBuiltin(resolved);
    if (builtin !== undefined) return builtin.check(snapshot, args, builtin);
    return (resolved as Predicate)(args, paramsOf(guard, args));
  };

  const failing = (guard: unknown, args: GuardArgs, snapshot: unknown = fallback): string | undefined => {
    const resolved = resolve(guard);
    const key = keyOf(guard);
    if (typeof resolved !== 'function') return key ?? describeGuard(guard);
    if (passes(guard, args, snapshot)) return undefined;
    const builtin = asBuiltin(resolved);
    const parts = builtin === undefined ? undefined : combinatorParts(builtin);
    // An `and` fails on its first failing part: name that part, it is the actionable rule.
    if (builtin?.name === 'and' && parts !== undefined) {
      for (const part of parts) {
        const failed = failing(part, args, snapshot);
        if (failed !== undefined) return failed;
      }
    }
    return key ?? describeGuard(resolved);
  };

  const contextOnly = (guard: unknown, depth = 0): boolean => {
    if (depth > 20) return false;
    const resolved = resolve(guard);
    if (typeof resolved !== 'function') return resolved !== undefined && contextOnly(resolved, depth + 1);
    const builtin = asBuiltin(resolved);
    if (builtin === undefined) return true;
    const parts = combinatorParts(builtin);
    return parts !== undefined && parts.every((part) => contextOnly(part, depth + 1));
  };

  return { passes, failing, contextOnly: (guard) => contextOnly(guard) };
}
