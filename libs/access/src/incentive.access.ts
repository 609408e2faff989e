import type { IncentivePeriodCommand } from '@ltc/workflow-incentive-period';
import type { IncentivePlanCommand } from '@ltc/workflow-incentive-plan';
import type { AccessRule } from './access-rule';
import { hasRole, isUnrestricted, type AccessActor } from './actor';
import type { Org } from './org';
import { allowed, refused, type Verdict } from './verdict';

/** Only sales operations (or an admin, or the system) may `what`. */
export function opsOnly(actor: AccessActor, what: string): Verdict {
  if (isUnrestricted(actor) || hasRole(actor, 'ops')) return allowed;
  return refused('opsOnly', `only sales operations or an admin may ${what}`);
}

/** Plans, their corrections, retirement and targets are sales operations' (and admins'). */
export const incentivePlanAccess: AccessRule<IncentivePlanCommand, unknown> = ({ actor, command }) => {
  switch (command.type) {
    case 'PublishIncentivePlan':
      return opsOnly(actor, 'publish an incentive plan');
    case 'CorrectIncentivePlan':
      return opsOnly(actor, 'correct an incentive plan');
    case 'RetireIncentivePlan':
      return opsOnly(actor, 'retire an incentive plan');
    case 'SetIncentiveTarget':
      return opsOnly(actor, 'set an incentive target');
    default: {
      const unknown: never = command;
      throw new Error(`no access rule for ${(unknown as IncentivePlanCommand).type}`);
    }
  }
};

/** What the period rules read: the participants of the period's plan (the caller reads the plan). */
export type IncentivePeriodFacts = Readonly<{ participants: readonly string[] }>;

const managesAParticipant = (actor: AccessActor, org: Org, participants: readonly string[]): boolean =>
  hasRole(actor, 'manager') && participants.some((person) => org.manages(actor.id, person));

/**
 * Periods: sales operations open them; a period is closed by sales operations or by a manager of one of
 * the plan's participants (admins and the system, e.g. the demo's monthly close, too).
 */
export const incentivePeriodAccess: AccessRule<IncentivePeriodCommand, IncentivePeriodFacts> = ({
  actor,
  org,
  command,
  state,
}) => {
  switch (command.type) {
    case 'OpenIncentivePeriod':
      return opsOnly(actor, 'open an incentive period');
    case 'CloseIncentivePeriod':
      if (
        isUnrestricted(actor) ||
        hasRole(actor, 'ops') ||
        managesAParticipant(actor, org, state.participants)
      ) {
        return allowed;
      }
      return refused(
        'managerOfParticipants',
        "only sales operations or a manager of the plan's participants may close an incentive period",
      );
    default: {
      const unknown: never = command;
      throw new Error(`no access rule for ${(unknown as IncentivePeriodCommand).type}`);
    }
  }
};
