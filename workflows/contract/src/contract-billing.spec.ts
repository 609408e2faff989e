import { deciderSpec } from '@ltc/workflow-kit';
import { changed, ctx, eur, invoiced, opened, paid, path, usd, writtenOff } from '../test/contract.fixtures';
import type { ChangeKind } from './contract.values';
import { contractWorkflow as contract } from './contract.workflow';

const given = deciderSpec(contract, ctx);
const issue = (invoiceId = 'i-1', amount = eur(300_000)) =>
  ({ type: 'IssueInvoice', data: { invoiceId, amount, dueDate: '2026-06-30' } }) as const;
const pay = (invoiceId = 'i-1', amount = eur(300_000)) =>
  ({ type: 'RecordPayment', data: { invoiceId, amount, receivedOn: '2026-06-15' } }) as const;
const writeOff = (invoiceId = 'i-1') =>
  ({ type: 'WriteOffInvoice', data: { invoiceId, reason: 'customer insolvent' } }) as const;
const change = (kind: ChangeKind, amountDelta = eur(100_000), separateContractId?: string) =>
  ({
    type: 'ChangeContract',
    data: { kind, amountDelta, scope: 'two more lines', reason: 'customer request', separateContractId },
  }) as const;

describe('IssueInvoice', () => {
  it('invoices once the PO is confirmed, even before the handover (advance payment)', () => {
    given(path.handoverPending).when(issue()).then([invoiced()]);
  });

  it('invoices up to the contract amount', () => {
    given([...path.inDelivery, invoiced('i-1', eur(600_000))])
      .when(issue('i-2', eur(300_000)))
      .then([invoiced('i-2', eur(300_000))]);
  });

  it('refuses to invoice above the contract amount', () => {
    given([...path.inDelivery, invoiced('i-1', eur(600_000))])
      .when(issue('i-2', eur(300_001)))
      .thenRefuses('invoiceWithinContractAmount');
  });

  it('measures against the amount after changes', () => {
    given([...path.inDelivery, changed('prospective', eur(100_000)), invoiced('i-1', eur(600_000))])
      .when(issue('i-2', eur(400_000)))
      .then([invoiced('i-2', eur(400_000))]);
  });

  it('frees the written-off part for a corrected invoice', () => {
    given([...path.inDelivery, invoiced('i-1', eur(900_000)), writtenOff('i-1', eur(900_000))])
      .when(issue('i-2', eur(900_000)))
      .then([invoiced('i-2', eur(900_000))]);
  });

  it('refuses a reused invoice id and another currency', () => {
    given([...path.inDelivery, invoiced()])
      .when(issue('i-1'))
      .thenRefuses('invoiceIdUnused');
    given(path.inDelivery)
      .when(issue('i-1', usd(1)))
      .thenRefuses('currencyMatches');
  });

  it('refuses before confirmation and after termination', () => {
    given([opened]).when(issue()).thenRefuses('transitionNotAllowed');
    given(path.terminated).when(issue('i-9')).thenRefuses('transitionNotAllowed');
  });

  it('rejects a bad due date', () => {
    given(path.inDelivery)
      .when({ type: 'IssueInvoice', data: { invoiceId: 'i-1', amount: eur(1), dueDate: 'soon' } })
      .thenInvalid('dueDate');
  });
});

describe('RecordPayment', () => {
  const open = [...path.inDelivery, invoiced()];

  it('records a part payment and then the rest', () => {
    given(open)
      .when(pay('i-1', eur(100_000)))
      .then([paid('i-1', eur(100_000))]);
    const { state } = given([...open, paid('i-1', eur(100_000))])
      .when(pay('i-1', eur(200_000)))
      .then([paid('i-1', eur(200_000))]);
    expect(state.context.invoices['i-1']?.paid).toEqual(eur(300_000));
  });

  it('refuses more than the invoice still owes', () => {
    given([...open, paid('i-1', eur(100_000))])
      .when(pay('i-1', eur(200_001)))
      .thenRefuses('paymentWithinOutstanding');
  });

  it('refuses an unknown invoice and another currency', () => {
    given(open).when(pay('i-9')).thenRefuses('invoiceExists');
    given(open)
      .when(pay('i-1', usd(1)))
      .thenRefuses('currencyMatches');
  });

  it('collects after termination', () => {
    given(path.terminated).when(pay()).then([paid()]);
  });

  it('rejects a zero payment', () => {
    given(open)
      .when(pay('i-1', eur(0)))
      .thenInvalid('amount');
  });
});

describe('WriteOffInvoice', () => {
  it('writes off what the invoice still owes', () => {
    given([...path.inDelivery, invoiced(), paid('i-1', eur(100_000))])
      .when(writeOff())
      .then([writtenOff('i-1', eur(200_000))]);
  });

  it('refuses an invoice that owes nothing, and an unknown one', () => {
    given([...path.inDelivery, invoiced(), paid()])
      .when(writeOff())
      .thenRefuses('invoiceHasOutstanding');
    given(path.inDelivery).when(writeOff('i-9')).thenRefuses('invoiceExists');
  });

  it('writes off after termination', () => {
    given(path.terminated).when(writeOff()).then([writtenOff()]);
  });

  it('rejects a write-off without a reason', () => {
    given([...path.inDelivery, invoiced()])
      .when({ type: 'WriteOffInvoice', data: { invoiceId: 'i-1', reason: '' } })
      .thenInvalid('reason');
  });
});

describe('ChangeContract', () => {
  it('moves the amount for a prospective or cumulative catch-up change', () => {
    const { state } = given(path.inDelivery)
      .when(change('prospective'))
      .then([changed('prospective')]);
    expect(state.context.amount).toEqual(eur(1_000_000));
    given(path.inDelivery)
      .when(change('cumulative-catch-up', eur(-50_000)))
      .then([changed('cumulative-catch-up', eur(-50_000))]);
  });

  it('leaves the amount for a separate contract, which carries the new scope', () => {
    const { state } = given(path.inDelivery)
      .when(change('separate-contract', eur(100_000), 'k-2'))
      .then([changed('separate-contract')]);
    expect(state.context.amount).toEqual(eur(900_000));
    expect(state.context.changes).toHaveLength(1);
  });

  it('refuses a reduction below what is already invoiced', () => {
    given([...path.inDelivery, invoiced('i-1', eur(850_000))])
      .when(change('prospective', eur(-100_000)))
      .thenRefuses('amountStaysAboveBilled');
  });

  it('refuses another currency and a change after termination', () => {
    given(path.inDelivery)
      .when(change('prospective', usd(1)))
      .thenRefuses('currencyMatches');
    given(path.terminated).when(change('prospective')).thenRefuses('transitionNotAllowed');
  });

  it.each([
    ['kind', change('upsell' as ChangeKind)],
    ['separateContractId', change('separate-contract')],
    ['separateContractId', change('prospective', eur(1), 'k-2')],
  ])('rejects a bad %s', (field, command) => {
    given(path.inDelivery).when(command).thenInvalid(field);
  });
});
