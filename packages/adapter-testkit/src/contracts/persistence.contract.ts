import { describe } from 'vitest';
import { describeAccountsContract } from './persistence/accounts.contract';
import { describeDispatchContract } from './persistence/dispatch.contract';
import type { PersistenceContractOptions } from './persistence/harness';
import { describeNotificationsContract } from './persistence/notifications.contract';
import { describeJobsContract } from './persistence/jobs.contract';
import { describeOrdersContract } from './persistence/orders.contract';
import { describeOutboxContract } from './persistence/outbox.contract';
import { describeProductSearchContract } from './persistence/product-search.contract';
import { describeProductsContract } from './persistence/products.contract';
import { describeSuppliersContract } from './persistence/suppliers.contract';
import { describeUnitOfWorkContract } from './persistence/unit-of-work.contract';

export type { PersistenceContractOptions } from './persistence/harness';
export { aProduct, aProductDraft, aSupplier, aUser, givenSupplier, uniqueWord } from './persistence/fixtures';
export { anOrder, givenRetailer } from './persistence/orders.contract';

/** The persistence port's contract: every `Persistence` implementation (Postgres, PGlite, memory) runs it. */
export function describePersistenceContract(opts: PersistenceContractOptions): void {
  describe(`persistence contract: ${opts.name}`, () => {
    describeAccountsContract(opts);
    describeSuppliersContract(opts);
    describeProductsContract(opts);
    describeProductSearchContract(opts);
    describeJobsContract(opts);
    describeOutboxContract(opts);
    describeUnitOfWorkContract(opts);
    describeOrdersContract(opts);
    describeDispatchContract(opts);
    describeNotificationsContract(opts);
  });
}
