import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { OrgDirectory } from '../access/org-directory';
import type { AuthenticatedRequest } from '../http/command-meta.decorator';
import { UserDirectoryProvider } from './user-directory.provider';

/**
 * Every `/api` route needs `Authorization: Bearer <API key>`. The users file says whose key it is; the
 * log says what that person is now (roles, team): the actor attached to the request.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly users: UserDirectoryProvider,
    private readonly org: OrgDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.path.startsWith('/api/') && request.path !== '/api') return true;
    const header = request.header('authorization');
    const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
    if (match?.[1] === undefined) {
      throw new UnauthorizedException('send an API key as `Authorization: Bearer <key>`');
    }
    const holder = this.users.current().authenticate(match[1]);
    if (holder === undefined) throw new UnauthorizedException('unknown or revoked API key');
    const actor = await this.org.actor(holder.person);
    if (actor === undefined) {
      throw new UnauthorizedException(
        `the key's person "${holder.person}" is not in the organisation (left, or never joined)`,
      );
    }
    request.actor = actor;
    return true;
  }
}
