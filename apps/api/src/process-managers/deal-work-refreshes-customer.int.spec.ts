import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { money } from '@ltc/domain';
import { CLOCK, FixedClock } from '@ltc/engine';
import { EVENT_STORE, type EventStore } from '@ltc/event-store';
import { writeUsersFile } from '@ltc/users';
import { AppModule } from '../app.module';
import { loadConfig } from '../config';
import { CustomerWorkflowCommand } from '../customers/customer.commands';
import { SweepIdleCustomersCommand } from '../customers/sweep.command';
import { OpportunityWorkflowCommand } from '../opportunities/opportunity.commands';

const DAY = 86_400_000;
const ann = { id: 'ann', roles: ['rep'], team: 'east' };
const bob = { id: 'bob', roles: ['manager'], team: 'east' };

describe('deal work refreshes the customer (a real app on a SQLite file, a fixed clock)', () => {
  it('a deal opened on day 20 keeps its customer out of the day-31 sweep; a customer without one goes', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ltc-deal-work-')), 'data');
    mkdirSync(dataDir);
    writeUsersFile(join(dataDir, 'users.json'), {
      version: 1,
      users: [{ id: 'ann', person: 'ann', roles: ['rep'], team: 'east', apiKeys: [] }],
    });
    const clock = new FixedClock('2026-01-01T09:00:00.000Z');
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(loadConfig({ DATA_DIR: dataDir, SWEEP_INTERVAL_MINUTES: '0' }))],
    })
      .overrideProvider(CLOCK)
      .useValue(clock)
      .compile();
    const app = moduleRef.createNestApplication();
    await app.init();
    const bus = app.get(CommandBus);
    const store = app.get<EventStore>(EVENT_STORE);
    const customer = (id: string, type: string, data: object, actor = ann) =>
      bus.execute(
        new CustomerWorkflowCommand(`customer-${id}`, { type, data } as never, {
          commandId: `${type}-${id}`,
          actor,
        }),
      );
    try {
      for (const id of ['worked', 'quiet']) {
        await customer(id, 'RegisterCustomer', { name: id, segment: 'ordinary' });
        await customer(id, 'ClaimCustomer', { ownedCount: 0 });
      }
      clock.advance(20 * DAY);
      await bus.execute(
        new OpportunityWorkflowCommand(
          'opportunity-big',
          {
            type: 'OpenOpportunity',
            data: {
              customerId: 'worked',
              name: 'Big deal',
              amount: money(500_000_00, 'EUR'),
              expectedCloseDate: '2026-06-30',
              segment: 'ordinary',
              customerType: 'new',
              owner: 'ann',
            },
          },
          { commandId: 'open-big', actor: ann },
        ),
      );
      // The process manager reacts after the command returns: wait (at most 2 s) for its touch.
      const touched = async () =>
        (await store.readStream('customer-worked')).find((e) => e.type === 'CustomerTouchRecorded');
      for (let i = 0; i < 40 && (await touched()) === undefined; i++) {
        await new Promise((done) => setTimeout(done, 50));
      }
      expect(await touched()).toMatchObject({
        data: {
          channel: 'deal',
          note: 'opportunity-big: OpportunityOpened',
          touchedAt: '2026-01-21T09:00:00.000Z',
        },
        metadata: { actor: 'system' },
      });
      clock.advance(11 * DAY); // quiet: 31 days since its claim; worked: 11 days since the deal opened
      await new Promise((done) => setImmediate(done));
      const swept = await bus.execute(new SweepIdleCustomersCommand(bob));
      expect(swept).toMatchObject({ idleDays: 30, returned: ['quiet'], failed: [] });
    } finally {
      await app.close();
    }
  });
});
