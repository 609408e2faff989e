import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from '@ltc/engine';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

type Req = IncomingMessage & {
  id?: unknown;
  actor?: Actor;
  route?: { path?: unknown };
  baseUrl?: string;
  originalUrl?: string;
};

const HEADER_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The route as declared (`/api/leads/:id/touches`); the path as sent when no route matched (a 404, 413, 429). */
export function routeOf(req: Req): string {
  const path = req.route?.path;
  return typeof path === 'string'
    ? `${req.baseUrl ?? ''}${path}`
    : (req.originalUrl ?? req.url ?? '').split('?')[0]!;
}

const summary = (req: Req, res: ServerResponse) => ({
  method: req.method,
  route: routeOf(req),
  status: res.statusCode,
  actor: req.actor?.id ?? null,
});

/**
 * One JSON line per request when its answer is sent: method, route, status, duration in ms, the actor
 * and the correlation id (`X-Correlation-Id`, else one made for the request and sent back in that header).
 */
export function requestLog(logger: Logger) {
  return pinoHttp<Req, ServerResponse>({
    logger,
    quietReqLogger: true,
    genReqId: (req, res) => {
      const sent = req.headers['x-correlation-id'];
      const id = typeof sent === 'string' && HEADER_ID.test(sent) ? sent : randomUUID();
      res.setHeader('x-correlation-id', id);
      return id;
    },
    customLogLevel: (_req, res, error) =>
      error !== undefined || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    customSuccessMessage: (req, res, ms) =>
      `${req.method} ${routeOf(req)} ${res.statusCode} ${Math.round(ms)} ms`,
    customErrorMessage: (req, res) => `${req.method} ${routeOf(req)} ${res.statusCode}`,
    customAttributeKeys: { responseTime: 'durationMs', reqId: 'correlationId' },
    serializers: { req: () => undefined, res: () => undefined, err: () => undefined },
    customSuccessObject: (req, res, fields: object) => ({ ...fields, ...summary(req, res) }),
    customErrorObject: (req, res, _error, fields: object) => ({ ...fields, ...summary(req, res) }),
  });
}
