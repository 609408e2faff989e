/** The rule codes an access refusal can carry: the `rule` of a 403 answer. */
export type RefusalRule =
  | 'arOrManagerCalls'
  | 'customerNotClaimed'
  | 'customerOwnedByAnother'
  | 'managersOnly'
  | 'managerOfParticipants'
  | 'managerOfTeam'
  | 'opsOnly'
  | 'ownCallOnly'
  | 'ownerIsSelfOrReport'
  | 'triangleMembersVote'
  | 'voterHoldsRole';

/** The actor may send the command (the machine still decides whether the deal accepts it). */
export type Allowed = Readonly<{ kind: 'allowed' }>;

/** The actor may not (HTTP 403): `rule` names the rule, `reason` says it in words. */
export type Refused = Readonly<{ kind: 'refused'; rule: RefusalRule; reason: string }>;

/** The command names something that does not exist (HTTP 400): an unknown user or customer. */
export type Invalid = Readonly<{ kind: 'invalid'; command: string; field: string; reason: string }>;

/** The rule cannot answer without this customer's owner: read it and ask again with `customer`. */
export type NeedsCustomer = Readonly<{ kind: 'needsCustomer'; customerId: string }>;

/** What an access rule answers. */
export type Verdict = Allowed | Refused | Invalid | NeedsCustomer;

/** The answer when nothing stands in the way. */
export const allowed: Allowed = { kind: 'allowed' };

export function refused(rule: RefusalRule, reason: string): Refused {
  return { kind: 'refused', rule, reason };
}

export function invalid(command: string, field: string, reason: string): Invalid {
  return { kind: 'invalid', command, field, reason };
}

/** The first answer that is not `allowed`, in order: the checks of a rule, as a rule reads them. */
export function firstOf(...verdicts: readonly (() => Verdict)[]): Verdict {
  for (const verdict of verdicts) {
    const answer = verdict();
    if (answer.kind !== 'allowed') return answer;
  }
  return allowed;
}
