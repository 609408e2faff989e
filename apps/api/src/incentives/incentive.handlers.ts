import { NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { incentivePlanStream } from '@ltc/domain';
import type { CommandResult } from '@ltc/engine';
import { StreamNotFoundError } from '@ltc/event-store';
import { defaultIncentivePeriodPolicy, incentivePeriodWorkflow } from '@ltc/workflow-incentive-period';
import {
  comparePeriods,
  defaultIncentivePlanPolicy,
  incentivePlanWorkflow,
  isPeriodOfPlan,
} from '@ltc/workflow-incentive-plan';
import { CommandRefusedError } from '@ltc/workflow-kit';
import { AccessService } from '../access/access.service';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { authorizeIncentivePeriod, authorizeIncentivePlan } from './incentive.access';
import { IncentivePeriodWorkflowCommand, IncentivePlanWorkflowCommand } from './incentive.commands';

/** Every plan command through the engine. */
@CommandHandler(IncentivePlanWorkflowCommand)
export class IncentivePlanCommandHandler implements ICommandHandler<
  IncentivePlanWorkflowCommand,
  CommandResult
> {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly access: AccessService,
  ) {}

  execute(message: IncentivePlanWorkflowCommand): Promise<CommandResult> {
    return this.engine.execute(incentivePlanWorkflow, defaultIncentivePlanPolicy, message, (request) =>
      authorizeIncentivePlan(this.access, request),
    );
  }
}

/**
 * Every period command through the engine, after the plan's side: the plan exists, and a period opened
 * is one of its periods (of its kind, not before it took effect, not after it was retired): a 409 naming
 * the rule otherwise, nothing appended. The access rule reads the plan's participants.
 */
@CommandHandler(IncentivePeriodWorkflowCommand)
export class IncentivePeriodCommandHandler implements ICommandHandler<
  IncentivePeriodWorkflowCommand,
  CommandResult
> {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly access: AccessService,
  ) {}

  async execute(message: IncentivePeriodWorkflowCommand): Promise<CommandResult> {
    const { command } = message;
    const { planId, period } = command.data;
    const plan = await this.engine.pipeline.load(incentivePlanWorkflow, incentivePlanStream.id(planId));
    const refuse = (rule: string, reason: string): never => {
      throw new CommandRefusedError({
        workflow: incentivePeriodWorkflow.name,
        command: command.type,
        state: 'none',
        rule,
        reason,
        allowed: [],
      });
    };
    if (plan.revision === 'noStream') refuse('planExists', `there is no incentive plan ${planId}`);
    const { context } = plan.state;
    if (command.type === 'OpenIncentivePeriod' && /^\d{4}-/.test(period)) {
      const retired = context.retiredAfter !== null && comparePeriods(period, context.retiredAfter) > 0;
      if (!isPeriodOfPlan(context, period) || retired) {
        refuse(
          'periodOfPlan',
          `${period} is not a period of plan ${planId} (${context.terms?.periodKind ?? ''} periods from ${
            context.effectiveFrom ?? ''
          }${context.retiredAfter === null ? '' : ` to ${context.retiredAfter}`})`,
        );
      }
    }
    const participants = context.terms?.participants ?? [];
    try {
      return await this.engine.execute(
        incentivePeriodWorkflow,
        defaultIncentivePeriodPolicy,
        message,
        (request) => authorizeIncentivePeriod(this.access, request, participants),
      );
    } catch (error) {
      throw periodRefusal(error, `${planId}.${period}`);
    }
  }
}

/**
 * A refused period command said as the rule it is, nothing appended: closing a period never opened is a
 * 404 naming how to open it; any command on a closed one, reopening included, a 409 `closedIsFinal`.
 * Refused after the engine, so that a retried close with its idempotency key still answers the first time.
 */
function periodRefusal(error: unknown, id: string): unknown {
  if (error instanceof StreamNotFoundError) {
    return new NotFoundException(
      `incentive period ${id} was never opened: open it (POST /api/incentives/periods/${id}/open) before closing it`,
    );
  }
  if (!(error instanceof CommandRefusedError)) return error;
  const r = error.refusal;
  if (r.state !== 'closed' || (r.rule !== 'transitionNotAllowed' && r.rule !== 'alreadyExists')) return error;
  return new CommandRefusedError({
    ...r,
    rule: 'closedIsFinal',
    reason: `incentive period ${id} is closed, and closed is final: its statements stay frozen, later changes to it are paid as adjustments in the next open period`,
  });
}
