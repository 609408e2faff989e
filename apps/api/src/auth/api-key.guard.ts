import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { AuthenticatedRequest } from '../http/command-meta.decorator';
import { UserDirectoryProvider } from './user-directory.provider';

/** Every `/api` route needs `Authorization: Bearer <API key>`; the actor is attached to the request. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly users: UserDirectoryProvider) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.path.startsWith('/api/') && request.path !== '/api') return true;
    const header = request.header('authorization');
    const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
    if (match?.[1] === undefined) {
      throw new UnauthorizedException('send an API key as `Authorization: Bearer <key>`');
    }
    const actor = this.users.current().authenticate(match[1]);
    if (actor === undefined) throw new UnauthorizedException('unknown or revoked API key');
    request.actor = actor;
    return true;
  }
}
