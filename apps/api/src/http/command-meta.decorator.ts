import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor, OccurredAtMode } from '@ltc/engine';
import type { Request } from 'express';
import { InvalidInputException } from './validation';

/** Who sent a command and under which keys: taken from the authenticated request and its headers. */
export type CommandMeta = Readonly<{
  commandId: string;
  actor: Actor;
  correlationId?: string;
  /** Business time asked for (`X-Occurred-At`); the pipeline checks it against the late-entry rules. */
  occurredAt?: string;
  /** `clamp` for process managers (the causing event's time, moved up to the target stream). */
  occurredAtMode?: OccurredAtMode;
  /** A line of a history import (the importer's admin authorised it). */
  imported?: boolean;
}>;

export type AuthenticatedRequest = Request & { actor?: Actor };

const KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * `Idempotency-Key` (generated when absent), `X-Correlation-Id` and `X-Occurred-At` headers plus the
 * authenticated actor. `X-Occurred-At` is passed as sent: the pipeline judges it (format and rules).
 */
export const CommandMetadata = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandMeta => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  const key = request.header('idempotency-key');
  const correlation = request.header('x-correlation-id');
  const occurredAt = request.header('x-occurred-at');
  for (const [field, value] of [
    ['Idempotency-Key', key],
    ['X-Correlation-Id', correlation],
  ] as const) {
    if (value !== undefined && !KEY.test(value)) {
      throw new InvalidInputException([{ field, messages: [`${field} must match ${KEY.source}`] }]);
    }
  }
  if (request.actor === undefined) throw new Error('CommandMetadata used on a route without authentication');
  return {
    commandId: key ?? randomUUID(),
    actor: request.actor,
    ...(correlation === undefined ? {} : { correlationId: correlation }),
    ...(occurredAt === undefined ? {} : { occurredAt }),
  };
});
