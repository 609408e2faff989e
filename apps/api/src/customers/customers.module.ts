import { Module, type OnModuleInit } from '@nestjs/common';
import { customerWorkflow } from '@ltc/workflow-customer';
import { AccessService } from '../access/access.service';
import { WorkflowRegistry } from '../engine/workflow-registry';
import { authorizeCustomer } from './customer.access';
import { CustomerController } from './customer.controller';
import { CustomerCommandHandler } from './customer.handler';
import { customerRoutes } from './customer.routes';
import { SweepIdleCustomersHandler } from './sweep.handler';
import { SweepScheduler } from './sweep.scheduler';

@Module({
  controllers: [CustomerController],
  providers: [CustomerCommandHandler, SweepIdleCustomersHandler, SweepScheduler],
})
export class CustomersModule implements OnModuleInit {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      kind: 'customer',
      plural: customerRoutes.path,
      workflow: customerWorkflow,
      streamId: customerRoutes.stream.id,
      authorize: (request, state) => authorizeCustomer(this.access, request, state),
      // A public-pool customer is everyone's to see; an owned one, its owner's team's.
      people: (state) => (state.context.owner === null ? ['*'] : [state.context.owner]),
    });
  }
}
