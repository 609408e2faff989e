/** The parts of an OpenAPI 3 document (`/docs-json`) the dashboard reads to build its command forms. */
export type JsonSchema = Readonly<{
  type?: string;
  format?: string;
  enum?: readonly string[];
  $ref?: string;
  allOf?: readonly JsonSchema[];
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  description?: string;
  example?: unknown;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
}>;

export type Parameter = Readonly<{ name: string; in: string; required?: boolean; schema?: JsonSchema }>;

export type Operation = Readonly<{
  operationId?: string;
  summary?: string;
  parameters?: readonly Parameter[];
  requestBody?: Readonly<{ content?: Readonly<Record<string, Readonly<{ schema?: JsonSchema }>>> }>;
}>;

export type OpenApiDocument = Readonly<{
  paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  components?: Readonly<{ schemas?: Readonly<Record<string, JsonSchema>> }>;
}>;

/** Follows `$ref` and a single-entry `allOf` (how Nest's swagger wraps a described `$ref`). */
export function resolveSchema(schema: JsonSchema, doc: OpenApiDocument): JsonSchema {
  const { allOf, $ref, ...rest } = schema;
  if ($ref !== undefined) {
    const target = doc.components?.schemas?.[$ref.replace('#/components/schemas/', '')];
    if (target === undefined) throw new Error(`unresolved schema ${$ref}`);
    return { ...resolveSchema(target, doc), ...rest };
  }
  const first = allOf?.[0];
  if (allOf?.length === 1 && first !== undefined) return { ...resolveSchema(first, doc), ...rest };
  return schema;
}
