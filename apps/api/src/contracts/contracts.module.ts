import { Module, type OnModuleInit } from '@nestjs/common';
import { contractWorkflow } from '@ltc/workflow-contract';
import { AccessService } from '../access/access.service';
import { WorkflowRegistry } from '../engine/workflow-registry';
import { triangleMembers } from '../gates/triangle.access';
import { authorizeContract } from './contract.access';
import { ContractController } from './contract.controller';
import { ContractCommandHandler } from './contract.handler';

@Module({ controllers: [ContractController], providers: [ContractCommandHandler] })
export class ContractsModule implements OnModuleInit {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      kind: 'contract',
      plural: 'contracts',
      workflow: contractWorkflow,
      streamId: (id) => `contract-${id}`,
      authorize: (request, state) => authorizeContract(this.access, request, state),
      people: (state) => triangleMembers(state.context.triangle),
    });
  }
}
