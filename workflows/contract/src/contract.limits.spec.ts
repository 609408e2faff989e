import { deciderSpec, LIMITS } from '@ltc/workflow-kit';
import { ctx, eur, invoiced, path } from '../test/contract.fixtures';
import type { ContractCommand } from './contract.commands';
import { contractWorkflow as contract } from './contract.workflow';

const given = deciderSpec(contract, ctx);
const over = (max: number) => 'x'.repeat(max + 1);
const prose = over(LIMITS.prose);

// The domain refuses what the HTTP DTOs refuse (a text over its limit, a malformed id), so the CLI and the process managers cannot store it.
describe('contract text limits and ids', () => {
  it.each<[string, ContractCommand]>([
    [
      'poNumber',
      { type: 'ConfirmContract', data: { poNumber: over(LIMITS.label), confirmedAmount: eur(9) } },
    ],
    ['name', { type: 'CompleteDeliveryMilestone', data: { milestoneId: 'm-2', name: over(LIMITS.line) } }],
    ['note', { type: 'CompleteDeliveryMilestone', data: { milestoneId: 'm-2', name: 'racks', note: prose } }],
    [
      'acceptanceReference',
      { type: 'DeclareDeliveryComplete', data: { acceptanceReference: over(LIMITS.label) } },
    ],
    ['note', { type: 'DeclareDeliveryComplete', data: { note: prose } }],
    [
      'reference',
      {
        type: 'RecordPayment',
        data: { invoiceId: 'i-1', amount: eur(9), receivedOn: '2026-05-01', reference: over(LIMITS.label) },
      },
    ],
    ['reason', { type: 'WriteOffInvoice', data: { invoiceId: 'i-1', reason: prose } }],
    [
      'scope',
      {
        type: 'ChangeContract',
        data: { kind: 'prospective', amountDelta: eur(9), scope: prose, reason: 'r' },
      },
    ],
    [
      'reason',
      {
        type: 'ChangeContract',
        data: { kind: 'prospective', amountDelta: eur(9), scope: 's', reason: prose },
      },
    ],
    ['title', { type: 'RaiseRisk', data: { riskId: 'r-9', title: over(LIMITS.line), severity: 'high' } }],
    ['note', { type: 'RaiseRisk', data: { riskId: 'r-9', title: 't', severity: 'high', note: prose } }],
    ['resolution', { type: 'ResolveRisk', data: { riskId: 'r-1', resolution: prose } }],
    ['subject', { type: 'OpenDispute', data: { disputeId: 'd-9', subject: over(LIMITS.line) } }],
    [
      'note',
      {
        type: 'ResolveDispute',
        data: { disputeId: 'd-1', outcome: 'settled', amountImpact: eur(0), note: prose },
      },
    ],
    ['reason', { type: 'TerminateContract', data: { reason: prose } }],
    [
      'invoiceId',
      { type: 'IssueInvoice', data: { invoiceId: 'i 2', amount: eur(9), dueDate: '2026-06-01' } },
    ],
    ['note', { type: 'CloseContract', data: { note: prose } }],
    [
      'note',
      { type: 'EvaluateContract', data: { customerSatisfaction: 4, successCriteriaMet: true, note: prose } },
    ],
  ])('refuses %s over its limit (case %#)', (field, command) => {
    given([...path.inDelivery, invoiced()])
      .when(command)
      .thenInvalid(field);
  });

  it('takes a reason of exactly the limit, as HTTP does', () => {
    const reason = 'x'.repeat(LIMITS.prose);
    const { events } = contract.decide(
      { type: 'TerminateContract', data: { reason } },
      contract.fold(path.inDelivery),
      ctx,
    );
    expect(events).toEqual([expect.objectContaining({ data: expect.objectContaining({ reason }) })]);
  });
});
