import { useEffect, useState } from 'react';
import type { OpenApiDocument } from '../forms/openapi';

let loading: Promise<OpenApiDocument> | undefined;

/** The api's OpenAPI document (`/docs-json`), fetched once: command forms and feature checks read it. */
export function loadDocument(): Promise<OpenApiDocument> {
  loading ??= fetch('/docs-json').then(async (r) => {
    if (!r.ok) throw new Error(`/docs-json answered ${r.status}`);
    return (await r.json()) as OpenApiDocument;
  });
  return loading;
}

export function useDocument(): OpenApiDocument | undefined {
  const [doc, setDoc] = useState<OpenApiDocument>();
  useEffect(() => {
    void loadDocument().then(setDoc, () => undefined);
  }, []);
  return doc;
}

/** Whether `GET path` takes the query parameter `name` (e.g. `knownAt` on `/api/funnel`). */
export const takesParameter = (doc: OpenApiDocument | undefined, path: string, name: string): boolean =>
  doc?.paths[path]?.['get']?.parameters?.some((p) => p.name === name && p.in === 'query') ?? false;
