import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { opsOnly } from '@ltc/access';
import { incentivePeriodStream } from '@ltc/domain';
import type { Actor } from '@ltc/engine';
import { payrollExport, planPeriods, type PlanPeriods } from '@ltc/read-models';
import { parseIncentivePeriodStreamId } from '@ltc/workflow-incentive-period';
import { parsePeriodId } from '@ltc/workflow-incentive-plan';
import { enforce } from '../access/enforce-verdict';
import { IncentiveStatementsService } from './incentive-statements.service';

export class GetPlanPeriodsQuery extends Query<PlanPeriods> {
  constructor(
    readonly actor: Actor,
    readonly planId: string,
  ) {
    super();
  }
}

/** The periods of a plan with their status and every person's totals: sales operations' and admins'. */
@QueryHandler(GetPlanPeriodsQuery)
export class GetPlanPeriodsHandler implements IQueryHandler<GetPlanPeriodsQuery> {
  constructor(private readonly statements: IncentiveStatementsService) {}

  async execute(q: GetPlanPeriodsQuery): Promise<PlanPeriods> {
    enforce(opsOnly(q.actor, "read a plan's periods"));
    const answer = planPeriods(await this.statements.ledger(), q.planId);
    if (answer === undefined) throw new NotFoundException(`no incentive plan "${q.planId}"`);
    return answer;
  }
}

export class PayrollExportQuery extends Query<string> {
  constructor(
    readonly actor: Actor,
    /** `<planId>.<period>`, as the period's command routes name it. */
    readonly id: string,
  ) {
    super();
  }
}

/** The payroll CSV of one period of a plan: sales operations' and admins'. */
@QueryHandler(PayrollExportQuery)
export class PayrollExportHandler implements IQueryHandler<PayrollExportQuery> {
  constructor(private readonly statements: IncentiveStatementsService) {}

  async execute(q: PayrollExportQuery): Promise<string> {
    enforce(opsOnly(q.actor, 'export the payroll of a period'));
    const parsed = parseIncentivePeriodStreamId(incentivePeriodStream.id(q.id));
    const { planId, period } = parsed ?? { planId: q.id, period: '' };
    parsePeriodId(period, 'period');
    const answer = payrollExport(await this.statements.ledger(), planId, period);
    if (answer.ok) return answer.csv;
    throw new NotFoundException(
      answer.missing === 'plan'
        ? `no incentive plan "${planId}"`
        : `plan "${planId}" has no period ${period}: it was never opened and nothing was earned in it`,
    );
  }
}
