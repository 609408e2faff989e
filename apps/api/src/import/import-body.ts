import type { GateName } from '@ltc/workflow-gates';
import { GateNamePipe } from '../gates/gate-name.pipe';
import type { CommandRoute } from '../http/command-route';
import type { FieldError } from '../http/error-body';
import { InvalidInputException, validationPipe } from '../http/validation';
import type { ImportCommand, LineRefusal } from './import-line';

/** A line's body as its route's handler receives it over HTTP: the DTO instance and the gate. */
export type LineBody = Readonly<{ body: object; gate: GateName | undefined }>;

const pipe = validationPipe();

/** The field errors of an invalid input, each named as a field of the line (`body.contact.email`). */
const inLine = (errors: readonly FieldError[]): FieldError[] =>
  errors.map((e) => ({ field: e.field === '' ? 'body' : `body.${e.field}`, messages: e.messages }));

/**
 * Runs a line's body through what its HTTP route runs: the gate as the `:gate` path pipe checks it, the
 * target as a creating route's id field, then the same validation pipe (input shape, the DTO's
 * class-validator rules, unknown fields refused) with the route's DTO. Refused: the fields, by line.
 */
export async function lineBody(
  route: CommandRoute,
  line: ImportCommand,
): Promise<{ ok: true; value: LineBody } | { ok: false; refusal: LineRefusal }> {
  const { gate: named, ...rest } = line.body;
  const fields: Record<string, unknown> = route.gates === undefined ? { ...line.body } : rest;
  const errors: FieldError[] = [];
  let gate: GateName | undefined;
  try {
    if (route.gates !== undefined) gate = new GateNamePipe(route.gates).transform(String(named));
  } catch (error) {
    if (!(error instanceof InvalidInputException)) throw error;
    errors.push(...inLine(error.fields));
  }
  if (route.creates !== undefined) {
    const given = fields[route.creates];
    if (given !== undefined && given !== line.target) {
      errors.push({
        field: `body.${route.creates}`,
        messages: [
          `${route.creates} is the line's target (${line.target}): leave it out or give the same id`,
        ],
      });
    }
    fields[route.creates] = line.target;
  }
  let body: object = fields;
  try {
    body = (await pipe.transform(fields, { type: 'body', metatype: route.dto })) as object;
  } catch (error) {
    if (!(error instanceof InvalidInputException)) throw error;
    errors.push(...inLine(error.fields));
  }
  if (errors.length > 0) {
    return {
      ok: false,
      refusal: {
        line: line.line,
        code: 'INVALID_INPUT',
        reason: errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join('; '),
        errors,
      },
    };
  }
  return { ok: true, value: { body, gate } };
}
