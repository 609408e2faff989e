import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { CLOCK, FixedClock } from '@ltc/engine';
import { EVENT_STORE, type EventStore } from '@ltc/event-store';
import { AppModule } from '../app.module';
import { loadConfig } from '../config';
import { CustomerWorkflowCommand } from './customer.commands';
import { SweepIdleCustomersCommand } from './sweep.command';

const DAY = 86_400_000;
const ann = { id: 'ann', roles: ['rep'], team: 'east' };
const bob = { id: 'bob', roles: ['manager'], team: 'east' };

describe('the idle-customer sweep (a real app on a SQLite file, a fixed clock)', () => {
  it('returns only customers idle past the policy, as the system, once', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ltc-sweep-')), 'data');
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
    try {
      for (const id of ['quiet', 'busy']) {
        await bus.execute(
          new CustomerWorkflowCommand(
            `customer-${id}`,
            { type: 'RegisterCustomer', data: { name: id, segment: 'ordinary' } },
            { commandId: `reg-${id}`, actor: ann },
          ),
        );
        await bus.execute(
          new CustomerWorkflowCommand(
            `customer-${id}`,
            { type: 'ClaimCustomer', data: { ownedCount: 0 } },
            { commandId: `claim-${id}`, actor: ann },
          ),
        );
      }
      clock.advance(20 * DAY);
      await bus.execute(
        new CustomerWorkflowCommand(
          'customer-busy',
          { type: 'RecordCustomerTouch', data: { channel: 'visit', note: 'QBR', touchedAt: clock.now() } },
          { commandId: 'touch-busy', actor: ann },
        ),
      );
      clock.advance(11 * DAY); // quiet: 31 days since the claim; busy: 11 days since its touch
      await expect(bus.execute(new SweepIdleCustomersCommand(ann))).rejects.toMatchObject({
        rule: 'managersOnly',
      });
      // Swept in the same turn as the touch, the list index has not seen it yet and names `busy` too:
      // its own stream refuses, so it is skipped, not returned.
      const first = await bus.execute(new SweepIdleCustomersCommand(bob));
      expect(first).toMatchObject({ idleDays: 30, returned: ['quiet'], skipped: ['busy'], failed: [] });
      expect((await store.readStream('customer-busy')).map((e) => e.type)).not.toContain(
        'CustomerReturnedToPublicPool',
      );
      const [returned] = await store.readStream('customer-quiet', { direction: 'backwards', maxCount: 1 });
      expect(returned).toMatchObject({
        type: 'CustomerReturnedToPublicPool',
        data: { previousOwner: 'ann', reason: { kind: 'idle', idleDays: 30 } },
        metadata: { actor: 'system' },
      });
      // Once the index has caught up, nothing is left to sweep.
      await new Promise((done) => setImmediate(done));
      expect(await bus.execute(new SweepIdleCustomersCommand(bob))).toMatchObject({
        returned: [],
        skipped: [],
      });
      expect(await store.streamRevision('customer-quiet')).toBe(2);
    } finally {
      await app.close();
    }
  });
});
