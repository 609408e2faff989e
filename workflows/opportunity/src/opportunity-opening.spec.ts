import { deciderSpec } from '@ltc/workflow-kit';
import {
  assigned,
  ctx,
  eur,
  laterPath,
  opened,
  path,
  triangle,
  usd,
  validated,
} from '../test/opportunity.fixtures';
import { opportunityWorkflow as opportunity } from './opportunity.workflow';

const given = deciderSpec(opportunity, ctx);

describe('OpenOpportunity', () => {
  const open = {
    type: 'OpenOpportunity',
    data: {
      customerId: 'c-1',
      leadId: 'l-1',
      name: ' Plant automation ',
      amount: eur(1_000_000),
      expectedCloseDate: '2026-06-30',
      segment: 'strategic',
      customerType: 'new',
      owner: 'ann',
    },
  } as const;

  it('opens a deal with its amount, segment and owner', () => {
    given([]).when(open).then([opened]);
  });

  it('keeps a missing lead as null: not every opportunity starts as a lead', () => {
    const { leadId: _ignored, ...data } = open.data;
    const { state } = given([])
      .when({ type: 'OpenOpportunity', data })
      .then([{ ...opened, data: { ...opened.data, leadId: null } } as typeof opened]);
    expect(state.context.leadId).toBeNull();
  });

  it('refuses to open twice', () => {
    given([opened]).when(open).thenRefuses('transitionNotAllowed');
  });

  it.each([
    ['amount', { amount: eur(0) }],
    ['segment', { segment: 'huge' }],
    ['customerType', { customerType: 'old' }],
    ['expectedCloseDate', { expectedCloseDate: '30/06/2026' }],
    ['customerId', { customerId: '' }],
  ])('rejects a bad %s as invalid', (field, change) => {
    given([])
      .when({ ...open, data: { ...open.data, ...change } } as never)
      .thenInvalid(field);
  });
});

describe('AssignIronTriangle', () => {
  it('assigns AR, SR and FR', () => {
    given([opened]).when({ type: 'AssignIronTriangle', data: { triangle } }).then([assigned]);
  });

  it('refuses a second assignment', () => {
    given([opened, assigned])
      .when({ type: 'AssignIronTriangle', data: { triangle } })
      .thenRefuses('triangleNotAssigned');
  });

  it('refuses before the opportunity is opened and after it ended', () => {
    given([]).when({ type: 'AssignIronTriangle', data: { triangle } }).thenRefuses('transitionNotAllowed');
    given(laterPath.won)
      .when({ type: 'AssignIronTriangle', data: { triangle } })
      .thenRefuses('transitionNotAllowed');
  });
});

describe('ReassignIronTriangleRole', () => {
  const reassign = {
    type: 'ReassignIronTriangleRole',
    data: { role: 'SR', to: 'sue', reason: 'sam moved' },
  } as const;

  it('moves one role, in any open stage', () => {
    given(laterPath.negotiation)
      .when(reassign)
      .then([
        {
          type: 'IronTriangleRoleReassigned',
          data: { role: 'SR', from: 'sam', to: 'sue', reason: 'sam moved' },
        },
      ]);
  });

  it('refuses before the triangle is assigned', () => {
    given([opened]).when(reassign).thenRefuses('triangleAssigned');
  });

  it('refuses giving the role to its holder', () => {
    given([opened, assigned])
      .when({ ...reassign, data: { ...reassign.data, to: 'sam' } })
      .thenRefuses('holderChanges');
  });
});

describe('ValidateOpportunity', () => {
  const validate = {
    type: 'ValidateOpportunity',
    data: { isReal: true, solutionFits: true, winProbability: 60, worthWinning: true, notes: '' },
  } as const;

  it('answers the four questions and moves the deal to validated', () => {
    const { state } = given([opened]).when(validate).then([validated()]);
    expect(opportunity.stateName(state)).toBe('open.validated');
  });

  it('may be answered again later without moving the stage (win probability changes)', () => {
    const { state } = given(laterPath.negotiation)
      .when({ ...validate, data: { ...validate.data, winProbability: 80 } })
      .then([{ type: 'OpportunityValidated', data: { ...validate.data, winProbability: 80 } }]);
    expect(opportunity.stateName(state)).toBe('open.negotiation');
    expect(state.context.validation?.winProbability).toBe(80);
  });

  it('refuses before the opportunity is opened', () => {
    given([]).when(validate).thenRefuses('transitionNotAllowed');
  });

  it.each([
    ['winProbability', { winProbability: 101 }],
    ['winProbability', { winProbability: 33.5 }],
    ['isReal', { isReal: 'yes' }],
  ])('rejects a bad %s as invalid', (field, change) => {
    given([opened])
      .when({ ...validate, data: { ...validate.data, ...change } } as never)
      .thenInvalid(field);
  });
});

describe('ChangeAmount', () => {
  it('records the new pipeline amount and the previous one', () => {
    given(path.validated)
      .when({ type: 'ChangeAmount', data: { amount: eur(1_200_000), reason: 'scope grew' } })
      .then([
        {
          type: 'OpportunityAmountChanged',
          data: { amount: eur(1_200_000), previousAmount: eur(1_000_000), reason: 'scope grew' },
        },
      ]);
  });

  it('refuses another currency', () => {
    given(path.validated)
      .when({ type: 'ChangeAmount', data: { amount: usd(1_200_000) } })
      .thenRefuses('currencyMatches');
  });

  it('refuses the amount it already has', () => {
    given(path.validated)
      .when({ type: 'ChangeAmount', data: { amount: eur(1_000_000) } })
      .thenRefuses('amountDiffers');
  });

  it('refuses once the deal has ended', () => {
    given(laterPath.lost)
      .when({ type: 'ChangeAmount', data: { amount: eur(5) } })
      .thenRefuses('transitionNotAllowed');
  });
});

describe('ChangeExpectedCloseDate', () => {
  it('records the new date and the previous one', () => {
    given([opened])
      .when({
        type: 'ChangeExpectedCloseDate',
        data: { expectedCloseDate: '2026-09-30', reason: 'budget moved to Q3' },
      })
      .then([
        {
          type: 'ExpectedCloseDateChanged',
          data: { expectedCloseDate: '2026-09-30', previousDate: '2026-06-30', reason: 'budget moved to Q3' },
        },
      ]);
  });

  it('refuses the date it already has', () => {
    given([opened])
      .when({ type: 'ChangeExpectedCloseDate', data: { expectedCloseDate: '2026-06-30' } })
      .thenRefuses('closeDateDiffers');
  });

  it('rejects a date that does not exist', () => {
    given([opened])
      .when({ type: 'ChangeExpectedCloseDate', data: { expectedCloseDate: '2026-02-30' } })
      .thenInvalid('expectedCloseDate');
  });
});
