import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { IncentivePeriodsController } from './incentive-periods.controller';
import { GetPlanPeriodsHandler, PayrollExportHandler } from './incentive-periods.query-handler';
import { IncentiveStatementsController } from './incentive-statements.controller';
import {
  DiffIncentiveStatementHandler,
  ExplainIncentiveLineHandler,
  GetIncentiveStatementHandler,
} from './incentive-statements.query-handler';
import { IncentiveStatementsService } from './incentive-statements.service';
import { IncentiveWhatIfController } from './incentive-what-if.controller';
import { WhatIfHandler } from './incentive-what-if.query-handler';

/** The read side of incentives: statements computed from the log (the write side is IncentivesModule). */
@Module({
  controllers: [IncentiveStatementsController, IncentiveWhatIfController, IncentivePeriodsController],
  providers: [
    IncentiveStatementsService,
    GetIncentiveStatementHandler,
    ExplainIncentiveLineHandler,
    DiffIncentiveStatementHandler,
    WhatIfHandler,
    GetPlanPeriodsHandler,
    PayrollExportHandler,
  ],
  exports: [IncentiveStatementsService],
})
export class IncentiveStatementsModule implements OnApplicationBootstrap {
  constructor(private readonly statements: IncentiveStatementsService) {}

  onApplicationBootstrap(): Promise<void> {
    return this.statements.start();
  }
}
