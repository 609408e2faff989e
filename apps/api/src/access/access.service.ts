import { Injectable } from '@nestjs/common';
import {
  customerFact,
  managersOnly,
  mayView,
  Org,
  seesAllTeams,
  SYSTEM_ACTOR as SYSTEM,
  type AccessRule,
  type Verdict,
} from '@ltc/access';
import type { Actor } from '@ltc/engine';
import type { UserDirectory } from '@ltc/users';
import { UserDirectoryProvider } from '../auth/user-directory.provider';
import { CustomerOwnership } from './customer-ownership';
import { enforce } from './enforce-verdict';

/** Process managers and schedules act as this user; it passes every rule, and history names it. */
export const SYSTEM_ACTOR: Actor = SYSTEM;

/**
 * The api side of the access rules (`@ltc/access`): builds the org from the users file, reads what a
 * rule asks for (a customer's owner, from its own stream), and throws the refusal a rule answers.
 */
@Injectable()
export class AccessService {
  private readonly orgs = new WeakMap<UserDirectory, Org>();

  constructor(
    private readonly users: UserDirectoryProvider,
    private readonly ownership: CustomerOwnership,
  ) {}

  /** The people directory as the rules read it, rebuilt only when the users file changed. */
  org(): Org {
    const directory = this.users.current();
    let org = this.orgs.get(directory);
    if (org === undefined) {
      org = new Org(directory.document.users);
      this.orgs.set(directory, org);
    }
    return org;
  }

  /** Runs `rule`, reading the customer it asks for, and throws unless it allows (403 or 400). */
  async authorize<C, S>(rule: AccessRule<C, S>, actor: Actor, command: C, state: S): Promise<void> {
    const org = this.org();
    let verdict: Verdict = rule({ actor, org, command, state });
    if (verdict.kind === 'needsCustomer') {
      const { customerId } = verdict;
      const customer = customerFact(customerId, await this.ownership.ownerOf(customerId));
      verdict = rule({ actor, org, command, state, customer });
    }
    enforce(verdict);
  }

  /** Managers, ops and admins see every team's deals; reps only their team's and their own. */
  seesAllTeams(actor: Actor): boolean {
    return seesAllTeams(actor);
  }

  /** True when `actor` may see work done by these people (same team, or one of them). */
  mayView(actor: Actor, people: readonly (string | null | undefined)[]): boolean {
    return mayView(actor, this.org(), people);
  }

  requireManager(actor: Actor, what: string): void {
    enforce(managersOnly(actor, what));
  }
}
