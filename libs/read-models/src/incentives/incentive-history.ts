import { contractStream, incentivePeriodStream, incentivePlanStream, opportunityStream } from '@ltc/domain';
import { occurredAtOf, recordedAtOf, type Money, type UpcasterRegistry } from '@ltc/domain';
import type { StoredEvent } from '@ltc/event-store';
import type { CausingEvent, IncentiveRole } from './types';
import type { PeriodId, PlanTerms } from './plan-rates';

/** One event of the log as the incentive calculator reads it (upcast, with both times and its position). */
export type HistoryEvent = CausingEvent & Readonly<{ data: unknown }>;

/** A stored event, upcast, as the calculator reads it (the api's subscription and the cli's read alike). */
export function historyEventOf(stored: StoredEvent, upcasters: UpcasterRegistry): HistoryEvent {
  const e = upcasters.upcastStored(stored);
  return {
    id: e.id,
    type: e.type,
    streamId: e.streamId,
    position: e.position,
    actor: String(e.metadata.actor),
    occurredAt: occurredAtOf(e.metadata),
    recordedAt: e.metadata.recordedAt === undefined ? e.recordedAt : recordedAtOf(e.metadata),
    data: e.data,
  };
}

/** The streams an incentive statement is computed from: deals, plans and periods. */
export const INCENTIVE_STREAM_PREFIXES: readonly string[] = [
  opportunityStream,
  contractStream,
  incentivePlanStream,
  incentivePeriodStream,
].map((s) => s.id(''));

/** A fact of the ledger: where it sits in the log, so a statement can be computed as known at any position. */
type Fact = Readonly<{ eventId: string; position: string; at: string }>;
export type RoleSpell = Fact & Readonly<{ role: IncentiveRole; personId: string }>;
export type AmountFact = Fact & Readonly<{ amount: Money }>;
export type ChangeFact = AmountFact & Readonly<{ kind: string }>;

export type Deal = {
  contractId: string;
  customerId: string;
  strategic: boolean;
  won: AmountFact;
  /** Every holder of every role, by effective (business) time. */
  roles: RoleSpell[];
  changes: ChangeFact[];
  disputes: AmountFact[];
  writeOffs: AmountFact[];
  payments: AmountFact[];
  terminations: Fact[];
};

export type PlanVersion = Fact & Readonly<{ effectiveFrom: PeriodId; terms: PlanTerms }>;
export type TargetFact = Fact &
  Readonly<{ personId: string; period: PeriodId; targetMinor: number; targetBonusMinor: number }>;
export type CloseFact = Fact & Readonly<{ period: PeriodId; closedBy: string }>;

export type PlanLedger = {
  planId: string;
  versions: PlanVersion[];
  retirements: (Fact & { effectiveAfter: PeriodId })[];
  targets: TargetFact[];
  closes: CloseFact[];
  opened: (Fact & { period: PeriodId })[];
};

/** The facts the statements are computed from, each with its log position. Folded once; read at any bound. */
export type IncentiveLedger = {
  deals: Map<string, Deal>;
  plans: Map<string, PlanLedger>;
  events: Map<string, CausingEvent>;
  /** Every position in log order, so a knowledge instant can be turned into a position. */
  recorded: { position: string; recordedAt: string }[];
};

type OpportunityFacts = { customerId: string; strategic: boolean; roles: RoleSpell[] };

export function emptyLedger(): IncentiveLedger {
  return { deals: new Map(), plans: new Map(), events: new Map(), recorded: [] };
}

const ROLES: readonly IncentiveRole[] = ['AR', 'SR', 'FR'];

/**
 * Folds one event into the ledger (events arrive in log order); false when the event is none of the
 * calculator's inputs (a gate vote, a quote, a delivery…), which leaves the ledger as it was.
 */
export function recordEvent(
  ledger: IncentiveLedger,
  opportunities: Map<string, OpportunityFacts>,
  e: HistoryEvent,
): boolean {
  const used = foldFact(ledger, opportunities, e);
  if (used) ledger.recorded.push({ position: e.position, recordedAt: e.recordedAt });
  return used;
}

function foldFact(
  ledger: IncentiveLedger,
  opportunities: Map<string, OpportunityFacts>,
  e: HistoryEvent,
): boolean {
  const fact: Fact = { eventId: e.id, position: e.position, at: e.occurredAt };
  const data = e.data as Record<string, unknown>;
  const opp = opportunityStream.parse(e.streamId);
  const contract = contractStream.parse(e.streamId);
  const plan = incentivePlanStream.parse(e.streamId);
  const period = incentivePeriodStream.parse(e.streamId);
  const cite = (): void => {
    const { data: _data, ...cause } = e;
    ledger.events.set(e.id, cause);
  };
  if (opp !== undefined) {
    if (e.type === 'OpportunityOpened') {
      opportunities.set(opp, {
        customerId: String(data['customerId']),
        strategic: data['segment'] === 'strategic',
        roles: [],
      });
      return true;
    }
    const o = opportunities.get(opp);
    if (o === undefined) return false;
    if (e.type === 'IronTriangleAssigned') {
      const triangle = data['triangle'] as Record<IncentiveRole, string>;
      for (const role of ROLES) o.roles.push({ ...fact, role, personId: triangle[role] });
      cite();
    } else if (e.type === 'IronTriangleRoleReassigned') {
      o.roles.push({ ...fact, role: data['role'] as IncentiveRole, personId: String(data['to']) });
      cite();
    } else if (e.type === 'OpportunityWon') {
      const contractId = String(data['contractId']);
      ledger.deals.set(contractId, {
        contractId,
        customerId: o.customerId,
        strategic: o.strategic,
        won: { ...fact, amount: data['signedAmount'] as Money },
        roles: [...o.roles],
        changes: [],
        disputes: [],
        writeOffs: [],
        payments: [],
        terminations: [],
      });
      cite();
    } else return false;
    return true;
  }
  if (contract !== undefined) {
    const deal = ledger.deals.get(contract);
    if (deal === undefined) return false;
    switch (e.type) {
      case 'IronTriangleRoleReassigned':
        deal.roles.push({ ...fact, role: data['role'] as IncentiveRole, personId: String(data['to']) });
        break;
      case 'PaymentRecorded':
        deal.payments.push({ ...fact, amount: data['amount'] as Money });
        break;
      case 'InvoiceWrittenOff':
        deal.writeOffs.push({ ...fact, amount: data['amount'] as Money });
        break;
      case 'ContractChanged':
        deal.changes.push({ ...fact, amount: data['amountDelta'] as Money, kind: String(data['kind']) });
        break;
      case 'DisputeResolved':
        if ((data['amountImpact'] as Money).amountMinor === 0) return false;
        deal.disputes.push({ ...fact, amount: data['amountImpact'] as Money });
        break;
      case 'ContractTerminated':
        deal.terminations.push(fact);
        break;
      default:
        return false;
    }
    cite();
    return true;
  }
  if (plan !== undefined || period !== undefined) {
    const planId = plan ?? String(data['planId']);
    let p = ledger.plans.get(planId);
    if (p === undefined) {
      p = { planId, versions: [], retirements: [], targets: [], closes: [], opened: [] };
      ledger.plans.set(planId, p);
    }
    switch (e.type) {
      case 'IncentivePlanPublished':
      case 'IncentivePlanCorrected':
        p.versions.push({
          ...fact,
          effectiveFrom: String(data['effectiveFrom']),
          terms: data['terms'] as PlanTerms,
        });
        break;
      case 'IncentivePlanRetired':
        p.retirements.push({ ...fact, effectiveAfter: String(data['effectiveAfter']) });
        break;
      case 'IncentiveTargetSet':
        p.targets.push({
          ...fact,
          personId: String(data['personId']),
          period: String(data['period']),
          targetMinor: Number(data['targetMinor']),
          targetBonusMinor: Number(data['targetBonusMinor']),
        });
        break;
      case 'IncentivePeriodOpened':
        p.opened.push({ ...fact, period: String(data['period']) });
        break;
      case 'IncentivePeriodClosed':
        p.closes.push({ ...fact, period: String(data['period']), closedBy: String(data['closedBy']) });
        break;
      default:
        return false;
    }
    cite();
    return true;
  }
  return false;
}

/** Folds events into a ledger as they come (the api's live view): one fold, read at any bound. */
export class LedgerFolder {
  readonly ledger = emptyLedger();
  private readonly opportunities = new Map<string, OpportunityFacts>();
  /** Grows with every event applied: a cache key for answers computed from the ledger. */
  version = 0;

  /** False when the event is none of the calculator's inputs. */
  apply(e: HistoryEvent): boolean {
    this.version++;
    return recordEvent(this.ledger, this.opportunities, e);
  }
}

/** The ledger of a whole history, in log order. */
export function ledgerOf(events: Iterable<HistoryEvent>): IncentiveLedger {
  const folder = new LedgerFolder();
  for (const e of events) folder.apply(e);
  return folder.ledger;
}

/** The last position recorded by a knowledge instant (the log before it), or undefined when none was. */
export function positionKnownAt(ledger: IncentiveLedger, instant: string): string | undefined {
  let found: string | undefined;
  for (const r of ledger.recorded) if (r.recordedAt <= instant) found = r.position;
  return found;
}
