import { Injectable } from '@nestjs/common';
import {
  customerFact,
  managersOnly,
  opsOnly,
  mayView,
  seesAllTeams,
  type Org,
  SYSTEM_ACTOR as SYSTEM,
  type AccessRule,
  type Verdict,
} from '@ltc/access';
import type { Actor } from '@ltc/engine';
import { CustomerOwnership } from './customer-ownership';
import { enforce } from './enforce-verdict';
import { OrgDirectory } from './org-directory';

/** Process managers and schedules act as this user; it passes every rule, and history names it. */
export const SYSTEM_ACTOR: Actor = SYSTEM;

/**
 * The api side of the access rules (`@ltc/access`): the org from the log (`OrgDirectory`), what a rule
 * asks for (a customer's owner, from its own stream), and the refusal a rule answers, thrown.
 */
@Injectable()
export class AccessService {
  constructor(
    private readonly directory: OrgDirectory,
    private readonly ownership: CustomerOwnership,
  ) {}

  /** The people directory as the rules read it: the org as the log has it now. */
  org(): Org {
    return this.directory.org();
  }

  /** Everyone who managed `person` at some business instant of `[from, to)`, as the log has it now. */
  managersDuring(person: string, from: string, to: string): Set<string> {
    return this.directory.timeline.managersDuring(person, from, to);
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

  /** Sales operations, an admin or the system (who also run the service: dead letters). */
  requireOps(actor: Actor, what: string): void {
    enforce(opsOnly(actor, what));
  }
}
