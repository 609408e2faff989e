import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { money } from '@ltc/domain';
import { EVENT_STORE, type EventStore } from '@ltc/event-store';
import { writeUsersFile } from '@ltc/users';
import { AppModule } from '../app.module';
import { loadConfig } from '../config';
import { CustomerWorkflowCommand } from '../customers/customer.commands';
import { OpportunityWorkflowCommand } from '../opportunities/opportunity.commands';
import { ContractWorkflowCommand } from './contract.commands';

const ann = { id: 'ann', roles: ['rep'], team: 'east' };
const bob = { id: 'bob', roles: ['manager'], team: 'east' };
const amount = money(120_000_00, 'EUR');
const triangle = { AR: 'ann', SR: 'sam', FR: 'fay' };

describe('OpenContract over the bus (a real app on a SQLite file)', () => {
  it('is refused with opportunityWon for a missing or an open opportunity, and appends nothing', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ltc-open-contract-')), 'data');
    mkdirSync(dataDir);
    // The triangle must name known people: the api takes these into the log at start.
    writeUsersFile(join(dataDir, 'users.json'), {
      version: 1,
      users: ['ann', 'sam', 'fay'].map((id) => ({
        id,
        person: id,
        roles: ['rep'],
        team: 'east',
        apiKeys: [],
      })),
    });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(loadConfig({ DATA_DIR: dataDir, SWEEP_INTERVAL_MINUTES: '0' }))],
    }).compile();
    const app = moduleRef.createNestApplication();
    await app.init();
    const bus = app.get(CommandBus);
    const store = app.get<EventStore>(EVENT_STORE);
    const open = (opportunityId: string) =>
      bus.execute(
        new ContractWorkflowCommand(
          `contract-c-${opportunityId}`,
          { type: 'OpenContract', data: { opportunityId, customerId: 'acme', amount, triangle } },
          { commandId: `open-${opportunityId}`, actor: bob },
        ),
      );
    try {
      await expect(open('ghost')).rejects.toMatchObject({
        refusal: { rule: 'opportunityWon', reason: 'opportunity ghost does not exist' },
      });
      await bus.execute(
        new CustomerWorkflowCommand(
          'customer-acme',
          { type: 'RegisterCustomer', data: { name: 'Acme', segment: 'ordinary' } },
          { commandId: 'reg-acme', actor: bob },
        ),
      );
      await bus.execute(
        new CustomerWorkflowCommand(
          'customer-acme',
          { type: 'ClaimCustomer', data: { ownedCount: 0 } },
          { commandId: 'claim-acme', actor: ann },
        ),
      );
      await bus.execute(
        new OpportunityWorkflowCommand(
          'opportunity-opp-1',
          {
            type: 'OpenOpportunity',
            data: {
              customerId: 'acme',
              name: 'Acme rollout',
              amount,
              expectedCloseDate: '2026-06-30',
              segment: 'ordinary',
              customerType: 'new',
              owner: 'ann',
            },
          },
          { commandId: 'open-opp-1', actor: ann },
        ),
      );
      await expect(open('opp-1')).rejects.toMatchObject({
        refusal: {
          rule: 'opportunityWon',
          reason: expect.stringMatching(/^opportunity opp-1 is .+, not won$/),
        },
      });
      expect(await store.streamRevision('contract-c-ghost')).toBe('noStream');
      expect(await store.streamRevision('contract-c-opp-1')).toBe('noStream');
    } finally {
      await app.close();
    }
  });
});
