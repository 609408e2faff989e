import type { AnyMachineSnapshot } from 'xstate';

type GuardArgs = Readonly<{ context: unknown; event: unknown }>;
type Fields = Readonly<Record<string, unknown>>;
type Builtin = ((args: GuardArgs, params: unknown) => boolean) & {
  check: (snapshot: unknown, args: GuardArgs, guard: unknown) => boolean;
  guards: readonly unknown[];
};
type Evaluated = Readonly<{ passed: boolean; failed: string | undefined }>;

const fieldsOf = (value: unknown): Fields | undefined =>
  (typeof value === 'object' && value !== null) || typeof value === 'function'
    ? (value as Fields)
    : undefined;

// XState's `and`/`or`/`not` are functions named after the operator carrying `check` and `guards`.
function asBuiltin(value: unknown): Builtin | undefined {
  const fields = fieldsOf(value);
  if (typeof value !== 'function' || fields === undefined) return undefined;
  return typeof fields['check'] === 'function' && Array.isArray(fields['guards'])
    ? (value as Builtin)
    : undefined;
}

/** The name a guard is shown with in refusals and diagrams: `name`, `and(a, b)`, `not(a)`. */
export function describeGuard(guard: unknown): string | undefined {
  if (typeof guard === 'string') return guard;
  const builtin = asBuiltin(guard);
  if (builtin !== undefined) {
    return `${builtin.name}(${builtin.guards.map((g) => describeGuard(g) ?? 'inlineGuard').join(', ')})`;
  }
  if (typeof guard === 'function') return guard.name || 'inlineGuard';
  const type = fieldsOf(guard)?.['type'];
  return typeof type === 'string' ? type : undefined;
}

// XState's own evaluator is internal; this mirrors it closely enough to name the leaf guard that failed.
function evaluate(guard: unknown, args: GuardArgs, snapshot: AnyMachineSnapshot, depth: number): Evaluated {
  if (depth > 20) return { passed: false, failed: undefined };
  const fields = typeof guard === 'function' ? undefined : fieldsOf(guard);
  const key =
    typeof guard === 'string' ? guard : typeof fields?.['type'] === 'string' ? fields['type'] : undefined;
  const implementations = snapshot.machine.implementations.guards as Fields;
  const resolved: unknown = key === undefined ? guard : implementations[key];
  if (typeof resolved !== 'function') return { passed: false, failed: key };
  const builtin = asBuiltin(resolved);
  if (builtin !== undefined) {
    const passed = builtin.check(snapshot, args, builtin);
    if (passed) return { passed, failed: undefined };
    // An `and` fails on its first failing part: name that part, it is the actionable rule.
    if (builtin.name === 'and') {
      for (const child of builtin.guards) {
        const result = evaluate(child, args, snapshot, depth + 1);
        if (!result.passed) return { passed: false, failed: result.failed ?? key ?? describeGuard(builtin) };
      }
    }
    return { passed, failed: key ?? describeGuard(builtin) };
  }
  const predicate = resolved as (a: GuardArgs, p: unknown) => boolean;
  const rawParams = fields?.['params'];
  const params: unknown =
    typeof rawParams === 'function' ? (rawParams as (a: GuardArgs) => unknown)(args) : rawParams;
  const passed = predicate(args, params);
  return { passed, failed: passed ? undefined : (key ?? describeGuard(resolved)) };
}

/**
 * The name of the guard that stops `guard` from passing for this snapshot and event, descending into
 * `and(...)` (also when a named guard is an `and`) so the refusal names the missing part. `undefined`
 * when the guard passes.
 */
export function failingGuard(
  guard: unknown,
  snapshot: AnyMachineSnapshot,
  event: unknown,
): string | undefined {
  const result = evaluate(guard, { context: snapshot.context, event }, snapshot, 0);
  return result.passed ? undefined : (result.failed ?? describeGuard(guard));
}
