import { Injectable } from '@nestjs/common';
import { ForbiddenError, type Actor } from '@ltc/engine';
import { InvalidCommandError } from '@ltc/workflow-kit';
import { UserDirectoryProvider } from '../auth/user-directory.provider';
import { CustomerOwnership } from './customer-ownership';

/** Process managers and schedules act as this user; it passes every rule, and history names it. */
export const SYSTEM_ACTOR: Actor = { id: 'system', roles: ['system'] };

const has = (actor: Actor, role: string) => actor.roles.includes(role);

/**
 * Who may do what, in one place. "A follows, B may not": only a customer's owner, the owner's manager
 * (and admins) work its leads and deals; only managers assign; the machine itself checks that a gate
 * vote comes from the holder of the role on that deal.
 */
@Injectable()
export class AccessService {
  constructor(
    private readonly users: UserDirectoryProvider,
    private readonly ownership: CustomerOwnership,
  ) {}

  isUnrestricted(actor: Actor): boolean {
    return has(actor, 'system') || has(actor, 'admin');
  }

  /** Managers, ops and admins see every team's deals; reps only their team's and their own. */
  seesAllTeams(actor: Actor): boolean {
    return this.isUnrestricted(actor) || has(actor, 'manager') || has(actor, 'ops');
  }

  /** True when `actor` is `userId` or manages them. */
  speaksFor(actor: Actor, userId: string | null | undefined): boolean {
    if (userId === null || userId === undefined) return false;
    return actor.id === userId || this.users.current().manages(actor.id, userId);
  }

  /** True when `actor` may see work done by these people (same team, or one of them). */
  mayView(actor: Actor, people: readonly (string | null | undefined)[]): boolean {
    if (this.seesAllTeams(actor) || people.includes('*')) return true;
    const directory = this.users.current();
    return people.some(
      (p) => p !== null && p !== undefined && (p === actor.id || directory.sameTeam(actor.id, p)),
    );
  }

  /** Refuses, naming the owner: for rules that only the owner's side may pass. */
  requireOwner(owner: string | null, reason: string): never {
    throw new ForbiddenError(owner === null ? 'customerNotClaimed' : 'customerOwnedByAnother', reason);
  }

  requireManager(actor: Actor, what: string): void {
    if (this.isUnrestricted(actor) || has(actor, 'manager')) return;
    throw new ForbiddenError('managersOnly', `only a manager may ${what}`);
  }

  /** The user must exist in the users file (assignments name real people). */
  requireKnownUser(command: string, field: string, userId: string): void {
    if (this.users.current().user(userId) === undefined) {
      throw new InvalidCommandError(command, field, `"${userId}" is not a known user`);
    }
  }

  /**
   * The actor works this customer: owns it, manages its owner, or is also allowed as one of `alsoAllowed`
   * (a lead's owner, a deal's iron triangle). `allowUnowned` lets anyone act on a public-pool customer.
   */
  async requireWorksCustomer(
    actor: Actor,
    customerId: string,
    options: { allowUnowned?: boolean; alsoAllowed?: readonly (string | null)[] } = {},
  ): Promise<void> {
    if (options.alsoAllowed?.some((p) => this.speaksFor(actor, p))) return;
    const owner = await this.ownership.ownerOf(customerId);
    if (owner === undefined) {
      throw new InvalidCommandError(
        'command',
        'customerId',
        `no customer "${customerId}"; register it first`,
      );
    }
    if (this.isUnrestricted(actor)) return;
    if (this.speaksFor(actor, owner)) return;
    if (owner === null) {
      if (options.allowUnowned) return;
      throw new ForbiddenError(
        'customerNotClaimed',
        `customer ${customerId} is in the public pool: claim it before working its leads and deals`,
      );
    }
    throw new ForbiddenError(
      'customerOwnedByAnother',
      `customer ${customerId} is followed by ${owner}: only ${owner} or their manager may work it`,
    );
  }
}
