import { Inject, Injectable } from '@nestjs/common';
import { UpcasterRegistry } from '@ltc/domain';
import { EVENT_STORE, type EventStore } from '@ltc/event-store';
import { INCENTIVE_STREAM_PREFIXES, LedgerFolder, type IncentiveLedger } from '@ltc/read-models';
import { FollowedFold } from '../read-models/followed-fold';

/**
 * The incentive ledger as the log holds it, folded from a subscription to the deal, plan and period
 * streams (catch-up, then live). Statements are computed from it on request by the pure calculator of
 * `@ltc/read-models`; a closed period's statement is a function of the log before its close, so it is
 * the same bytes however often it is asked for.
 */
@Injectable()
export class IncentiveStatementsService extends FollowedFold<LedgerFolder> {
  constructor(@Inject(EVENT_STORE) store: EventStore, upcasters: UpcasterRegistry) {
    super(store, upcasters, INCENTIVE_STREAM_PREFIXES, new LedgerFolder(), 'IncentiveStatements');
  }

  /** The ledger after every event delivered so far. */
  async ledger(): Promise<IncentiveLedger> {
    return (await this.folded()).ledger;
  }
}
