import { contractStream, opportunityStream, type IronTriangleRole, type Money } from '@ltc/domain';
import type { ContractEvent } from '@ltc/workflow-contract';
import { defaultGatePolicy, type GateEvent, type GateName, type IronTriangle } from '@ltc/workflow-gates';
import type { OpportunityEvent } from '@ltc/workflow-opportunity';
import {
  ABANDON_REASONS,
  COMPETITORS,
  DAY,
  HOUR,
  LOSS_REASONS,
  managerOf,
  SITUATIONS,
  teammates,
  type Act,
  type GeneratedCustomer,
  type Journey,
  type JourneyWorld,
} from './journey-world';

export type OpportunityStart = Readonly<{
  now: number;
  opportunityId: string;
  leadId: string;
  customer: GeneratedCustomer;
  owner: string;
  amount: Money;
  expectedCloseDate: string;
  causedBy: string | undefined;
}>;

const ROLES: readonly IronTriangleRole[] = ['AR', 'SR', 'FR'];

/**
 * One review round: the request, then the triangle's votes in order; sometimes one role rejects, which
 * ends the round (the default policy). The completing vote and the outcome are one command.
 */
function* gateRound(
  world: JourneyWorld,
  stream: string,
  gate: GateName,
  round: number,
  triangle: IronTriangle,
  reject: boolean,
  step: (delayMs: number) => number,
): Generator<Act, boolean, unknown> {
  const { rng } = world;
  const act = (delayMs: number, actor: string, commandType: string, events: GateEvent[]): Act => ({
    delayMs: step(delayMs),
    stream,
    actor,
    commandType,
    events,
  });
  yield act(rng.int(1, 5) * DAY, triangle.AR, 'RequestGateReview', [
    { type: 'GateReviewRequested', data: { gate, round, policy: defaultGatePolicy } },
  ]);
  const rejecting = reject ? rng.pick(ROLES) : undefined;
  for (const role of ROLES) {
    const voter = triangle[role];
    const decision = role === rejecting ? 'reject' : 'approve';
    const reason = decision === 'reject' ? rng.pick(['no capacity', 'margin too thin', 'scope unclear']) : '';
    const vote: GateEvent = { type: 'GateVoteCast', data: { gate, round, role, voter, decision, reason } };
    if (decision === 'reject') {
      yield act(rng.int(1, 24) * HOUR, voter, 'CastGateVote', [
        vote,
        { type: 'GateRejected', data: { gate, round, reasons: [{ role, voter, reason }] } },
      ]);
      return false;
    }
    const last = role === 'FR';
    yield act(
      rng.int(1, 24) * HOUR,
      voter,
      'CastGateVote',
      last
        ? [
            vote,
            {
              type: 'GatePassed',
              data: { gate, round, approvals: ROLES.map((r) => ({ role: r, voter: triangle[r] })) },
            },
          ]
        : [vote],
    );
  }
  return true;
}

/** Keeps asking for review until the gate passes (a rejection sends the deal back, then it retries). */
function* passGate(
  world: JourneyWorld,
  stream: string,
  gate: GateName,
  triangle: IronTriangle,
  step: (delayMs: number) => number,
): Generator<Act, void, unknown> {
  for (let round = 1; ; round++) {
    const passed = yield* gateRound(world, stream, gate, round, triangle, world.rng.chance(0.12), step);
    if (passed) return;
  }
}

/**
 * An opportunity opened by the process manager from a converted lead, through the three deal gates,
 * bid and negotiation, to won (then its contract), lost or abandoned.
 */
export function* opportunityJourney(world: JourneyWorld, start: OpportunityStart): Journey {
  const { rng } = world;
  let now = start.now;
  const step = (ms: number) => {
    now += ms;
    return ms;
  };
  const stream = opportunityStream.id(start.opportunityId);
  const { owner, customer } = start;
  const currency = start.amount.currency;
  let stage = 'open.opened';
  const act = (delayMs: number, actor: string, commandType: string, ...events: OpportunityEvent[]): Act => ({
    delayMs: step(delayMs),
    stream,
    actor,
    commandType,
    events,
  });
  const end = (reason: 'lost' | 'abandoned') =>
    reason === 'lost'
      ? act(rng.int(1, 20) * DAY, owner, 'LoseOpportunity', {
          type: 'OpportunityLost',
          data: { reason: rng.pick(LOSS_REASONS), competitor: rng.pick(COMPETITORS), stage },
        })
      : act(rng.int(1, 20) * DAY, owner, 'AbandonOpportunity', {
          type: 'OpportunityAbandoned',
          data: { reason: rng.pick(ABANDON_REASONS), stage },
        });
  let amount = start.amount;
  yield {
    ...act(rng.int(10, 120) * 1000, 'system', 'OpenOpportunity', {
      type: 'OpportunityOpened',
      data: {
        customerId: customer.id,
        leadId: start.leadId,
        name: `Deal ${start.opportunityId}`,
        amount,
        expectedCloseDate: start.expectedCloseDate,
        segment: customer.segment,
        customerType: customer.won ? 'existing' : 'new',
        owner,
      },
    }),
    ...(start.causedBy === undefined ? {} : { causedBy: start.causedBy }),
  };
  const mates = teammates(owner);
  const triangle: IronTriangle = { AR: owner, SR: rng.pick(mates), FR: rng.pick(mates) };
  yield act(rng.int(1, 48) * HOUR, managerOf(owner), 'AssignIronTriangle', {
    type: 'IronTriangleAssigned',
    data: { triangle },
  });
  yield act(rng.int(1, 10) * DAY, owner, 'ValidateOpportunity', {
    type: 'OpportunityValidated',
    data: {
      isReal: true,
      solutionFits: true,
      winProbability: rng.int(20, 80),
      worthWinning: true,
      notes: 'four questions answered',
    },
  });
  stage = 'open.validated';
  if (rng.chance(0.3)) {
    const changed = world.money(amount.amountMinor * (0.7 + rng.next() * 0.6), currency);
    if (changed.amountMinor !== amount.amountMinor) {
      yield act(rng.int(1, 5) * DAY, owner, 'ChangeAmount', {
        type: 'OpportunityAmountChanged',
        data: { amount: changed, previousAmount: amount, reason: 'scope clarified' },
      });
      amount = changed;
    }
  }
  if (rng.chance(0.08)) return void (yield end('abandoned'));
  yield* passGate(world, stream, 'opportunityApproval', triangle, step);
  stage = 'open.preBidGuidance';
  for (let i = rng.int(1, 2); i > 0; i--) {
    yield act(rng.int(2, 14) * DAY, triangle.SR, 'RecordPreBidGuidance', {
      type: 'PreBidGuidanceRecorded',
      data: { note: 'guided the requirements toward our solution' },
    });
  }
  if (rng.chance(0.06)) return void (yield end('abandoned'));
  yield* passGate(world, stream, 'solutionConsensus', triangle, step);
  stage = 'open.bidPreparation';
  const quoteReference = `Q-${start.opportunityId}`;
  let quote = world.money(amount.amountMinor * (0.9 + rng.next() * 0.1), currency);
  yield act(rng.int(3, 20) * DAY, triangle.SR, 'PrepareQuote', {
    type: 'QuotePrepared',
    data: { quoteReference, amount: quote },
  });
  yield* passGate(world, stream, 'quoteReview', triangle, step);
  stage = 'open.bidReady';
  const reviewed = quote;
  yield act(rng.int(1, 7) * DAY, owner, 'SubmitBid', {
    type: 'BidSubmitted',
    data: { quoteReference, amount: quote, validUntil: new Date(now + 90 * DAY).toISOString().slice(0, 10) },
  });
  stage = 'open.bidSubmitted';
  for (let round = 1, rounds = rng.int(0, 3); round <= rounds; round++) {
    yield act(rng.int(3, 20) * DAY, owner, 'RecordNegotiationRound', {
      type: 'NegotiationRoundRecorded',
      data: {
        round,
        situation: rng.pick(SITUATIONS),
        priceChange: { amountMinor: 0, currency },
        note: 'negotiation round',
      },
    });
    stage = 'open.negotiation';
    if (rng.chance(0.3)) {
      // Within the 5% the quote review allows, so the revision needs no second review.
      const revised = world.money(reviewed.amountMinor * (0.96 + rng.next() * 0.03), currency);
      yield act(rng.int(1, 5) * DAY, owner, 'ReviseQuote', {
        type: 'QuoteRevised',
        data: {
          quoteReference,
          amount: revised,
          previousAmount: quote,
          reviewedAmount: reviewed,
          requoteReviewBelowPercent: 5,
          requiresReview: false,
          reason: 'customer pushed back on price',
        },
      });
      quote = revised;
    }
  }
  const outcome = rng.weighted([
    ['won', 45],
    ['lost', 40],
    ['abandoned', 15],
  ] as const);
  if (outcome !== 'won') return void (yield end(outcome));
  const contractId = world.id('k');
  const [won] = yield act(rng.int(5, 30) * DAY, owner, 'WinOpportunity', {
    type: 'OpportunityWon',
    data: {
      contractId,
      signedAmount: quote,
      signedAt: new Date(now).toISOString(),
      reviewedAmount: reviewed,
      requoteReviewBelowPercent: 5,
    },
  });
  customer.won = true;
  yield* contractJourney(world, {
    now,
    contractId,
    opportunityId: start.opportunityId,
    customer,
    amount: quote,
    triangle,
    causedBy: won?.id,
  });
}

type ContractStart = Readonly<{
  now: number;
  contractId: string;
  opportunityId: string;
  customer: GeneratedCustomer;
  amount: Money;
  triangle: IronTriangle;
  causedBy: string | undefined;
}>;

/** The contract the process manager opens for a won deal: PO, handover gate, delivery, billing, close. */
function* contractJourney(world: JourneyWorld, start: ContractStart): Journey {
  const { rng } = world;
  let now = start.now;
  const step = (ms: number) => {
    now += ms;
    return ms;
  };
  const stream = contractStream.id(start.contractId);
  const { triangle, amount } = start;
  const act = (delayMs: number, actor: string, commandType: string, ...events: ContractEvent[]): Act => ({
    delayMs: step(delayMs),
    stream,
    actor,
    commandType,
    events,
  });
  yield {
    ...act(rng.int(10, 120) * 1000, 'system', 'OpenContract', {
      type: 'ContractOpened',
      data: { opportunityId: start.opportunityId, customerId: start.customer.id, amount, triangle },
    }),
    ...(start.causedBy === undefined ? {} : { causedBy: start.causedBy }),
  };
  yield act(rng.int(2, 15) * DAY, triangle.AR, 'ConfirmContract', {
    type: 'ContractConfirmed',
    data: { poNumber: `PO-${start.contractId}`, confirmedAmount: amount },
  });
  yield* passGate(world, stream, 'deliveryHandover', triangle, step);
  const milestones = rng.int(1, 3);
  for (let i = 1; i <= milestones; i++) {
    yield act(rng.int(7, 40) * DAY, triangle.FR, 'CompleteDeliveryMilestone', {
      type: 'DeliveryMilestoneCompleted',
      data: { milestoneId: `m${i}`, name: `milestone ${i}`, note: 'accepted on site' },
    });
  }
  yield act(rng.int(1, 10) * DAY, triangle.FR, 'CompleteDelivery', {
    type: 'DeliveryCompleted',
    data: { acceptanceReference: `ACC-${start.contractId}`, note: 'signed acceptance' },
  });
  const first = Math.round(amount.amountMinor * 0.3);
  const parts = rng.chance(0.5) ? [first, amount.amountMinor - first] : [amount.amountMinor];
  for (const [i, part] of parts.entries()) {
    const invoiceId = `inv-${i + 1}`;
    const money = { amountMinor: part, currency: amount.currency };
    yield act(rng.int(1, 10) * DAY, triangle.AR, 'IssueInvoice', {
      type: 'InvoiceIssued',
      data: { invoiceId, amount: money, dueDate: new Date(now + 30 * DAY).toISOString().slice(0, 10) },
    });
    yield act(rng.int(10, 45) * DAY, triangle.AR, 'RecordPayment', {
      type: 'PaymentRecorded',
      data: {
        invoiceId,
        amount: money,
        receivedOn: new Date(now).toISOString().slice(0, 10),
        reference: `BANK-${i + 1}`,
      },
    });
  }
  yield act(rng.int(1, 10) * DAY, triangle.AR, 'CloseContract', {
    type: 'ContractClosed',
    data: { note: 'settled' },
  });
  yield act(rng.int(5, 20) * DAY, triangle.AR, 'EvaluateContract', {
    type: 'ContractEvaluated',
    data: {
      customerSatisfaction: rng.int(3, 5),
      successCriteriaMet: rng.chance(0.85),
      note: 'evaluated with the customer',
    },
  });
}
