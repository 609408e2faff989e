import { CommandBus } from '@nestjs/cqrs';
import { customerStream } from '@ltc/domain';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@ltc/event-store';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../apps/api/src/config';
import { CustomerWorkflowCommand } from '../../apps/api/src/customers/customer.commands';
import { benchData, customerIds } from './bench-app';

const actor = { id: 'bench', roles: ['admin'], team: 'hq' };

/** Commands/s through the real app's CommandBus on a SQLite file (durable), one command at a time. */
export async function inProcessCommands(
  commands: number,
  customers: number,
  inFlight = 1,
): Promise<{ perSecond: number; events: StoredEvent[] }> {
  const { dataDir, usersFile } = benchData();
  const config = loadConfig({
    DATA_DIR: dataDir,
    USERS_FILE: usersFile,
    SWEEP_INTERVAL_MINUTES: '0',
    PORT: '0',
  });
  const app = await createApp(config);
  app.useLogger(['error', 'warn']);
  await app.init();
  const bus = app.get(CommandBus);
  const store = app.get<EventStore>(EVENT_STORE);
  const ids = customerIds(customers);
  for (const id of ids) {
    await bus.execute(
      new CustomerWorkflowCommand(
        customerStream.id(id),
        { type: 'RegisterCustomer', data: { name: id, segment: 'ordinary' } },
        { commandId: `register-${id}`, actor },
      ),
    );
  }
  const head = await store.headPosition();
  const started = process.hrtime.bigint();
  // `inFlight` callers each send their next command as soon as the previous one is acknowledged.
  let next = 0;
  const caller = async (): Promise<void> => {
    for (let i = next++; i < commands; i = next++) {
      const id = ids[i % ids.length]!;
      await bus.execute(
        new CustomerWorkflowCommand(
          customerStream.id(id),
          {
            type: 'RecordCustomerTouch',
            // A touch's date is its business time, which may not go back on the customer's stream.
            data: { channel: 'call', note: `touch ${i}`, touchedAt: new Date().toISOString() },
          },
          { commandId: `touch-${i}`, actor },
        ),
      );
    }
  };
  await Promise.all(Array.from({ length: inFlight }, caller));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const events: StoredEvent[] = [];
  for await (const event of store.readAll(head === null ? {} : { fromPosition: head })) events.push(event);
  await app.close();
  if (events.length !== commands) throw new Error(`expected ${commands} events, found ${events.length}`);
  return { perSecond: commands / seconds, events };
}
