import { Injectable } from '@nestjs/common';
import type { Actor } from '@ltc/engine';
import { AccessService } from '../access/access.service';
import { UserDirectoryProvider } from '../auth/user-directory.provider';

/**
 * Read models follow the same visibility as deals: managers, ops and admins see every team; a rep sees
 * the work of their own team (deals where one of them owns it or holds a triangle role).
 */
@Injectable()
export class ReadModelAccess {
  constructor(
    private readonly users: UserDirectoryProvider,
    private readonly access: AccessService,
  ) {}

  /** The people whose work the actor may see, or undefined for everyone. */
  visibleTo(actor: Actor): readonly string[] | undefined {
    if (this.access.seesAllTeams(actor)) return undefined;
    const team = this.teamOf(actor.id) ?? actor.team;
    return [...new Set([actor.id, ...(team === undefined ? [] : this.teamMembers(team))])];
  }

  teamMembers(team: string): string[] {
    return this.users
      .current()
      .document.users.filter((u) => u.team === team)
      .map((u) => u.id);
  }

  teamOf(user: string): string | undefined {
    return this.users.current().user(user)?.team;
  }
}
