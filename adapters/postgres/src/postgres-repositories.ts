import type { Knex } from 'knex';
import type { Repositories, SecretBox } from '@dropship/core';
import { guardRepository } from './pg-errors';
import { PostgresAuditLog } from './repositories/postgres-audit.repository';
import { PostgresCategoryRepository } from './repositories/postgres-category.repository';
import { PostgresCredentialRepository } from './repositories/postgres-credential.repository';
import { PostgresDispatchRepository } from './repositories/postgres-dispatch.repository';
import { PostgresIdempotencyRepository } from './repositories/postgres-idempotency.repository';
import { PostgresJobRepository } from './repositories/postgres-job.repository';
import { PostgresListingRepository } from './repositories/postgres-listing.repository';
import { PostgresOrderRepository } from './repositories/postgres-order.repository';
import { PostgresNotificationRepository } from './repositories/postgres-notification.repository';
import { PostgresOutboxRepository } from './repositories/postgres-outbox.repository';
import { PostgresProductRepository } from './repositories/postgres-product.repository';
import { PostgresRetailerRepository } from './repositories/postgres-retailer.repository';
import { PostgresSupplierRepository } from './repositories/postgres-supplier.repository';
import { PostgresUserRepository } from './repositories/postgres-user.repository';

/** Every repository bound to one executor: the knex instance (autocommit) or a transaction. */
export function createRepositories(db: Knex, box: SecretBox, adapterId?: string): Repositories {
  const g = <T extends object>(repo: T): T => guardRepository(repo, adapterId);
  return {
    outbox: g(new PostgresOutboxRepository(db)),
    users: g(new PostgresUserRepository(db)),
    credentials: g(new PostgresCredentialRepository(db)),
    suppliers: g(new PostgresSupplierRepository(db, box)),
    retailers: g(new PostgresRetailerRepository(db)),
    products: g(new PostgresProductRepository(db)),
    categories: g(new PostgresCategoryRepository(db)),
    jobs: g(new PostgresJobRepository(db)),
    audit: g(new PostgresAuditLog(db)),
    orders: g(new PostgresOrderRepository(db, box)),
    listings: g(new PostgresListingRepository(db)),
    idempotency: g(new PostgresIdempotencyRepository(db)),
    dispatch: g(new PostgresDispatchRepository(db)),
    notifications: g(new PostgresNotificationRepository(db)),
  };
}
