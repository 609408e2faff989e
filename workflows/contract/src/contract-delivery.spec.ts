import { deciderSpec } from '@ltc/workflow-kit';
import { ctx, deliveryCompleted, milestone, path } from '../test/contract.fixtures';
import { contractWorkflow as contract } from './contract.workflow';

const given = deciderSpec(contract, ctx);
const complete = (milestoneId = 'm-1') =>
  ({ type: 'CompleteDeliveryMilestone', data: { milestoneId, name: 'Site acceptance' } }) as const;
const declare = { type: 'DeclareDeliveryComplete', data: { acceptanceReference: 'ACC-1' } } as const;

describe('CompleteDeliveryMilestone', () => {
  it('records a milestone once delivery has been handed over', () => {
    const { state } = given(path.inDelivery).when(complete()).then([milestone()]);
    expect(state.context.milestones).toEqual([{ milestoneId: 'm-1', name: 'Site acceptance' }]);
  });

  it('refuses the same milestone twice', () => {
    given([...path.inDelivery, milestone()])
      .when(complete())
      .thenRefuses('milestoneIdUnused');
  });

  it('refuses before the delivery handover has passed, and after delivery is complete', () => {
    given(path.handoverPending).when(complete()).thenRefuses('transitionNotAllowed');
    given(path.deliveryHandover).when(complete()).thenRefuses('transitionNotAllowed');
    given(path.delivered).when(complete('m-2')).thenRefuses('transitionNotAllowed');
  });

  it('rejects a milestone without a name', () => {
    given(path.inDelivery)
      .when({ type: 'CompleteDeliveryMilestone', data: { milestoneId: 'm-1', name: '' } })
      .thenInvalid('name');
  });
});

describe('DeclareDeliveryComplete', () => {
  it('declares delivery complete after at least one milestone', () => {
    const { state } = given([...path.inDelivery, milestone()])
      .when(declare)
      .then([deliveryCompleted]);
    expect(contract.stateName(state)).toBe('executing.delivered');
    expect(state.context.deliveryComplete).toBe(true);
  });

  it('refuses without a completed milestone', () => {
    given(path.inDelivery).when(declare).thenRefuses('milestonesCompleted');
  });

  it('refuses before handover and twice', () => {
    given(path.handoverPending).when(declare).thenRefuses('transitionNotAllowed');
    given(path.delivered).when(declare).thenRefuses('transitionNotAllowed');
  });

  it('rejects a note that is not text', () => {
    given([...path.inDelivery, milestone()])
      .when({ type: 'DeclareDeliveryComplete', data: { note: 42 } } as never)
      .thenInvalid('note');
  });
});
