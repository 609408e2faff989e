import { customerStream as customerStreamIds, leadStream, type Money } from '@ltc/domain';
import type { CustomerEvent } from '@ltc/workflow-customer';
import type { LeadEvent } from '@ltc/workflow-lead';
import {
  CHANNELS,
  DAY,
  HOUR,
  managerOf,
  SOURCES,
  TITLES,
  type Journey,
  type JourneyWorld,
} from './journey-world';
import { opportunityJourney } from './opportunity-journey';

const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A lead from capture to conversion or disqualification (and, when converted, its opportunity and
 * contract): the customer registered and claimed if new, assignment, touches mirrored onto the customer
 * by the process manager, BANT qualification, sometimes nurturing first.
 */
export function* leadJourney(world: JourneyWorld, startedAt: number): Journey {
  const { rng } = world;
  let now = startedAt;
  const wait = (ms: number) => {
    now += ms;
    return ms;
  };
  const { customer, isNew } = world.customerFor();
  const owner = customer.owner;
  const customerStream = customerStreamIds.id(customer.id);
  if (isNew) {
    const registered: CustomerEvent = {
      type: 'CustomerRegistered',
      data: { name: `Customer ${customer.id}`, segment: customer.segment },
    };
    yield {
      delayMs: wait(0),
      stream: customerStream,
      actor: owner,
      commandType: 'RegisterCustomer',
      events: [registered],
    };
    const claimed: CustomerEvent = {
      type: 'CustomerClaimed',
      data: { owner, ownedCount: 0, poolCapacity: 1000, claimedAt: new Date(now + HOUR).toISOString() },
    };
    yield {
      delayMs: wait(HOUR),
      stream: customerStream,
      actor: owner,
      commandType: 'ClaimCustomer',
      events: [claimed],
    };
  }
  const leadId = world.id('l');
  const stream = leadStream.id(leadId);
  const currency = rng.chance(0.85) ? 'CNY' : 'EUR';
  const estimate: Money = world.money(rng.logNormal(400_000, 1.1) * 100, currency);
  const capturer = rng.chance(0.5) ? 'ops' : owner;
  const lead = (delayMs: number, actor: string, commandType: string, event: LeadEvent) => ({
    delayMs: wait(delayMs),
    stream,
    actor,
    commandType,
    events: [event],
  });
  yield lead(rng.int(1, 48) * HOUR, capturer, 'CaptureLead', {
    type: 'LeadCaptured',
    data: {
      customerId: customer.id,
      source: rng.weighted(SOURCES),
      title: rng.pick(TITLES),
      contact: {
        name: `Contact ${leadId}`,
        role: 'IT director',
        phone: null,
        email: `${leadId}@example.com`,
      },
      estimatedAmount: estimate,
      capturedBy: capturer,
    },
  });
  yield lead(rng.int(1, 48) * HOUR, managerOf(owner), 'AssignLead', {
    type: 'LeadAssigned',
    data: { owner },
  });
  for (let i = rng.int(1, 6); i > 0; i--) {
    const channel = rng.weighted(CHANNELS);
    const [touch] = yield lead(rng.int(1, 10) * DAY, owner, 'RecordLeadTouch', {
      type: 'LeadTouchRecorded',
      data: { channel, note: `${channel} with the customer`, touchedAt: new Date(now).toISOString() },
    });
    const mirrored: CustomerEvent = {
      type: 'CustomerTouchRecorded',
      data: {
        channel,
        note: `lead ${stream}: ${channel}`,
        touchedAt: new Date(now).toISOString(),
        by: owner,
      },
    };
    yield {
      delayMs: wait(2000),
      stream: customerStream,
      actor: 'system',
      commandType: 'RecordCustomerTouch',
      events: [mirrored],
      ...(touch === undefined ? {} : { causedBy: touch.id }),
    };
  }
  if (rng.chance(0.22)) {
    yield lead(rng.int(1, 5) * DAY, owner, 'DisqualifyLead', {
      type: 'LeadDisqualified',
      data: { reason: rng.pick(['no budget', 'no need', 'competitor locked in']) },
    });
    return;
  }
  if (rng.chance(0.15)) {
    const revisit = now + rng.int(20, 60) * DAY;
    yield lead(DAY, owner, 'StartLeadNurture', {
      type: 'LeadNurtureStarted',
      data: { reason: 'not ready to buy this quarter', revisitOn: date(revisit) },
    });
    now = revisit - DAY;
  }
  const budget: Money = world.money(estimate.amountMinor * (0.8 + rng.next() * 0.5), currency);
  const decisionDate = now + rng.int(30, 120) * DAY;
  yield lead(rng.int(1, 7) * DAY, owner, 'QualifyLead', {
    type: 'LeadQualified',
    data: {
      budget: { amount: budget, paymentTerms: '30% upfront, 70% on acceptance' },
      authority: {
        decisionProcess: 'IT proposes, CFO approves',
        keyPerson: 'IT director',
        decisionMaker: 'CFO',
      },
      need: {
        realNeed: 'replace ageing systems',
        supplierQualification: 'ISO 9001',
        productStandards: 'national standard',
        deliveryStandards: 'within the quarter',
      },
      time: {
        projectApprovalDate: date(now),
        needFoundDate: date(startedAt),
        decisionDate: date(decisionDate),
      },
      grade: rng.chance(0.6) ? 'hot' : 'warm',
    },
  });
  if (rng.chance(0.12)) {
    yield lead(rng.int(5, 30) * DAY, owner, 'DisqualifyLead', {
      type: 'LeadDisqualified',
      data: { reason: 'budget went elsewhere' },
    });
    return;
  }
  const opportunityId = world.id('o');
  const [converted] = yield lead(rng.int(1, 10) * DAY, owner, 'ConvertLead', {
    type: 'LeadConverted',
    data: { opportunityId, convertibleGrades: ['warm', 'hot'] },
  });
  yield* opportunityJourney(world, {
    now,
    opportunityId,
    leadId,
    customer,
    owner,
    amount: budget,
    expectedCloseDate: date(decisionDate),
    causedBy: converted?.id,
  });
}
