import SwaggerParser from '@apidevtools/swagger-parser';
import type { ApiProcess } from '../support/api-process';
import { startSession } from '../support/session';

type Operation = {
  operationId?: string;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, unknown>;
  security?: unknown[];
  parameters?: { name: string; in: string }[];
};

describe('the OpenAPI document', () => {
  let api: ApiProcess;
  let doc: { paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    ({ api } = await startSession());
    doc = (await (await fetch(`${api.url}/docs-json`)).json()) as typeof doc;
  });
  afterAll(() => api.stop());

  it('is a valid OpenAPI 3 document, every $ref resolving', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('documents every command with a request schema, bearer auth and every answer it can give', () => {
    const commands = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        // Not commands: the sweep (no body), the history import (an NDJSON stream, tested below) and
        // the incentive what-if (a query with a body: nothing is appended, so no 409) and the dead-letter
        // retries (they re-run reactions).
        .filter(
          ([method]) =>
            method === 'post' &&
            path.startsWith('/api/') &&
            !path.endsWith('/sweep') &&
            path !== '/api/import' &&
            !path.startsWith('/api/process-managers/') &&
            path !== '/api/incentives/what-if',
        )
        .map(([, op]) => ({ path, op })),
    );
    expect(commands.length).toBeGreaterThanOrEqual(50);
    for (const { path, op } of commands) {
      expect({ path, responses: Object.keys(op.responses ?? {}).sort() }).toEqual({
        path,
        responses: ['200', '400', '401', '403', '404', '409', '429'],
      });
      expect({ path, security: op.security }).toEqual({ path, security: [{ bearer: [] }] });
      // Every command may be a late entry: the business-time header is documented on each.
      const headers = (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
      expect({ path, headers }).toEqual({
        path,
        headers: expect.arrayContaining(['Idempotency-Key', 'X-Correlation-Id', 'X-Occurred-At']),
      });
      const schema = op.requestBody?.content?.['application/json']?.schema;
      expect({ path, hasBody: schema !== undefined }).toEqual({ path, hasBody: true });
    }
  });

  it('documents the history import as an NDJSON stream in and out, for admins', () => {
    const op = doc.paths['/api/import']?.['post'] as Operation & {
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    expect(Object.keys(op.requestBody?.content ?? {})).toEqual(['application/x-ndjson']);
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '401', '403', '429']);
    expect(Object.keys(op.responses['200']?.content ?? {})).toEqual(['application/x-ndjson']);
    expect(op.security).toEqual([{ bearer: [] }]);
  });
});
