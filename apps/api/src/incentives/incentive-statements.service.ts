import { Injectable } from '@nestjs/common';
import {
  incentiveStatementsProjection,
  StoredIncentives,
  type IncentiveLedger,
  type StoredPlan,
} from '@ltc/read-models';
import { ReadModels } from '../read-models/read-models.service';

/**
 * The incentive statements as the projection runner stores them (`incentiveStatementsProjection`): the
 * ledger facts and the statements frozen at each close, read up to the serving generation's checkpoint on
 * every request (only the rows stored since the last one). A closed period's statement is the stored one;
 * open periods, `knownAt`, explain, diff and what-if are computed from the stored ledger by the pure
 * calculator of `@ltc/read-models`.
 */
@Injectable()
export class IncentiveStatementsService {
  private readonly stored = new StoredIncentives();

  constructor(private readonly readModels: ReadModels) {}

  /** The stored model, caught up with what the runner has written (503 while its first build runs). */
  current(): StoredIncentives {
    return this.stored.refresh(this.readModels.live(incentiveStatementsProjection));
  }

  /** The ledger of every fact stored so far. */
  ledger(): Promise<IncentiveLedger> {
    return Promise.resolve(this.current().ledger);
  }

  /** The frozen statements of each plan, for `statementOf`. */
  get plans(): StoredPlan {
    return this.stored.plan;
  }
}
