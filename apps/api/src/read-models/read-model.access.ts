import { Injectable } from '@nestjs/common';
import { visibleTo } from '@ltc/access';
import type { Actor } from '@ltc/engine';
import { AccessService } from '../access/access.service';

/**
 * Read models follow the same visibility as deals (`visibleTo` in `@ltc/access`): managers, ops and
 * admins see every team; a rep sees the work of their own team.
 */
@Injectable()
export class ReadModelAccess {
  constructor(private readonly access: AccessService) {}

  /** The people whose work the actor may see, or undefined for everyone. */
  visibleTo(actor: Actor): readonly string[] | undefined {
    return visibleTo(actor, this.access.org());
  }

  teamMembers(team: string): string[] {
    return this.access.org().teamMembers(team);
  }

  teamOf(user: string): string | undefined {
    return this.access.org().teamOf(user);
  }
}
