import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@ltc/engine';
import type { Request } from 'express';
import { InvalidInputException } from './validation';

/** Who sent a command and under which keys: taken from the authenticated request and its headers. */
export type CommandMeta = Readonly<{ commandId: string; actor: Actor; correlationId?: string }>;

export type AuthenticatedRequest = Request & { actor?: Actor };

const KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/** `Idempotency-Key` (generated when absent) and `X-Correlation-Id` headers plus the authenticated actor. */
export const CommandMetadata = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandMeta => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  const key = request.header('idempotency-key');
  const correlation = request.header('x-correlation-id');
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
  };
});
