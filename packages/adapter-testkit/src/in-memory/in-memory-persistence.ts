import { AsyncLocalStorage } from 'node:async_hooks';
import { systemClock, type Clock, type Persistence, type Repositories } from '@dropship/core';
import { AsyncMutex } from './async-mutex';
import { memoryCredentials, memoryUsers } from './memory-accounts';
import { memoryAudit, memoryJobs } from './memory-jobs';
import { memoryIdempotency, memoryListings } from './memory-listings';
import { memoryDispatch } from './memory-dispatch';
import { memoryOrders } from './memory-orders';
import { memoryOutbox } from './memory-outbox';
import { memoryNotifications } from './memory-notifications';
import { memoryCategories, memoryProducts } from './memory-products';
import { clone, emptyState, type Exec, type MemoryState } from './memory-state';
import { memoryRetailers, memorySuppliers } from './memory-suppliers';

interface TxContext {
  open: boolean;
}

function repositories(exec: Exec, clock: Clock): Repositories {
  return {
    outbox: memoryOutbox(exec),
    users: memoryUsers(exec),
    credentials: memoryCredentials(exec),
    suppliers: memorySuppliers(exec),
    retailers: memoryRetailers(exec),
    products: memoryProducts(exec, clock),
    categories: memoryCategories(exec),
    jobs: memoryJobs(exec),
    audit: memoryAudit(exec),
    orders: memoryOrders(exec),
    listings: memoryListings(exec),
    idempotency: memoryIdempotency(exec),
    dispatch: memoryDispatch(exec),
    notifications: memoryNotifications(exec),
  };
}

/**
 * A faithful in-memory Persistence (engine 'memory') for use-case tests. Every call is serialised
 * (one "connection"), atomic (snapshot and restore on throw) and deep-copies data in and out.
 * Like PGlite, it refuses autocommit repositories or a nested `run` inside a transaction — but
 * with an error instead of a deadlock.
 */
export function createInMemoryPersistence(opts: { clock?: Clock } = {}): Persistence {
  const clock = opts.clock ?? systemClock;
  const mutex = new AsyncMutex();
  const current = new AsyncLocalStorage<TxContext>();
  let state: MemoryState = emptyState();

  /** Runs `fn` holding the lock as one transaction: a throw restores the state from before. */
  const transaction = async <T>(fn: (ctx: TxContext) => Promise<T>): Promise<T> => {
    if (current.getStore()?.open) {
      throw new Error('in-memory persistence: a transaction is open in this async context; use the repositories it handed you (on PGlite this would deadlock)');
    }
    return mutex.run(async () => {
      const snapshot = clone(state);
      const ctx: TxContext = { open: true };
      try {
        return await current.run(ctx, () => fn(ctx));
      } catch (e) {
        state = snapshot;
        throw e;
      } finally {
        ctx.open = false;
      }
    });
  };

  const autocommit: Exec = (fn) => transaction(async () => fn(state));
  const boundTo =
    (ctx: TxContext): Exec =>
    async (fn) => {
      if (!ctx.open) throw new Error('in-memory persistence: repositories used after their transaction ended');
      return fn(state);
    };

  return {
    engine: 'memory',
    repos: repositories(autocommit, clock),
    uow: { run: (work) => transaction((ctx) => work(repositories(boundTo(ctx), clock))) },
    migrate: async () => {},
    ping: async () => true,
  };
}
