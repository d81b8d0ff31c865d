import type { Knex } from 'knex';
import { exec } from './0001-initial.migration';

/**
 * Routing and fulfilment (issue 3, part 2): the consumer inbox, supplier dispatches (the
 * supplier's reference per supplier order), the order event log, shipments and dead letters.
 */
export const dispatchMigration: Knex.Migration = {
  async up(db) {
    await exec(db, `
      CREATE TABLE consumer_inbox (
        consumer text NOT NULL,
        key text NOT NULL,
        processed_at timestamptz NOT NULL,
        PRIMARY KEY (consumer, key)
      );
      CREATE TABLE supplier_dispatches (
        supplier_order_id uuid PRIMARY KEY REFERENCES supplier_orders(id) ON DELETE CASCADE,
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        supplier_reference text NOT NULL CHECK (length(supplier_reference) BETWEEN 1 AND 255),
        dispatched_at timestamptz NOT NULL
      );
      CREATE INDEX supplier_orders_pending_idx ON supplier_orders (created_at, id) WHERE status = 'PENDING';
      CREATE TABLE order_events (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        supplier_order_id uuid,
        type text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        at timestamptz NOT NULL
      );
      CREATE INDEX order_events_order_at_idx ON order_events (order_id, at, id);
      CREATE TABLE shipments (
        supplier_order_id uuid PRIMARY KEY REFERENCES supplier_orders(id) ON DELETE CASCADE,
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        tracking_number text NOT NULL CHECK (length(tracking_number) BETWEEN 1 AND 64),
        carrier text,
        tracking_url text,
        shipped_at timestamptz NOT NULL,
        delivered_at timestamptz
      );
      CREATE INDEX shipments_order_idx ON shipments (order_id, shipped_at);
      CREATE TABLE dead_letters (
        id uuid PRIMARY KEY,
        queue text NOT NULL,
        message_id text NOT NULL,
        topic text NOT NULL,
        payload jsonb,
        reason text NOT NULL,
        attempts integer NOT NULL CHECK (attempts >= 0),
        first_seen_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        retried_at timestamptz
      );
      CREATE UNIQUE INDEX dead_letters_queue_message_uq ON dead_letters (queue, message_id);
      CREATE INDEX dead_letters_last_seen_idx ON dead_letters (last_seen_at DESC, id DESC);
    `);
  },
  async down(db) {
    await exec(db, `
      DROP TABLE IF EXISTS dead_letters, shipments, order_events, supplier_dispatches, consumer_inbox CASCADE;
      DROP INDEX IF EXISTS supplier_orders_pending_idx;
    `);
  },
};
