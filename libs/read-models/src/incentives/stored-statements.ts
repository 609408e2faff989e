import type { OpenReadModel } from '@ltc/projections';
import type { IncentiveLedger } from './incentive-history';
import type { StoredPlan } from './statement-query';
import {
  emptyIncentiveMemory,
  planMemory,
  readIncentiveRows,
  type IncentiveMemory,
  type IncentiveTables,
} from './statements.projection';

/**
 * The stored incentive statements as a query reads them: the ledger folded from the stored facts and each
 * plan's frozen statements, kept in memory and brought up to the serving generation's checkpoint on each
 * `refresh` (the tables are append-only: only the rows after the last read are read). Another generation
 * (a rebuild promoted) is read again from its first row.
 */
export class StoredIncentives {
  private memory: IncentiveMemory = emptyIncentiveMemory();
  private at: string | null = null;
  private generation: number | undefined;

  refresh(model: OpenReadModel<IncentiveTables>): this {
    if (model.generation.generation !== this.generation) {
      this.memory = emptyIncentiveMemory();
      this.at = null;
      this.generation = model.generation.generation;
    }
    const upTo = model.generation.position;
    if (upTo !== null && (this.at === null || upTo > this.at)) {
      readIncentiveRows(this.memory, model.db, model.t, this.at, upTo);
      this.at = upTo;
    }
    return this;
  }

  /** The position the stored rows were read up to (the generation's checkpoint then). */
  get position(): string | null {
    return this.at;
  }

  get ledger(): IncentiveLedger {
    return this.memory.folder.ledger;
  }

  /** The frozen statements of a plan, for `statementOf`. */
  readonly plan: StoredPlan = (planId) => planMemory(this.memory, planId);
}
