import type { AccessRule } from '../access-rule';
import type { AccessActor } from '../actor';
import type { Org } from '../org';
import type { RefusalRule, Verdict } from '../verdict';
import { customerFact } from '../works-customer';

type Outcome = Readonly<{ verdict: Verdict; asked: readonly string[] }>;

export type AccessThen = Readonly<{
  /** The actor may send the command; answers which customers the rule asked for. */
  thenAllowed: () => Outcome;
  /** Refused with this rule (a 403 naming it). */
  thenRefused: (rule: RefusalRule) => Outcome;
  /** Refused as invalid input at this field (a 400). */
  thenInvalid: (field: string) => Outcome;
}>;

export type AccessGiven<C, S> = (given: {
  state: S;
  /** Customer owners the store holds (null: the public pool); a customer not named was never registered. */
  customers?: Readonly<Record<string, string | null>>;
}) => Readonly<{ when: (actor: AccessActor, command: C) => AccessThen }>;

/**
 * Given/when/then for an access rule: `given({ state, customers }).when(actor, command).thenRefused(rule)`.
 * Answers the rule's `needsCustomer` from `customers`, as the api does from the customer's stream.
 */
export function accessSpec<C, S>(rule: AccessRule<C, S>, org: Org): AccessGiven<C, S> {
  return ({ state, customers = {} }) => ({
    when: (actor, command) => {
      const run = (): Outcome => {
        const asked: string[] = [];
        let verdict = rule({ actor, org, command, state });
        while (verdict.kind === 'needsCustomer') {
          const { customerId } = verdict;
          if (asked.includes(customerId)) throw new Error(`asked twice for customer ${customerId}`);
          asked.push(customerId);
          const customer = customerFact(customerId, customers[customerId]);
          verdict = rule({ actor, org, command, state, customer });
        }
        return { verdict, asked };
      };
      const expect = (holds: (v: Verdict) => boolean, wanted: string): Outcome => {
        const outcome = run();
        if (!holds(outcome.verdict)) {
          throw new Error(
            `${actor.id} ${JSON.stringify(command)}: wanted ${wanted}, got ${JSON.stringify(outcome.verdict)}`,
          );
        }
        return outcome;
      };
      return {
        thenAllowed: () => expect((v) => v.kind === 'allowed', 'allowed'),
        thenRefused: (r) => expect((v) => v.kind === 'refused' && v.rule === r, `refused by ${r}`),
        thenInvalid: (field) => expect((v) => v.kind === 'invalid' && v.field === field, `invalid ${field}`),
      };
    },
  });
}
