import { isUnrestricted, speaksFor, type AccessActor } from './actor';
import type { Org } from './org';
import { allowed, invalid, refused, type Verdict } from './verdict';

/** A customer as read for a rule: its owner (null: the public pool), or that it was never registered. */
export type CustomerFact = Readonly<
  { id: string } & ({ registered: true; owner: string | null } | { registered: false })
>;

/** The fact for a customer whose owner was read as `owner` (undefined: no such customer). */
export function customerFact(id: string, owner: string | null | undefined): CustomerFact {
  return owner === undefined ? { id, registered: false } : { id, registered: true, owner };
}

export type WorksCustomerOptions = Readonly<{
  /** Anyone may act on a public-pool customer (capturing a lead for it). */
  allowUnowned?: boolean;
  /** People who may act whoever owns the customer: a lead's owner, a deal's iron triangle. */
  alsoAllowed?: readonly (string | null)[];
}>;

/**
 * "A follows, B may not": the actor works this customer when they are (or manage) one of
 * `alsoAllowed`, or own the customer, or manage its owner. Asks for the customer only when it must.
 */
export function worksCustomer(
  actor: AccessActor,
  org: Org,
  customerId: string,
  customer: CustomerFact | undefined,
  options: WorksCustomerOptions = {},
): Verdict {
  if (options.alsoAllowed?.some((p) => speaksFor(actor, org, p))) return allowed;
  if (customer?.id !== customerId) return { kind: 'needsCustomer', customerId };
  if (!customer.registered) {
    return invalid('command', 'customerId', `no customer "${customerId}"; register it first`);
  }
  const { owner } = customer;
  if (isUnrestricted(actor) || speaksFor(actor, org, owner)) return allowed;
  if (owner === null) {
    if (options.allowUnowned) return allowed;
    return refused(
      'customerNotClaimed',
      `customer ${customerId} is in the public pool: claim it before working its leads and deals`,
    );
  }
  return refused(
    'customerOwnedByAnother',
    `customer ${customerId} is followed by ${owner}: only ${owner} or their manager may work it`,
  );
}
