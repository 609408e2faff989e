import type { CustomerCommand } from './customer.commands';
import { defaultCustomerPolicy } from './customer.policy';
import { customerWorkflow } from './customer.workflow';

const journey: readonly [CustomerCommand, string, string][] = [
  [{ type: 'RegisterCustomer', data: { name: 'Huaxin Retail', segment: 'ordinary' } }, 'ops-1', '2026-01-02'],
  [{ type: 'ClaimCustomer', data: { ownedCount: 12 } }, 'rep-a', '2026-01-05'],
  [
    {
      type: 'RecordCustomerTouch',
      data: { channel: 'visit', note: 'Site visit', touchedAt: '2026-01-09T08:00:00Z' },
    },
    'rep-a',
    '2026-01-09',
  ],
  [{ type: 'ReturnCustomerToPublicPool', data: { reason: 'idle' } }, 'sweep', '2026-02-20'],
  [{ type: 'ClaimCustomer', data: { ownedCount: 3 } }, 'rep-b', '2026-02-21'],
  [
    { type: 'ChangeCustomerSegment', data: { segment: 'strategic', reason: 'Key account' } },
    'manager-1',
    '2026-03-01',
  ],
  [
    { type: 'TransferCustomer', data: { owner: 'rep-c', ownedCount: 7, reason: 'Key-account team' } },
    'manager-1',
    '2026-03-02',
  ],
  [{ type: 'ReleaseCustomer', data: {} }, 'rep-c', '2026-03-10'],
  [{ type: 'ClaimCustomer', data: { ownedCount: 0 } }, 'rep-a', '2026-03-11'],
];

it('folding the events alone reaches the state the decisions produced', () => {
  let state = customerWorkflow.initialState();
  const log = [];
  for (const [command, actor, day] of journey) {
    const ctx = { at: `${day}T09:00:00.000Z`, actor, policy: defaultCustomerPolicy };
    const decision = customerWorkflow.decide(command, state, ctx);
    log.push(...decision.events);
    state = decision.state;
  }
  const replayed = customerWorkflow.fold(log);
  expect(replayed.value).toBe('owned');
  expect(replayed.context).toEqual(state.context);
  expect(replayed.context).toMatchObject({
    owner: 'rep-a',
    segment: 'strategic',
    cooldown: { previousOwner: 'rep-c', until: '2026-04-09T09:00:00.000Z' },
  });
});
