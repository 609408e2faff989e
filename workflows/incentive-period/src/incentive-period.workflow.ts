import { defineWorkflow, requireId } from '@ltc/workflow-kit';
import { asCommandField, parsePeriodId, periodRange } from '@ltc/workflow-incentive-plan';
import type { IncentivePeriodCommand } from './incentive-period.commands';
import { incentivePeriodMachine } from './incentive-period.machine';

/** The period workflow has no configuration; the type keeps its place beside the others'. */
export type IncentivePeriodPolicy = Readonly<Record<string, never>>;
export const defaultIncentivePeriodPolicy: IncentivePeriodPolicy = {};

const period = (command: string, value: unknown): string =>
  asCommandField(command, () => parsePeriodId(value).id);

/**
 * The period decider. Opening takes the period's UTC range; closing records who closed it (the close
 * event's log position is where the statements freeze). The plan side of opening (the plan exists and the
 * period is one of its periods) is the caller's check (`isPeriodOfPlan` over the plan's stream), before.
 */
export const incentivePeriodWorkflow = defineWorkflow<
  typeof incentivePeriodMachine,
  IncentivePeriodCommand,
  IncentivePeriodPolicy
>({
  name: 'incentive-period',
  version: 1,
  machine: incentivePeriodMachine,
  refusalTexts: {},
  commands: {
    OpenIncentivePeriod: {
      produces: 'IncentivePeriodOpened',
      build: ({ type, data }) => {
        const id = period(type, data.period);
        return {
          type: 'IncentivePeriodOpened',
          data: { planId: requireId(type, 'planId', data.planId), period: id, ...periodRange(id) },
        };
      },
    },
    CloseIncentivePeriod: {
      produces: 'IncentivePeriodClosed',
      build: (_command, state, { actor }) => ({
        type: 'IncentivePeriodClosed',
        data: { planId: state.context.planId ?? '', period: state.context.period ?? '', closedBy: actor },
      }),
    },
  },
});
