import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@ltc/engine';
import type { AuthenticatedRequest } from '../http/command-meta.decorator';

/** The authenticated actor of an `/api` request (the ApiKeyGuard put it there). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (actor === undefined) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});
