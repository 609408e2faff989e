import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './config';
import type { AppOverrides } from './app-overrides';
import { ContractsModule } from './contracts/contracts.module';
import { CustomersModule } from './customers/customers.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { EngineModule } from './engine/engine.module';
import { EventStoreModule } from './event-store/event-store.module';
import { ForecastsModule } from './forecasts/forecasts.module';
import { HealthController } from './health/health.controller';
import { ImportModule } from './import/import.module';
import { IncentivesModule } from './incentives/incentives.module';
import { IncentiveStatementsModule } from './incentives/incentive-statements.module';
import { LeadsModule } from './leads/leads.module';
import { OpportunitiesModule } from './opportunities/opportunities.module';
import { PeopleModule } from './people/people.module';
import { ProcessManagersModule } from './process-managers/process-managers.module';
import { ReadModelsModule } from './read-models/read-models.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, overrides: AppOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        EventStoreModule.forRoot(config, overrides.eventStore),
        EngineModule.forRoot(config, overrides.clock),
        CustomersModule,
        LeadsModule,
        OpportunitiesModule,
        ContractsModule,
        PeopleModule,
        IncentivesModule,
        ForecastsModule,
        ProcessManagersModule.forRoot(config),
        ImportModule,
        ReadModelsModule,
        IncentiveStatementsModule,
        DashboardModule.forRoot(),
      ],
      controllers: [HealthController],
    };
  }
}
