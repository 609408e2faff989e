import type { FieldError } from './error-body';

/** Deeper than any DTO nests (the deepest is three levels); class-transformer recurses without a limit. */
export const MAX_INPUT_DEPTH = 32;

/** Names no DTO field has, that plain-object handling treats specially (`__proto__`) or inherits. */
const RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const join = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent === '' ? key : `${parent}.${key}`;

/**
 * What the validation pipe refuses before class-transformer sees the input: nesting deeper than
 * `MAX_INPUT_DEPTH`, a field named like a member of `Object.prototype` (at any depth), and text that
 * is not well-formed Unicode (a lone surrogate). Iterative, so no input can exhaust the stack.
 */
export function inputShapeErrors(input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const stack: { value: unknown; field: string; depth: number }[] = [{ value: input, field: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, field, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) {
        errors.push({
          field,
          messages: [`${field || 'value'} must be well-formed Unicode text (no lone surrogate)`],
        });
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      errors.push({
        field,
        messages: [`${field || 'body'} is nested deeper than ${MAX_INPUT_DEPTH} levels`],
      });
      continue;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, field: join(field, i), depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const path = join(field, key);
      if (RESERVED.has(key)) errors.push({ field: path, messages: [`property ${key} should not exist`] });
      else stack.push({ value: (value as Record<string, unknown>)[key], field: path, depth: depth + 1 });
    }
  }
  return errors.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}
