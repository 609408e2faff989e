import { Module } from '@nestjs/common';
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

/** The read side of incentives: the stored statements read model (the write side is IncentivesModule). */
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
export class IncentiveStatementsModule {}
