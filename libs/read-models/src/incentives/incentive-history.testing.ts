import type { Money } from '@ltc/domain';
import type { PlanTerms } from '@ltc/workflow-incentive-plan';
import type { HistoryEvent } from './incentive-history';
import type { IncentiveRole } from './types';

/** Terms for specs: EUR, 10 % on signed, 5 % on collected, x1 multipliers, 50/30/20, marginal 100 % then 150 %. */
export function specTerms(overrides: Partial<PlanTerms> = {}): PlanTerms {
  return {
    name: 'spec plan',
    currency: 'EUR',
    periodKind: 'month',
    fxRates: { USD: '0.92' },
    pool: {
      signedRateBp: 1000,
      collectedRateBp: 500,
      strategicMultiplierBp: 10000,
      newCustomerMultiplierBp: 10000,
    },
    split: { AR: 5000, SR: 3000, FR: 2000 },
    attainment: {
      credit: 'whole',
      mode: 'marginal',
      tiers: [
        { fromBp: 0, toBp: 10000, rateBp: 10000 },
        { fromBp: 10000, toBp: null, rateBp: 15000 },
      ],
    },
    clawback: { terminationWindowDays: 90, writeOffReversesSigning: true },
    participants: ['amy', 'sam', 'fay', 'fred'],
    ...overrides,
  };
}

export const eur = (amountMinor: number): Money => ({ amountMinor, currency: 'EUR' });
export const TRIANGLE = { AR: 'amy', SR: 'sam', FR: 'fay' } as const;

type When = { at: string; recordedAt?: string; actor?: string };

/** Writes a log in call order: each call is appended now, for its business time `at` (late when recorded later). */
export class HistoryBuilder {
  readonly events: HistoryEvent[] = [];
  private clock = '2026-01-01T00:00:00.000Z';

  private add(streamId: string, type: string, data: unknown, when: When): HistoryEvent {
    const occurredAt = new Date(when.at).toISOString();
    const recordedAt = new Date(when.recordedAt ?? when.at).toISOString();
    if (recordedAt > this.clock) this.clock = recordedAt;
    const position = String(this.events.length + 1).padStart(20, '0');
    const e: HistoryEvent = {
      id: `e${this.events.length + 1}`,
      type,
      streamId,
      position,
      actor: when.actor ?? 'ops',
      occurredAt,
      recordedAt: this.clock,
      data,
    };
    this.events.push(e);
    return e;
  }

  plan(planId: string, effectiveFrom: string, terms: PlanTerms, when: When): HistoryEvent {
    return this.add(
      `incentive-plan-${planId}`,
      'IncentivePlanPublished',
      { planId, effectiveFrom, terms },
      when,
    );
  }
  correct(planId: string, effectiveFrom: string, terms: PlanTerms, when: When): HistoryEvent {
    return this.add(
      `incentive-plan-${planId}`,
      'IncentivePlanCorrected',
      { effectiveFrom, terms, reason: 'fix' },
      when,
    );
  }
  retire(planId: string, effectiveAfter: string, when: When): HistoryEvent {
    return this.add(
      `incentive-plan-${planId}`,
      'IncentivePlanRetired',
      { effectiveAfter, reason: 'end' },
      when,
    );
  }
  target(
    planId: string,
    personId: string,
    period: string,
    targetMinor: number,
    targetBonusMinor: number,
    when: When,
  ): HistoryEvent {
    return this.add(
      `incentive-plan-${planId}`,
      'IncentiveTargetSet',
      {
        personId,
        period,
        targetMinor,
        targetBonusMinor,
        basis: { kind: 'baseSalary', amountMinor: 0 },
        reason: null,
      },
      when,
    );
  }
  close(planId: string, period: string, when: When): HistoryEvent {
    return this.add(
      `incentive-period-${planId}.${period}`,
      'IncentivePeriodClosed',
      { planId, period, closedBy: 'ops' },
      when,
    );
  }
  /** An opportunity opened, triangle assigned and won: the contract `dealId`. */
  win(
    dealId: string,
    signed: Money,
    when: When,
    o: { customerId?: string; strategic?: boolean; triangle?: Record<IncentiveRole, string> } = {},
  ): HistoryEvent {
    const opp = `opportunity-o-${dealId}`;
    this.add(
      opp,
      'OpportunityOpened',
      { customerId: o.customerId ?? `c-${dealId}`, segment: o.strategic ? 'strategic' : 'ordinary' },
      when,
    );
    this.add(opp, 'IronTriangleAssigned', { triangle: o.triangle ?? TRIANGLE }, when);
    return this.add(
      opp,
      'OpportunityWon',
      { contractId: dealId, signedAmount: signed, signedAt: when.at },
      when,
    );
  }
  payment(dealId: string, amount: Money, when: When): HistoryEvent {
    return this.add(
      `contract-${dealId}`,
      'PaymentRecorded',
      { invoiceId: 'i1', amount, receivedOn: when.at.slice(0, 10), reference: 'r' },
      when,
    );
  }
  change(dealId: string, kind: string, amountDelta: Money, when: When): HistoryEvent {
    return this.add(
      `contract-${dealId}`,
      'ContractChanged',
      { kind, amountDelta, scope: 's', reason: 'r', separateContractId: null },
      when,
    );
  }
  dispute(dealId: string, amountImpact: Money, when: When): HistoryEvent {
    return this.add(
      `contract-${dealId}`,
      'DisputeResolved',
      { disputeId: 'x', outcome: 'settled', amountImpact, note: '' },
      when,
    );
  }
  writeOff(dealId: string, amount: Money, when: When): HistoryEvent {
    return this.add(
      `contract-${dealId}`,
      'InvoiceWrittenOff',
      { invoiceId: 'i1', amount, reason: 'r' },
      when,
    );
  }
  terminate(dealId: string, when: When): HistoryEvent {
    return this.add(`contract-${dealId}`, 'ContractTerminated', { reason: 'r', stage: 'delivery' }, when);
  }
  reassign(dealId: string, role: IncentiveRole, from: string, to: string, when: When): HistoryEvent {
    return this.add(
      `contract-${dealId}`,
      'IronTriangleRoleReassigned',
      { role, from, to, reason: 'r' },
      when,
    );
  }
}
