/**
 * Finds the first part of `value` that would not survive a JSON round trip unchanged, or undefined.
 * Undefined object properties are allowed (JSON drops them, as optional fields expect); undefined
 * elsewhere, BigInt, functions, symbols, non-finite numbers, cycles and non-plain objects are not.
 */
export function jsonProblem(value: unknown, path: string): JsonProblem | undefined {
  return check(value, path, []);
}

export type JsonProblem = Readonly<{ path: string; reason: string }>;

function check(value: unknown, path: string, ancestors: object[]): JsonProblem | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : { path, reason: `is ${value}, which JSON cannot hold` };
    case 'object':
      return value === null ? undefined : checkObject(value, path, ancestors);
    default:
      return {
        path,
        reason: `is ${value === undefined ? 'undefined' : `a ${typeof value}`}, which JSON cannot hold`,
      };
  }
}

function checkObject(value: object, path: string, ancestors: object[]): JsonProblem | undefined {
  if (ancestors.includes(value)) return { path, reason: 'is a circular reference' };
  ancestors.push(value);
  try {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const problem = check(value[i] as unknown, `${path}[${i}]`, ancestors);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'exotic object';
      return { path, reason: `is a ${name}, not a plain object (store dates as ISO strings)` };
    }
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      if (child === undefined) continue;
      const problem = check(child, `${path}.${key}`, ancestors);
      if (problem !== undefined) return problem;
    }
    return undefined;
  } finally {
    ancestors.pop();
  }
}
