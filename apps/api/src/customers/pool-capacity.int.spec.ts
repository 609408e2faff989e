import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { EVENT_STORE, type EventStore } from '@ltc/event-store';
import { writeUsersFile } from '@ltc/users';
import { defaultCustomerPolicy } from '@ltc/workflow-customer';
import { AppModule } from '../app.module';
import { loadConfig } from '../config';
import { POLICIES } from '../engine/engine.tokens';
import { defaultPolicies } from '../engine/policies';
import { DealIndex } from '../queries/deal-index';
import { CustomerWorkflowCommand } from './customer.commands';

const ann = { id: 'ann', roles: ['rep'], team: 'east' };
const CAPACITY = 5;

describe('private-pool capacity under parallel claims (a real app on a SQLite file)', () => {
  it('20 parallel claims by one rep holding capacity - 1 customers: exactly one is accepted', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ltc-pool-')), 'data');
    mkdirSync(dataDir);
    writeUsersFile(join(dataDir, 'users.json'), {
      version: 1,
      users: [{ id: 'ann', person: 'ann', roles: ['rep'], team: 'east', apiKeys: [] }],
    });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(loadConfig({ DATA_DIR: dataDir, SWEEP_INTERVAL_MINUTES: '0' }))],
    })
      .overrideProvider(POLICIES)
      .useValue({ ...defaultPolicies, customer: { ...defaultCustomerPolicy, poolCapacity: CAPACITY } })
      .compile();
    const app = moduleRef.createNestApplication();
    await app.init();
    const bus = app.get(CommandBus);
    const store = app.get<EventStore>(EVENT_STORE);
    const index = app.get(DealIndex);
    const send = (id: string, type: string, data: object) =>
      bus.execute(
        new CustomerWorkflowCommand(`customer-${id}`, { type, data } as never, {
          commandId: `${type}-${id}`,
          actor: ann,
        }),
      );
    // As POST /api/customers/{id}/claim sends it: the count as the index has it when the request comes.
    const claim = (id: string) => send(id, 'ClaimCustomer', { ownedCount: index.ownedCustomers('ann') });
    try {
      const ids = Array.from({ length: CAPACITY - 1 + 20 }, (_, i) => `c${i}`);
      for (const id of ids) await send(id, 'RegisterCustomer', { name: id, segment: 'ordinary' });
      for (const id of ids.slice(0, CAPACITY - 1)) {
        await claim(id);
        // Serial claims: each waits for the index to count the one before (4 = capacity - 1 at the end).
        for (let i = 0; i < 100 && index.ownedCustomers('ann') < ids.indexOf(id) + 1; i++)
          await new Promise((done) => setTimeout(done, 20));
      }
      expect(index.ownedCustomers('ann')).toBe(CAPACITY - 1);
      const outcomes = await Promise.allSettled(ids.slice(CAPACITY - 1).map((id) => claim(id)));
      const accepted = outcomes.filter((o) => o.status === 'fulfilled');
      expect(accepted.length).toBe(1);
      for (const o of outcomes)
        if (o.status === 'rejected') expect(o.reason).toMatchObject({ refusal: { rule: 'poolHasRoom' } });
      const claimed = [];
      for (const id of ids)
        if ((await store.readStream(`customer-${id}`)).some((e) => e.type === 'CustomerClaimed'))
          claimed.push(id);
      expect(claimed).toHaveLength(CAPACITY);
    } finally {
      await app.close();
    }
  });
});
