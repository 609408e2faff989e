import { incentivePeriodAccess, incentivePlanAccess } from '@ltc/access';
import type { CommandRequest } from '@ltc/engine';
import type { IncentivePeriodCommand } from '@ltc/workflow-incentive-period';
import type { IncentivePlanCommand } from '@ltc/workflow-incentive-plan';
import type { AccessService } from '../access/access.service';

/** The plan rules of `@ltc/access` (`incentivePlanAccess`), fed and enforced by the api. */
export function authorizeIncentivePlan(
  access: AccessService,
  { actor, command }: CommandRequest<IncentivePlanCommand>,
): Promise<void> {
  return access.authorize(incentivePlanAccess, actor, command, {});
}

/** The period rules (`incentivePeriodAccess`), with the participants of the period's plan. */
export function authorizeIncentivePeriod(
  access: AccessService,
  { actor, command }: CommandRequest<IncentivePeriodCommand>,
  participants: readonly string[],
): Promise<void> {
  return access.authorize(incentivePeriodAccess, actor, command, { participants });
}
