import { deciderSpec } from '@ltc/workflow-kit';
import {
  confirmed,
  ctx,
  eur,
  handover,
  handoverRejected,
  handoverRequested,
  handoverVote,
  invoiced,
  opened,
  path,
  terminated,
  triangle,
  usd,
} from '../test/contract.fixtures';
import { contractWorkflow as contract } from './contract.workflow';

const given = deciderSpec(contract, ctx);

describe('OpenContract', () => {
  const open = {
    type: 'OpenContract',
    data: { opportunityId: 'o-1', customerId: 'c-1', amount: eur(900_000), triangle },
  } as const;

  it('opens from a won opportunity with its amount and triangle', () => {
    const { state } = given([]).when(open).then([opened]);
    expect(contract.stateName(state)).toBe('awaitingConfirmation');
    expect(state.context.triangle).toEqual(triangle);
  });

  it('refuses to open twice', () => {
    given([opened]).when(open).thenRefuses('transitionNotAllowed');
  });

  it.each([
    ['opportunityId', { opportunityId: '' }],
    ['amount', { amount: eur(0) }],
    ['triangle.FR', { triangle: { AR: 'ann', SR: 'sam' } }],
  ])('rejects a bad %s', (field, change) => {
    given([])
      .when({ ...open, data: { ...open.data, ...change } } as never)
      .thenInvalid(field);
  });
});

describe('ConfirmContract', () => {
  const confirm = (confirmedAmount = eur(900_000)) =>
    ({ type: 'ConfirmContract', data: { poNumber: 'PO-7', confirmedAmount } }) as const;

  it('records the PO; its amount becomes the contract amount', () => {
    const { state } = given([opened])
      .when(confirm(eur(880_000)))
      .then([confirmed(eur(880_000))]);
    expect(contract.stateName(state)).toBe('executing.handoverPending');
    expect(state.context.amount).toEqual(eur(880_000));
    expect(state.context.signedAmount).toEqual(eur(900_000));
  });

  it('refuses a PO in another currency', () => {
    given([opened])
      .when(confirm(usd(900_000)))
      .thenRefuses('currencyMatches');
  });

  it('refuses a second confirmation', () => {
    given(path.handoverPending).when(confirm()).thenRefuses('transitionNotAllowed');
  });

  it('rejects a missing PO number', () => {
    given([opened])
      .when({ type: 'ConfirmContract', data: { poNumber: '', confirmedAmount: eur(1) } })
      .thenInvalid('poNumber');
  });
});

describe('delivery handover gate', () => {
  const request = { type: 'RequestGateReview', data: { gate: 'deliveryHandover' } } as const;
  const approve = (role: 'AR' | 'SR' | 'FR') =>
    ({ type: 'CastGateVote', data: { gate: 'deliveryHandover', role, decision: 'approve' } }) as const;

  it('opens after confirmation', () => {
    const { state } = given(path.handoverPending).when(request).then([handoverRequested()]);
    expect(contract.stateName(state)).toBe('executing.deliveryHandover');
  });

  it('refuses before the PO is confirmed and for a deal gate', () => {
    given([opened]).when(request).thenRefuses('transitionNotAllowed');
    given(path.handoverPending)
      .when({ type: 'RequestGateReview', data: { gate: 'quoteReview' } })
      .thenRefuses('gateBelongsToStage');
  });

  it('passes into delivery on the last approval', () => {
    const { state } = given([...path.deliveryHandover, handoverVote('AR'), handoverVote('SR')])
      .when(approve('FR'))
      .then(handover().slice(3));
    expect(contract.stateName(state)).toBe('executing.inDelivery');
  });

  it('returns to handover pending on a rejection and reopens as round 2', () => {
    const { state } = given(path.deliveryHandover)
      .when({
        type: 'CastGateVote',
        data: { gate: 'deliveryHandover', role: 'FR', decision: 'reject', reason: 'no site access yet' },
      })
      .then([handoverVote('FR', 'reject'), handoverRejected()]);
    expect(contract.stateName(state)).toBe('executing.handoverPending');
    given([...path.deliveryHandover, handoverVote('FR', 'reject'), handoverRejected()])
      .when(request)
      .then([handoverRequested(2)]);
  });

  it('takes a vote only from the role holder', () => {
    given(path.deliveryHandover).when(approve('FR'), { actor: 'ann' }).thenRefuses('voterHoldsRole');
  });
});

describe('ReassignIronTriangleRole', () => {
  const reassign = {
    type: 'ReassignIronTriangleRole',
    data: { role: 'FR', to: 'fred', reason: 'delivery team' },
  } as const;

  it('moves a role during execution', () => {
    const { state } = given(path.inDelivery)
      .when(reassign)
      .then([
        {
          type: 'IronTriangleRoleReassigned',
          data: { role: 'FR', from: 'fay', to: 'fred', reason: 'delivery team' },
        },
      ]);
    expect(state.context.triangle?.FR).toBe('fred');
  });

  it('refuses giving the role to its holder, and after termination', () => {
    given([opened])
      .when({ ...reassign, data: { ...reassign.data, to: 'fay' } })
      .thenRefuses('holderChanges');
    given(path.terminated).when(reassign).thenRefuses('transitionNotAllowed');
  });
});

describe('TerminateContract', () => {
  const terminate = { type: 'TerminateContract', data: { reason: 'customer exit' } } as const;

  it('terminates before confirmation', () => {
    given([opened])
      .when(terminate)
      .then([terminated('awaitingConfirmation')]);
  });

  it('terminates during a handover round and closes the round', () => {
    const { state } = given(path.deliveryHandover)
      .when(terminate)
      .then([terminated('executing.deliveryHandover')]);
    expect(state.context.gates.open).toBeNull();
    expect(state.context.termination).toEqual({
      reason: 'customer exit',
      stage: 'executing.deliveryHandover',
    });
  });

  it('refuses once terminated or closed', () => {
    given(path.terminated).when(terminate).thenRefuses('transitionNotAllowed');
    given(path.closed).when(terminate).thenRefuses('transitionNotAllowed');
  });

  it('rejects a termination without a reason', () => {
    given([opened, confirmed(), invoiced()])
      .when({ type: 'TerminateContract', data: { reason: '' } })
      .thenInvalid('reason');
  });
});
