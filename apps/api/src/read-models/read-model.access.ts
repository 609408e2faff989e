import { Injectable } from '@nestjs/common';
import { visibleTo } from '@ltc/access';
import type { Actor } from '@ltc/engine';
import type { TeamSpell } from '@ltc/workflow-person';
import { AccessService } from '../access/access.service';
import { OrgDirectory } from '../access/org-directory';

/** The org as known at a `knownAt`: an instant (ISO) or a log position (fixed-width digits). */
const known = (knownAt: string | undefined) =>
  knownAt === undefined
    ? {}
    : /^\d{20}(\/\d{20})?$/.test(knownAt)
      ? { knownPosition: knownAt }
      : /^\d{4}-\d{2}-\d{2}/.test(knownAt)
        ? { knownAt }
        : {};

/**
 * Read models follow the same visibility as deals (`visibleTo` in `@ltc/access`): managers, ops and
 * admins see every team; a rep sees the work of their own team.
 */
@Injectable()
export class ReadModelAccess {
  constructor(
    private readonly access: AccessService,
    private readonly org: OrgDirectory,
  ) {}

  /** The people whose work the actor may see, or undefined for everyone. */
  visibleTo(actor: Actor): readonly string[] | undefined {
    return visibleTo(actor, this.access.org());
  }

  /**
   * Who was credited to a team and when (`OrgTimeline.spellsIn`), as known now or at a `knownAt`
   * (an instant or a log position): "by team" filters count each fact for the team its person was in
   * when it occurred.
   */
  teamSpells(team: string, knownAt?: string): readonly TeamSpell[] {
    return this.org.timeline.spellsIn(team, known(knownAt));
  }

  /** The team a user was in at a business instant (a fact's `occurredAt`). */
  teamOf(user: string, at: string, knownAt?: string): string | undefined {
    return this.org.timeline.teamOf(user, at, known(knownAt));
  }
}
