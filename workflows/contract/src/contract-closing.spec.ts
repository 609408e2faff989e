import { deciderSpec } from '@ltc/workflow-kit';
import {
  closed,
  ctx,
  disputeOpened,
  disputeResolved,
  eur,
  evaluated,
  invoiced,
  opened,
  paid,
  path,
  riskRaised,
  riskResolved,
  usd,
  writtenOff,
} from '../test/contract.fixtures';
import { contractWorkflow as contract } from './contract.workflow';

const given = deciderSpec(contract, ctx);
const raise = {
  type: 'RaiseRisk',
  data: { riskId: 'r-1', title: 'Key engineer leaving', severity: 'high' },
} as const;
const resolveRisk = { type: 'ResolveRisk', data: { riskId: 'r-1', resolution: 'backup trained' } } as const;
const dispute = {
  type: 'OpenDispute',
  data: { disputeId: 'd-1', subject: 'late delivery penalty' },
} as const;
const settle = (amountImpact = eur(0)) =>
  ({ type: 'ResolveDispute', data: { disputeId: 'd-1', outcome: 'settled', amountImpact } }) as const;
const close = { type: 'CloseContract', data: {} } as const;
const evaluate = {
  type: 'EvaluateContract',
  data: { customerSatisfaction: 4, successCriteriaMet: true },
} as const;

describe('RaiseRisk / ResolveRisk', () => {
  it('raises a risk before confirmation and resolves it later', () => {
    given([opened]).when(raise).then([riskRaised]);
    const { state } = given([...path.inDelivery, riskRaised])
      .when(resolveRisk)
      .then([riskResolved]);
    expect(state.context.risks['r-1']?.open).toBe(false);
  });

  it('refuses a reused risk id, and resolving a risk that is not open', () => {
    given([opened, riskRaised]).when(raise).thenRefuses('riskIdUnused');
    given([opened]).when(resolveRisk).thenRefuses('riskIsOpen');
    given([opened, riskRaised, riskResolved]).when(resolveRisk).thenRefuses('riskIsOpen');
  });

  it('resolves but does not raise risks after termination', () => {
    given([...path.terminated.slice(0, -1), riskRaised, path.terminated.at(-1)!])
      .when(resolveRisk)
      .then([riskResolved]);
    given(path.terminated).when(raise).thenRefuses('transitionNotAllowed');
  });

  it('rejects an unknown severity', () => {
    given([opened])
      .when({ type: 'RaiseRisk', data: { ...raise.data, severity: 'dire' } } as never)
      .thenInvalid('severity');
  });
});

describe('OpenDispute / ResolveDispute', () => {
  it('opens a dispute, optionally about one invoice', () => {
    given(path.inDelivery).when(dispute).then([disputeOpened]);
    given([...path.inDelivery, invoiced()])
      .when({ type: 'OpenDispute', data: { ...dispute.data, invoiceId: 'i-1' } })
      .then([
        {
          type: 'DisputeOpened',
          data: { disputeId: 'd-1', subject: 'late delivery penalty', invoiceId: 'i-1' },
        },
      ]);
  });

  it('refuses a reused dispute id and an unknown invoice', () => {
    given([...path.inDelivery, disputeOpened])
      .when(dispute)
      .thenRefuses('disputeIdUnused');
    given(path.inDelivery)
      .when({ type: 'OpenDispute', data: { ...dispute.data, invoiceId: 'i-9' } })
      .thenRefuses('disputeInvoiceExists');
  });

  it('resolves with an amount impact on the contract', () => {
    const { state } = given([...path.inDelivery, disputeOpened])
      .when(settle(eur(-50_000)))
      .then([disputeResolved(eur(-50_000))]);
    expect(state.context.amount).toEqual(eur(850_000));
    expect(state.context.disputes['d-1']).toEqual({
      subject: 'late delivery penalty',
      open: false,
      outcome: 'settled',
    });
  });

  it('refuses resolving a dispute that is not open, a credit below what is invoiced, another currency', () => {
    given(path.inDelivery).when(settle()).thenRefuses('disputeIsOpen');
    given([...path.inDelivery, invoiced('i-1', eur(900_000)), disputeOpened])
      .when(settle(eur(-1)))
      .thenRefuses('amountStaysAboveBilled');
    given([...path.inDelivery, disputeOpened])
      .when(settle(usd(0)))
      .thenRefuses('currencyMatches');
  });

  it('refuses a dispute before the PO is confirmed', () => {
    given([opened]).when(dispute).thenRefuses('transitionNotAllowed');
  });

  it('rejects an unknown outcome', () => {
    given([...path.inDelivery, disputeOpened])
      .when({
        type: 'ResolveDispute',
        data: { disputeId: 'd-1', outcome: 'won', amountImpact: eur(0) },
      } as never)
      .thenInvalid('outcome');
  });
});

describe('CloseContract', () => {
  it('closes a delivered contract whose invoices are collected', () => {
    const { state } = given(path.deliveredAndSettled).when(close).then([closed]);
    expect(contract.stateName(state)).toBe('closed');
  });

  it('closes when the unpaid rest is written off', () => {
    given([
      ...path.delivered,
      invoiced('i-1', eur(900_000)),
      paid('i-1', eur(700_000)),
      writtenOff('i-1', eur(200_000)),
    ])
      .when(close)
      .then([closed]);
  });

  it('refuses while delivery is not complete', () => {
    given(path.inDelivery).when(close).thenRefuses('deliveryComplete');
  });

  it('refuses while part of the amount was never invoiced', () => {
    given([...path.delivered, invoiced(), paid()])
      .when(close)
      .thenRefuses('fullyInvoiced');
  });

  it('refuses while a dispute is open', () => {
    given([...path.deliveredAndSettled, disputeOpened])
      .when(close)
      .thenRefuses('noOpenDispute');
  });

  it('refuses while an invoice is unpaid', () => {
    given([...path.delivered, invoiced('i-1', eur(900_000))])
      .when(close)
      .thenRefuses('everyInvoiceSettled');
  });

  it('closes a terminated contract once its invoices are settled, without delivery', () => {
    given(path.terminated).when(close).thenRefuses('everyInvoiceSettled');
    given([...path.terminated, paid()])
      .when(close)
      .then([closed]);
    given([...path.terminated, paid(), disputeOpened])
      .when(close)
      .thenRefuses('noOpenDispute');
  });

  it('refuses before confirmation and twice', () => {
    given([opened]).when(close).thenRefuses('transitionNotAllowed');
    given(path.closed).when(close).thenRefuses('transitionNotAllowed');
  });
});

describe('EvaluateContract', () => {
  it('evaluates a closed contract and ends it', () => {
    const { state } = given(path.closed).when(evaluate).then([evaluated]);
    expect(contract.stateName(state)).toBe('evaluated');
    expect(state.status).toBe('done');
  });

  it('refuses before closing and twice', () => {
    given(path.deliveredAndSettled).when(evaluate).thenRefuses('transitionNotAllowed');
    given(path.evaluated).when(evaluate).thenRefuses('transitionNotAllowed');
  });

  it.each([
    ['customerSatisfaction', { customerSatisfaction: 0 }],
    ['customerSatisfaction', { customerSatisfaction: 6 }],
    ['successCriteriaMet', { successCriteriaMet: 'mostly' }],
  ])('rejects a bad %s', (field, change) => {
    given(path.closed)
      .when({ type: 'EvaluateContract', data: { ...evaluate.data, ...change } } as never)
      .thenInvalid(field);
  });
});
