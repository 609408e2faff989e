import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InvalidValueError } from '@ltc/domain';
import type { Actor } from '@ltc/engine';
import {
  diffStatements,
  explainLine,
  statementOf,
  type IncentiveStatement,
  type LineExplanation,
  type StatementDiff,
} from '@ltc/read-models';
import { periodRange } from '@ltc/workflow-incentive-plan';
import { AccessService } from '../access/access.service';
import { assertMayReadStatement } from './incentive-statement.access';
import { IncentiveStatementsService } from './incentive-statements.service';

export class GetIncentiveStatementQuery extends Query<IncentiveStatement> {
  constructor(
    readonly actor: Actor,
    readonly personId: string,
    readonly period: string,
    readonly options: Readonly<{ knownAt?: string; planId?: string }>,
  ) {
    super();
  }
}

@QueryHandler(GetIncentiveStatementQuery)
export class GetIncentiveStatementHandler implements IQueryHandler<GetIncentiveStatementQuery> {
  constructor(
    private readonly statements: IncentiveStatementsService,
    private readonly access: AccessService,
  ) {}

  async execute(q: GetIncentiveStatementQuery): Promise<IncentiveStatement> {
    assertMayReadStatement(q.actor, this.access.org(), q.personId, this.managersInPeriod(q));
    const ledger = await this.statements.ledger();
    const statement = statementOf(
      ledger,
      { personId: q.personId, period: q.period, ...q.options },
      this.statements.plans,
    );
    if (statement === undefined) {
      throw new NotFoundException(
        `no incentive plan${q.options.planId ? ` "${q.options.planId}"` : ''} for ${q.personId}`,
      );
    }
    return statement;
  }

  /** Who managed the person during the asked period (none when the period is not one: refused later). */
  private managersInPeriod(q: GetIncentiveStatementQuery): ReadonlySet<string> {
    let range: { from: string; to: string };
    try {
      range = periodRange(q.period);
    } catch {
      return new Set();
    }
    return this.access.managersDuring(q.personId, range.from, range.to);
  }
}

export class ExplainIncentiveLineQuery extends Query<LineExplanation> {
  constructor(
    readonly statement: GetIncentiveStatementQuery,
    readonly lineId: string,
  ) {
    super();
  }
}

@QueryHandler(ExplainIncentiveLineQuery)
export class ExplainIncentiveLineHandler implements IQueryHandler<ExplainIncentiveLineQuery> {
  constructor(
    private readonly statements: IncentiveStatementsService,
    private readonly get: GetIncentiveStatementHandler,
  ) {}

  async execute(q: ExplainIncentiveLineQuery): Promise<LineExplanation> {
    const statement = await this.get.execute(q.statement);
    const answer = explainLine(await this.statements.ledger(), statement, q.lineId);
    if (answer === undefined) throw new NotFoundException(`no line "${q.lineId}" in this statement`);
    return answer;
  }
}

export class DiffIncentiveStatementQuery extends Query<StatementDiff> {
  constructor(
    readonly statement: GetIncentiveStatementQuery,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}

@QueryHandler(DiffIncentiveStatementQuery)
export class DiffIncentiveStatementHandler implements IQueryHandler<DiffIncentiveStatementQuery> {
  constructor(
    private readonly statements: IncentiveStatementsService,
    private readonly get: GetIncentiveStatementHandler,
  ) {}

  async execute(q: DiffIncentiveStatementQuery): Promise<StatementDiff> {
    if (q.from === '')
      throw new InvalidValueError('from', 'the first knownAt instant (or log position) is required');
    if (q.to === '')
      throw new InvalidValueError('to', 'the second knownAt instant (or log position) is required');
    await this.get.execute(q.statement);
    const { personId, period, options } = q.statement;
    const answer = diffStatements(await this.statements.ledger(), {
      personId,
      period,
      from: q.from,
      to: q.to,
      ...(options.planId === undefined ? {} : { planId: options.planId }),
    });
    if (answer === undefined) throw new NotFoundException(`no incentive plan for ${personId}`);
    return answer;
  }
}
