import { minorDigits, parseMajor } from '../format/money';
import { words } from '../format/words';
import { type JsonSchema, type OpenApiDocument, resolveSchema } from './openapi';

type Common = Readonly<{ name: string; label: string; required: boolean; description?: string }>;

/** One input of a generated form; `name` is the dotted path of the body field (`signedAmount`, `triangle.AR`). */
export type Field =
  | (Common & { kind: 'text' | 'textarea' | 'date' | 'datetime'; maxLength?: number; pattern?: string })
  | (Common & { kind: 'number'; minimum?: number; maximum?: number })
  | (Common & { kind: 'boolean' })
  | (Common & { kind: 'select'; options: readonly string[] })
  | (Common & { kind: 'money'; signed: boolean });

/** A command as a form: where it goes and what it takes. `pathFields` are named `:gate` etc. */
export type CommandForm = Readonly<{
  command: string;
  operationId: string;
  summary: string;
  path: string;
  pathFields: readonly Field[];
  fields: readonly Field[];
}>;

/** What the inputs hold: text as typed, booleans as checked; a money field's currency under `<name>#currency`. */
export type Values = Record<string, string | boolean>;

export type Built =
  { ok: true; path: string; body: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

const DAY_EXAMPLE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT_EXAMPLE = /^\d{4}-\d{2}-\d{2}T/;
const LONG_TEXT = 1000;

const isMoney = (s: JsonSchema) =>
  s.type === 'object' &&
  s.properties?.['amountMinor'] !== undefined &&
  s.properties['currency'] !== undefined;

function fieldOf(name: string, raw: JsonSchema, required: boolean, doc: OpenApiDocument): Field[] {
  const schema = resolveSchema(raw, doc);
  const key = name.split('.').at(-1) ?? name;
  const common = {
    name,
    label: words(key),
    required,
    ...(schema.description ? { description: schema.description } : {}),
  };
  if (isMoney(schema))
    return [{ ...common, kind: 'money', signed: schema.properties?.['amountMinor']?.minimum === undefined }];
  if (schema.type === 'object' && schema.properties) return fieldsOf(schema, doc, `${name}.`, required);
  if (schema.enum) return [{ ...common, kind: 'select', options: schema.enum }];
  if (schema.type === 'boolean') return [{ ...common, kind: 'boolean' }];
  if (schema.type === 'number' || schema.type === 'integer') {
    return [
      {
        ...common,
        kind: 'number',
        ...(schema.minimum === undefined ? {} : { minimum: schema.minimum }),
        ...(schema.maximum === undefined ? {} : { maximum: schema.maximum }),
      },
    ];
  }
  const example = typeof schema.example === 'string' ? schema.example : '';
  const kind = DAY_EXAMPLE.test(example)
    ? 'date'
    : INSTANT_EXAMPLE.test(example)
      ? 'datetime'
      : (schema.maxLength ?? 0) >= LONG_TEXT
        ? 'textarea'
        : 'text';
  return [
    {
      ...common,
      kind,
      ...(schema.maxLength === undefined ? {} : { maxLength: schema.maxLength }),
      ...(schema.pattern === undefined ? {} : { pattern: schema.pattern }),
    },
  ];
}

/** The inputs of an object schema, nested objects flattened to dotted names (money stays one input). */
export function fieldsOf(
  schema: JsonSchema,
  doc: OpenApiDocument,
  prefix = '',
  parentRequired = true,
): Field[] {
  const resolved = resolveSchema(schema, doc);
  const required = new Set(resolved.required ?? []);
  return Object.entries(resolved.properties ?? {}).flatMap(([key, property]) =>
    fieldOf(`${prefix}${key}`, property, parentRequired && required.has(key), doc),
  );
}

/**
 * Every command of a deal kind (`/api/opportunities`) that the document describes as a form, keyed by the
 * command's name (the operation summary starts with it: `CastGateVote: approve or reject ...`).
 */
export function commandForms(doc: OpenApiDocument, base: string): Map<string, CommandForm> {
  const forms = new Map<string, CommandForm>();
  for (const [path, operations] of Object.entries(doc.paths)) {
    const operation = operations['post'];
    if (!path.startsWith(`${base}/{id}/`) || operation === undefined) continue;
    const command = /^([A-Z][A-Za-z]+):\s*(.*)$/.exec(operation.summary ?? '');
    if (!command?.[1]) continue;
    const body = operation.requestBody?.content?.['application/json']?.schema;
    const pathFields = (operation.parameters ?? [])
      .filter((p) => p.in === 'path' && p.name !== 'id')
      .flatMap((p) => fieldOf(`:${p.name}`, p.schema ?? { type: 'string' }, true, doc));
    forms.set(command[1], {
      command: command[1],
      operationId: operation.operationId ?? command[1],
      summary: command[2] ?? '',
      path,
      pathFields,
      fields: body === undefined ? [] : fieldsOf(body, doc),
    });
  }
  return forms;
}

/** Start values: empty text, unchecked boxes, the first option, money in `currency`; `given` wins. */
export function initialValues(form: CommandForm, currency: string, given: Values = {}): Values {
  const values: Values = {};
  for (const field of [...form.pathFields, ...form.fields]) {
    if (field.kind === 'boolean') values[field.name] = false;
    else if (field.kind === 'select') values[field.name] = field.required ? (field.options[0] ?? '') : '';
    else values[field.name] = '';
    if (field.kind === 'money') values[`${field.name}#currency`] = currency;
  }
  return { ...values, ...given };
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1) ?? dotted] = value;
}

function valueOf(field: Field, values: Values): { value?: unknown; error?: string } {
  const raw = values[field.name];
  if (field.kind === 'boolean') return { value: raw === true };
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return field.required ? { error: 'required' } : {};
  switch (field.kind) {
    case 'number': {
      const number = Number(text);
      if (!Number.isFinite(number)) return { error: 'enter a number' };
      if (field.minimum !== undefined && number < field.minimum)
        return { error: `at least ${field.minimum}` };
      if (field.maximum !== undefined && number > field.maximum) return { error: `at most ${field.maximum}` };
      return { value: number };
    }
    case 'money': {
      const currency = String(values[`${field.name}#currency`] ?? '')
        .trim()
        .toUpperCase();
      if (!/^[A-Z]{3}$/.test(currency)) return { error: 'currency: a 3-letter code such as EUR' };
      let parsed: ReturnType<typeof parseMajor>;
      try {
        minorDigits(currency);
        parsed = parseMajor(text, currency);
      } catch {
        return { error: `unknown currency ${currency}` };
      }
      if ('error' in parsed) return { error: parsed.error };
      if (!field.signed && parsed.amountMinor < 0) return { error: 'must not be negative' };
      return { value: { amountMinor: parsed.amountMinor, currency } };
    }
    case 'datetime': {
      const date = new Date(text);
      return Number.isNaN(date.getTime())
        ? { error: 'enter a date and time' }
        : { value: date.toISOString() };
    }
    default:
      return { value: text };
  }
}

/** The request a form sends: path with `{id}` and path fields filled, body with typed values; or field errors. */
export function buildRequest(form: CommandForm, id: string, values: Values): Built {
  const errors: Record<string, string> = {};
  let path = form.path.replace('{id}', encodeURIComponent(id));
  for (const field of form.pathFields) {
    const { value, error } = valueOf(field, values);
    if (error !== undefined || value === undefined) errors[field.name] = error ?? 'required';
    else
      path = path.replace(
        `{${field.name.slice(1)}}`,
        encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value)),
      );
  }
  const body: Record<string, unknown> = {};
  for (const field of form.fields) {
    const { value, error } = valueOf(field, values);
    if (error !== undefined) errors[field.name] = error;
    else if (value !== undefined) setPath(body, field.name, value);
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, path, body };
}

/** The api's error body, as `http/error-body.ts` shapes it. */
export type ApiErrorBody = Readonly<{
  statusCode?: number;
  code?: string;
  message?: string;
  rule?: string;
  errors?: readonly { field: string; messages: readonly string[] }[];
}>;

/**
 * Puts the api's answer at the fields it names: `amount.amountMinor` belongs to the money field `amount`;
 * what names no field (a refusal, a rule) goes to `form`.
 */
export function errorsAtFields(form: CommandForm, answer: ApiErrorBody): Record<string, string> {
  const names = form.fields.map((f) => f.name).sort((a, b) => b.length - a.length);
  const errors: Record<string, string> = {};
  const rest: string[] = [];
  for (const { field, messages } of answer.errors ?? []) {
    const owner = names.find((name) => field === name || field.startsWith(`${name}.`));
    if (owner === undefined) rest.push(`${field}: ${messages.join('; ')}`);
    else errors[owner] = [errors[owner], ...messages].filter(Boolean).join('; ');
  }
  if (answer.errors === undefined || rest.length > 0) {
    const head = answer.message ?? answer.code ?? 'refused';
    errors['form'] = [
      answer.errors === undefined ? head : '',
      ...rest,
      answer.rule ? `(rule: ${answer.rule})` : '',
    ]
      .filter(Boolean)
      .join(' ');
  }
  return errors;
}
