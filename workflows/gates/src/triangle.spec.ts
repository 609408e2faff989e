import { deciderSpec } from '@ltc/workflow-kit';
import { exampleGateWorkflow as deal } from '../test/gate.example';
import { defaultGatePolicies } from './gate.policy';
import type { TriangleEvent } from './triangle';

const given = deciderSpec(deal, {
  at: '2026-03-01T09:00:00.000Z',
  actor: 'boss',
  policy: { gates: defaultGatePolicies },
});
const triangle = { AR: 'ann', SR: 'sam', FR: 'fay' };
const assigned: TriangleEvent = { type: 'IronTriangleAssigned', data: { triangle } };
const reassign = (to: string) =>
  ({ type: 'ReassignIronTriangleRole', data: { role: 'FR', to, reason: 'moved team' } }) as const;

describe('AssignIronTriangle', () => {
  it('assigns the three roles', () => {
    given([]).when({ type: 'AssignIronTriangle', data: { triangle } }).then([assigned]);
  });

  it('refuses a second assignment: one role at a time is reassigned instead', () => {
    given([assigned])
      .when({ type: 'AssignIronTriangle', data: { triangle } })
      .thenRefuses('triangleNotAssigned');
  });

  it('rejects a missing holder as invalid', () => {
    given([])
      .when({ type: 'AssignIronTriangle', data: { triangle: { ...triangle, SR: ' ' } } })
      .thenInvalid('triangle.SR');
  });
});

describe('ReassignIronTriangleRole', () => {
  it('moves one role and records who held it', () => {
    const { state } = given([assigned])
      .when(reassign('fred'))
      .then([
        {
          type: 'IronTriangleRoleReassigned',
          data: { role: 'FR', from: 'fay', to: 'fred', reason: 'moved team' },
        },
      ]);
    expect(state.context.triangle).toEqual({ ...triangle, FR: 'fred' });
  });

  it('refuses before a triangle exists', () => {
    given([]).when(reassign('fred')).thenRefuses('triangleAssigned');
  });

  it('refuses handing the role to its current holder', () => {
    given([assigned]).when(reassign('fay')).thenRefuses('holderChanges');
  });

  it('rejects an unknown role or a blank user as invalid', () => {
    given([assigned])
      .when({ type: 'ReassignIronTriangleRole', data: { role: 'XR' as 'FR', to: 'fred', reason: '' } })
      .thenInvalid('role');
    given([assigned]).when(reassign('')).thenInvalid('to');
  });
});
