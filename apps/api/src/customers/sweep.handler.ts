import { Inject, Logger } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@ltc/engine';
import { isIdle, type customerWorkflow } from '@ltc/workflow-customer';
import { CommandRefusedError } from '@ltc/workflow-kit';
import type { SnapshotFrom } from 'xstate';
import { AccessService, SYSTEM_ACTOR } from '../access/access.service';
import { POLICIES } from '../engine/engine.tokens';
import type { Policies } from '../engine/policies';
import { DealIndex } from '../queries/deal-index';
import { CustomerWorkflowCommand } from './customer.commands';
import { SweepIdleCustomersCommand, type SweepResult } from './sweep.command';

type CustomerState = SnapshotFrom<(typeof customerWorkflow)['machine']>;

/**
 * Finds idle customers in the index, then returns each through its own stream (which re-checks idleness
 * against the stream itself, so a touch that raced the sweep wins). Idempotent per customer and idle spell.
 */
@CommandHandler(SweepIdleCustomersCommand)
export class SweepIdleCustomersHandler implements ICommandHandler<SweepIdleCustomersCommand, SweepResult> {
  private readonly logger = new Logger('Sweep');

  constructor(
    private readonly index: DealIndex,
    private readonly commands: CommandBus,
    private readonly access: AccessService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(POLICIES) private readonly policies: Policies,
  ) {}

  async execute({ actor }: SweepIdleCustomersCommand): Promise<SweepResult> {
    this.access.requireManager(actor, 'sweep idle customers back to the public pool');
    const at = this.clock.now();
    const { idleDays } = this.policies.customer;
    const idle = this.index.list('customer').filter((c) => isIdle(c.state as CustomerState, at, idleDays));
    const returned: string[] = [];
    const skipped: string[] = [];
    const failed: string[] = [];
    for (const customer of idle) {
      const state = customer.state as CustomerState;
      const spell = `${state.context.owner ?? ''}:${state.context.lastTouchAt ?? state.context.ownedSince ?? ''}`;
      try {
        await this.commands.execute(
          new CustomerWorkflowCommand(
            customer.streamId,
            { type: 'ReturnCustomerToPublicPool', data: { reason: 'idle' } },
            { commandId: `sweep:${customer.id}:${spell}`, actor: SYSTEM_ACTOR, correlationId: `sweep:${at}` },
          ),
        );
        returned.push(customer.id);
      } catch (error) {
        // The stream itself says no (touched or released since the index saw it): not idle after all.
        if (error instanceof CommandRefusedError) {
          skipped.push(customer.id);
        } else {
          this.logger.warn(`could not return ${customer.id}: ${String(error)}`);
          failed.push(customer.id);
        }
      }
    }
    return { at, idleDays, returned, skipped, failed };
  }
}
