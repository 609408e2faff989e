import type { Money } from '@ltc/domain';
import type { ChangeKind, DisputeOutcome } from '@ltc/workflow-contract';
import type { IronTriangle } from '@ltc/workflow-gates';
import type { Journey } from '../agenda';
import { DAY, isoDate } from '../calendar';
import type { DemoContext } from '../demo-context';
import type { DemoCustomer, DemoPerson } from '../demo-world';
import type { Random } from '../random';
import { passGate } from './gates';

export type ContractStart = Readonly<{
  contractId: string;
  customer: DemoCustomer;
  amount: Money;
  triangle: IronTriangle;
  manager: DemoPerson;
}>;

const CHANGE_KINDS = [
  ['prospective', 3],
  ['cumulative-catch-up', 2],
  ['separate-contract', 1],
] as const satisfies readonly (readonly [ChangeKind, number])[];
const DISPUTE_OUTCOMES = [
  ['in-our-favour', 2],
  ['in-customer-favour', 1],
  ['settled', 2],
  ['withdrawn', 1],
] as const satisfies readonly (readonly [DisputeOutcome, number])[];

/**
 * The contract the process manager opens for a won deal: the AR confirms the PO, the triangle passes
 * the delivery handover, FR delivers milestone by milestone while ops invoices and collects; along the
 * way some contracts change (each kind), raise risks, go into dispute, or are terminated; a settled
 * contract is closed and evaluated with the customer.
 */
export async function* contractJourney(context: DemoContext, start: ContractStart, random: Random): Journey {
  const contract = { kind: 'contract', id: start.contractId } as const;
  const { triangle, customer } = start;
  const currency = start.amount.currency;
  const ops = random.pick(['ops-1', 'ops-2']);
  let amount = start.amount.amountMinor;
  let billed = 0;
  const invoices: { id: string; amount: number; paid: number; settled: boolean }[] = [];
  const issue = async (part: number) => {
    const invoice = { id: `inv-${invoices.length + 1}`, amount: part, paid: 0, settled: false };
    await context.send(
      contract,
      {
        type: 'IssueInvoice',
        data: {
          invoiceId: invoice.id,
          amount: { amountMinor: part, currency },
          dueDate: isoDate(context.now + 30 * DAY),
        },
      },
      ops,
    );
    invoices.push(invoice);
    billed += part;
    return invoice;
  };
  /** `lateDays`: the money arrived that many days before ops books it (a late entry, dated by `receivedOn`). */
  const pay = async (
    invoice: (typeof invoices)[number],
    lateDays = 0,
    part = invoice.amount - invoice.paid,
  ) => {
    await context.send(
      contract,
      {
        type: 'RecordPayment',
        data: {
          invoiceId: invoice.id,
          amount: { amountMinor: part, currency },
          receivedOn: isoDate(context.now - lateDays * DAY),
          reference: `BANK-${start.contractId}-${invoice.id}`,
        },
      },
      ops,
    );
    invoice.paid += part;
    invoice.settled = invoice.paid === invoice.amount;
  };
  const writeOff = async (invoice: (typeof invoices)[number], reason: string) => {
    await context.send(contract, { type: 'WriteOffInvoice', data: { invoiceId: invoice.id, reason } }, ops);
    invoice.settled = true;
  };
  const settleAll = async function* () {
    for (const invoice of invoices.filter((i) => !i.settled)) {
      const gap = random.int(10, 45);
      yield context.after(gap, random);
      if (random.chance(0.9))
        await pay(invoice, random.chance(0.3) ? random.int(1, Math.min(8, gap - 3)) : 0);
      else await writeOff(invoice, 'the customer went into administration');
    }
  };

  yield context.after(random.int(2, 12), random);
  if (random.chance(0.02)) {
    await context.send(
      contract,
      { type: 'TerminateContract', data: { reason: 'the customer withdrew the PO before confirmation' } },
      triangle.AR,
    );
    return;
  }
  await context.send(
    contract,
    {
      type: 'ConfirmContract',
      data: {
        poNumber: `PO-${start.contractId.slice(-5)}`,
        confirmedAmount: { amountMinor: amount, currency },
      },
    },
    triangle.AR,
  );
  if (random.chance(0.35)) {
    yield context.after(random.int(1, 5), random);
    await issue(Math.round((amount * 0.3) / 100) * 100);
  }
  yield* passGate(context, contract, 'deliveryHandover', () => triangle, random, 0.15);
  let risk = 0;
  let disputes = 0;
  const milestones = random.int(1, 4);
  for (let m = 1; m <= milestones; m++) {
    yield context.after(random.int(10, 45), random);
    await context.send(
      contract,
      {
        type: 'CompleteDeliveryMilestone',
        data: {
          milestoneId: `m${m}`,
          name: random.pick([
            'design signed off',
            'pilot site live',
            'data migrated',
            'rollout wave',
            'training done',
          ]),
          note: 'accepted on site',
        },
      },
      triangle.FR,
    );
    if (random.chance(0.15)) {
      const riskId = `risk-${++risk}`;
      await context.send(
        contract,
        {
          type: 'RaiseRisk',
          data: {
            riskId,
            title: random.pick([
              'key user leaves the customer',
              'hardware delivery late',
              'integration partner behind plan',
            ]),
            severity: random.pick(['low', 'medium', 'high'] as const),
          },
        },
        triangle.FR,
      );
      yield context.after(random.int(5, 25), random);
      await context.send(
        contract,
        { type: 'ResolveRisk', data: { riskId, resolution: 'mitigated with a second team' } },
        triangle.FR,
      );
    }
    if (random.chance(0.12)) {
      // A change before the last invoice, never taking the amount below what is billed.
      const kind = context.deck('contract change kinds', CHANGE_KINDS).draw();
      const up = random.chance(0.7);
      const delta =
        Math.round((amount * (up ? 0.05 + random.next() * 0.15 : -(0.02 + random.next() * 0.05))) / 100_00) *
        100_00;
      if (kind === 'separate-contract' || amount + delta > billed) {
        await context.send(
          contract,
          {
            type: 'ChangeContract',
            data: {
              kind,
              amountDelta: { amountMinor: kind === 'separate-contract' ? Math.abs(delta) : delta, currency },
              scope: up ? 'two more sites' : 'the reporting module dropped',
              reason: up ? 'the customer extended the rollout' : 'descoped by the customer',
              ...(kind === 'separate-contract' ? { separateContractId: `${start.contractId}-x` } : {}),
            },
          },
          triangle.AR,
        );
        if (kind !== 'separate-contract') amount += delta;
      }
    }
    if (random.chance(0.035)) {
      yield context.after(random.int(3, 10), random);
      await context.send(
        contract,
        {
          type: 'TerminateContract',
          data: { reason: 'the customer ended the project after a reorganisation' },
        },
        triangle.AR,
      );
      yield* settleAll();
      yield context.after(random.int(3, 10), random);
      await context.send(
        contract,
        { type: 'CloseContract', data: { note: 'terminated and settled' } },
        triangle.AR,
      );
      return;
    }
    // Invoice the milestone's share; the last one bills what is left.
    const share =
      m === milestones ? amount - billed : Math.round((amount - billed) / (milestones - m + 1) / 100) * 100;
    if (share > 0) {
      yield context.after(random.int(1, 5), random);
      const invoice = await issue(share);
      if (m < milestones && random.chance(0.08) && amount - billed > 0) {
        // The customer disputes this invoice; the outcome may lower what is still to bill.
        const disputeId = `dispute-${++disputes}`;
        yield context.after(random.int(5, 15), random);
        await context.send(
          contract,
          {
            type: 'OpenDispute',
            data: { disputeId, subject: 'acceptance of the milestone contested', invoiceId: invoice.id },
          },
          triangle.AR,
        );
        yield context.after(random.int(10, 40), random);
        const outcome = context.deck('dispute outcomes', DISPUTE_OUTCOMES).draw();
        const room = amount - billed - 100_00;
        const credit =
          (outcome === 'in-customer-favour' || outcome === 'settled') && room > 0
            ? Math.min(room, Math.round((invoice.amount * 0.1) / 100) * 100)
            : 0;
        await context.send(
          contract,
          {
            type: 'ResolveDispute',
            data: {
              disputeId,
              outcome,
              amountImpact: { amountMinor: -credit, currency },
              note: credit > 0 ? 'credit on the next invoice' : 'acceptance confirmed',
            },
          },
          start.manager.id,
        );
        amount -= credit;
      }
    }
  }
  yield context.after(random.int(2, 10), random);
  await context.send(
    contract,
    {
      type: 'DeclareDeliveryComplete',
      data: { acceptanceReference: `ACC-${start.contractId.slice(-5)}`, note: 'final acceptance signed' },
    },
    triangle.FR,
  );
  if (amount > billed) await issue(amount - billed);
  yield* settleAll();
  yield context.after(random.int(2, 10), random);
  await context.send(contract, { type: 'CloseContract', data: { note: 'delivered and paid' } }, triangle.AR);
  yield context.after(random.int(10, 30), random);
  await context.send(
    contract,
    {
      type: 'EvaluateContract',
      data: {
        customerSatisfaction: random.weighted([
          [5, 4],
          [4, 4],
          [3, 2],
          [2, 1],
        ] as const),
        successCriteriaMet: random.chance(0.85),
        note: `reviewed with ${customer.name}`,
      },
    },
    triangle.AR,
  );
}
