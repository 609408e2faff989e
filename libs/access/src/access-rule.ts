import type { AccessActor } from './actor';
import type { Org } from './org';
import type { Verdict } from './verdict';
import type { CustomerFact } from './works-customer';

/** Everything a rule judges: who, the people directory, the command, the stream's state, pre-read facts. */
export type AccessRequest<C, S> = Readonly<{
  actor: AccessActor;
  org: Org;
  command: C;
  state: S;
  /** The customer the rule asked for with `needsCustomer`, once read. */
  customer?: CustomerFact;
}>;

/** A pure access rule for one workflow's commands. */
export type AccessRule<C, S> = (request: AccessRequest<C, S>) => Verdict;
