import type { IncentivePeriodCommand } from '@ltc/workflow-incentive-period';
import type { IncentivePlanCommand } from '@ltc/workflow-incentive-plan';
import { incentivePeriodAccess, incentivePlanAccess, type IncentivePeriodFacts } from './incentive.access';
import { accessSpec } from './testing/access-spec';
import { as, org, system } from './testing/org.fixture';

describe('incentive plan access', () => {
  const given = accessSpec(incentivePlanAccess, org);
  const types = [
    'PublishIncentivePlan',
    'CorrectIncentivePlan',
    'RetireIncentivePlan',
    'SetIncentiveTarget',
  ] as const;

  it('lets ops, admins and the system manage plans and targets; refuses reps and managers', () => {
    for (const type of types) {
      const command = { type, data: {} } as IncentivePlanCommand;
      for (const actor of [as('olga'), as('ada'), system])
        given({ state: {} }).when(actor, command).thenAllowed();
      for (const actor of [as('ann'), as('mia')])
        given({ state: {} }).when(actor, command).thenRefused('opsOnly');
    }
  });
});

describe('incentive period access', () => {
  const given = accessSpec(incentivePeriodAccess, org);
  // the plan pays ann and bob (north, managed by mia)
  const state: IncentivePeriodFacts = { participants: ['ann', 'bob'] };
  const close = {
    type: 'CloseIncentivePeriod',
    data: { planId: 'p', period: '2026-11' },
  } as IncentivePeriodCommand;
  const open = {
    type: 'OpenIncentivePeriod',
    data: { planId: 'p', period: '2026-11' },
  } as IncentivePeriodCommand;

  it('lets ops, admins, the system and a manager of a participant close', () => {
    for (const actor of [as('olga'), as('ada'), system, as('mia')])
      given({ state }).when(actor, close).thenAllowed();
  });

  it("refuses a manager of nobody in the plan, and reps (even the plan's own)", () => {
    given({ state }).when(as('sam'), close).thenRefused('managerOfParticipants');
    given({ state }).when(as('ann'), close).thenRefused('managerOfParticipants');
    given({ state: { participants: ['cat'] } })
      .when(as('mia'), close)
      .thenRefused('managerOfParticipants');
    given({ state: { participants: ['cat'] } })
      .when(as('sam'), close)
      .thenAllowed();
  });

  it('opens by ops and admins only', () => {
    given({ state }).when(as('olga'), open).thenAllowed();
    given({ state }).when(as('mia'), open).thenRefused('opsOnly');
  });
});
