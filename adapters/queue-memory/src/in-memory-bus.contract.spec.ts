import { describeMessageBusContract } from '@dropship/adapter-testkit';
import { InMemoryMessageBus } from './in-memory-message-bus.adapter';

describeMessageBusContract({
  name: 'queue-memory',
  setup: async () => {
    const bus = new InMemoryMessageBus();
    return { bus, teardown: () => bus.close() };
  },
});
