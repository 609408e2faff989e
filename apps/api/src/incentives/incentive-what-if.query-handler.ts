import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { hasRole, isUnrestricted } from '@ltc/access';
import { ForbiddenError, type Actor } from '@ltc/engine';
import { whatIf, type WhatIfAnswer, type WhatIfRequest } from '@ltc/read-models';
import { IncentiveStatementsService } from './incentive-statements.service';

export class WhatIfQuery extends Query<WhatIfAnswer> {
  constructor(
    readonly actor: Actor,
    readonly request: WhatIfRequest,
  ) {
    super();
  }
}

@QueryHandler(WhatIfQuery)
export class WhatIfHandler implements IQueryHandler<WhatIfQuery> {
  constructor(private readonly statements: IncentiveStatementsService) {}

  async execute(q: WhatIfQuery): Promise<WhatIfAnswer> {
    if (!isUnrestricted(q.actor) && !hasRole(q.actor, 'ops') && !hasRole(q.actor, 'manager')) {
      throw new ForbiddenError('opsOrManager', 'only sales operations, managers and admins may ask what-if');
    }
    const answer = whatIf(await this.statements.ledger(), q.request);
    if (answer === undefined) throw new NotFoundException(`no incentive plan "${q.request.planId}"`);
    return answer;
  }
}
