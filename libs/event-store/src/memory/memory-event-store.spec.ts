import { describeEventStoreContract } from '../../test/contract/event-store.contract';
import { MemoryEventStore } from './memory-event-store';

describeEventStoreContract('memory', () => Promise.resolve(new MemoryEventStore({ pageSize: 16 })));
