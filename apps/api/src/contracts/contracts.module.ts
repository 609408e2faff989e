import { Module, type OnModuleInit } from '@nestjs/common';
import { triangleMembers } from '@ltc/access';
import { contractWorkflow } from '@ltc/workflow-contract';
import { AccessService } from '../access/access.service';
import { WorkflowRegistry } from '../engine/workflow-registry';
import { CommandController } from '../http/command.controller';
import { authorizeContract } from './contract.access';
import { ContractCommandHandler } from './contract.handler';
import { contractRoutes } from './contract.routes';

@Module({ controllers: [CommandController(contractRoutes)], providers: [ContractCommandHandler] })
export class ContractsModule implements OnModuleInit {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      kind: 'contract',
      plural: contractRoutes.path,
      workflow: contractWorkflow,
      streamId: contractRoutes.stream.id,
      authorize: (request, state) => authorizeContract(this.access, request, state),
      people: (state) => triangleMembers(state.context.triangle),
    });
  }
}
