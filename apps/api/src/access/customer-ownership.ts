import { Injectable } from '@nestjs/common';
import { customerStream } from '@ltc/domain';
import { customerWorkflow } from '@ltc/workflow-customer';
import { WorkflowEngine } from '../engine/workflow-engine.service';

/** Reads a customer's owner from its own stream (not a lagging read model): access must be exact. */
@Injectable()
export class CustomerOwnership {
  constructor(private readonly engine: WorkflowEngine) {}

  /** The owner, null for a public-pool customer, undefined for a customer that was never registered. */
  async ownerOf(customerId: string): Promise<string | null | undefined> {
    const view = await this.engine.pipeline.load(customerWorkflow, customerStream.id(customerId));
    if (view.revision === 'noStream') return undefined;
    return view.state.context.owner;
  }
}
