import { describePersistenceContract } from '../contracts/persistence.contract';
import { createInMemoryPersistence } from './in-memory-persistence';

describePersistenceContract({
  name: 'in-memory',
  setup: async () => ({ persistence: createInMemoryPersistence(), teardown: async () => {} }),
});
