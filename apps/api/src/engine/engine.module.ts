import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { UpcasterRegistry } from '@ltc/domain';
import { CLOCK, SystemClock, type Clock } from '@ltc/engine';
import { AccessService } from '../access/access.service';
import { CustomerOwnership } from '../access/customer-ownership';
import { OrgDirectory } from '../access/org-directory';
import { APP_CONFIG } from '../app-config.token';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { UserDirectoryProvider } from '../auth/user-directory.provider';
import type { AppConfig } from '../config';
import { ErrorFilter } from '../http/error.filter';
import { DealViews } from '../queries/deal-views.service';
import { GetDealHandler, GetHistoryHandler, ListDealsHandler } from '../queries/deal.query-handlers';
import { POLICIES } from './engine.tokens';
import { defaultPolicies } from './policies';
import { WorkflowEngine } from './workflow-engine.service';
import { WorkflowRegistry } from './workflow-registry';

const queryHandlers = [GetDealHandler, GetHistoryHandler, ListDealsHandler];

/** The engine for every workflow module: pipeline, clock, policies, users, access rules and queries. */
@Global()
@Module({})
export class EngineModule {
  /** `clock`: another clock than the system's (the demo seeds with a simulated one). */
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: EngineModule,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        clock === undefined ? { provide: CLOCK, useClass: SystemClock } : { provide: CLOCK, useValue: clock },
        { provide: UpcasterRegistry, useValue: new UpcasterRegistry() },
        { provide: POLICIES, useValue: defaultPolicies },
        { provide: UserDirectoryProvider, useFactory: () => new UserDirectoryProvider(config.usersFile) },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        WorkflowRegistry,
        WorkflowEngine,
        CustomerOwnership,
        OrgDirectory,
        AccessService,
        DealViews,
        ...queryHandlers,
      ],
      exports: [
        APP_CONFIG,
        CLOCK,
        UpcasterRegistry,
        POLICIES,
        WorkflowRegistry,
        WorkflowEngine,
        AccessService,
        OrgDirectory,
        CqrsModule,
        UserDirectoryProvider,
      ],
    };
  }
}
