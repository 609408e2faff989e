import { Injectable } from '@nestjs/common';
import { comparePositions, type Position } from '@ltc/event-store';
import {
  customerHasContracts,
  dealIndexProjection,
  indexedStreams,
  ownedCustomerCount,
  type IndexedStreamRow,
} from '@ltc/read-models';
import { filter, type Subscription } from 'rxjs';
import type { AnyMachineSnapshot, AnyStateMachine, StateValue } from 'xstate';
import { WorkflowRegistry } from '../engine/workflow-registry';
import { ReadModels } from '../read-models/read-models.service';

/** One stream's current state, kept for lists. */
export type IndexedStream = {
  kind: string;
  id: string;
  streamId: string;
  revision: number;
  state: unknown;
  updatedAt: string;
};

/**
 * The current state of every lead, customer, opportunity and contract, for list queries: the
 * `deal-index` read model, which the projection runner folds with the fold it runs anyway (no fold of
 * its own). Single-stream reads go to the stream itself.
 */
@Injectable()
export class DealIndex {
  private readonly snapshots = new Map<string, { key: string; snapshot: AnyMachineSnapshot }>();

  constructor(
    private readonly readModels: ReadModels,
    private readonly registry: WorkflowRegistry,
  ) {}

  list(kind: string): IndexedStream[] {
    const { machine } = this.registry.get(kind).workflow;
    return indexedStreams(this.model(), kind).map((row) => ({
      kind: row.kind,
      id: row.id,
      streamId: row.streamId,
      revision: row.revision,
      state: this.restored(machine, row),
      updatedAt: row.updatedAt,
    }));
  }

  /**
   * A row's machine snapshot, restored once per revision: restoring every row of a list on every
   * request was most of a list's cost, and lists are what a room of dashboards polls.
   */
  private restored(machine: AnyStateMachine, row: IndexedStreamRow): AnyMachineSnapshot {
    const key = `${row.revision}\0${row.updatedAt}\0${row.state}`;
    const cached = this.snapshots.get(row.streamId);
    if (cached?.key === key) return cached.snapshot;
    const snapshot = restore(machine, row);
    this.snapshots.set(row.streamId, { key, snapshot });
    return snapshot;
  }

  /** Customers `owner` holds in their private pool now, as far as the index has caught up. */
  ownedCustomers(owner: string): number {
    return ownedCustomerCount(this.model(), owner);
  }

  /**
   * Resolves once the index has folded the event at `position` (or after `timeoutMs`, when it lags
   * that far: the caller then reads it as it is).
   */
  async caughtUpTo(position: Position, timeoutMs = 5_000): Promise<void> {
    const name = dealIndexProjection.name;
    const done = (at: Position | null) => at !== null && comparePositions(at, position) >= 0;
    let subscription: Subscription | undefined;
    const updated = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      const finish = () => {
        clearTimeout(timer);
        resolve();
      };
      subscription = this.readModels.updates
        .pipe(filter((u) => u.name === name && done(u.position)))
        .subscribe({
          next: finish,
          // A stopped runner (the demo seeds with it stopped, then settles in bulk) folds nothing more.
          complete: finish,
        });
      // Subscribed before the status is read, so an update in between is not missed.
      void this.readModels.status().then((all) => {
        if (done(all.find((s) => s.name === name)?.position ?? null)) finish();
      }, finish);
    });
    await updated.finally(() => subscription?.unsubscribe());
  }

  /** True when the customer already has a contract (an existing rather than a new customer). */
  hasContracts(customerId: string): boolean {
    return customerHasContracts(this.model(), customerId);
  }

  private model() {
    return this.readModels.live(dealIndexProjection);
  }
}

/** The machine's snapshot at a stored state name and context (`open.opened` -> `{ open: 'opened' }`). */
function restore(machine: AnyStateMachine, row: IndexedStreamRow): AnyMachineSnapshot {
  const value = row.state
    .split('.')
    .reduceRight<StateValue | undefined>(
      (child, key) => (child === undefined ? key : { [key]: child }),
      undefined,
    );
  return machine.resolveState({ value: value ?? row.state, context: row.context }) as AnyMachineSnapshot;
}
