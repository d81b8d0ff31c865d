import type { Knex } from 'knex';
import { exec } from './0001-initial.migration';

const SUPPLIER_ORDER_STATUSES = `('PENDING', 'CONFIRMED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'FAILED')`;

/**
 * Orders (issue 3): numbered orders split into supplier orders, items with frozen prices, stock
 * reservations, idempotency keys; listings unique per retailer and product. The seed `orders` and
 * `order_items` tables were never written, so they are replaced rather than altered.
 */
export const ordersMigration: Knex.Migration = {
  async up(db) {
    await exec(db, `
      DROP TABLE order_items;
      DROP TABLE orders;
      CREATE SEQUENCE order_number_seq;
      CREATE TABLE orders (
        id uuid PRIMARY KEY,
        number bigint NOT NULL DEFAULT nextval('order_number_seq'),
        retailer_id uuid NOT NULL REFERENCES retailers(id),
        store_id uuid,
        store_order_id text NOT NULL CHECK (length(store_order_id) BETWEEN 1 AND 255),
        status text NOT NULL CHECK (status IN ${SUPPLIER_ORDER_STATUSES}),
        currency char(3) NOT NULL,
        subtotal_minor bigint NOT NULL CHECK (subtotal_minor >= 0),
        shipping_minor bigint NOT NULL CHECK (shipping_minor >= 0),
        platform_fee_minor bigint NOT NULL CHECK (platform_fee_minor >= 0),
        total_minor bigint NOT NULL,
        retail_total_minor bigint NOT NULL CHECK (retail_total_minor >= 0),
        shipping_address_sealed text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT orders_total_ck CHECK (total_minor = subtotal_minor + shipping_minor + platform_fee_minor)
      );
      ALTER SEQUENCE order_number_seq OWNED BY orders.number;
      CREATE UNIQUE INDEX orders_number_uq ON orders (number);
      CREATE UNIQUE INDEX orders_store_order_uq ON orders (retailer_id, coalesce(store_id, '00000000-0000-0000-0000-000000000000'::uuid), store_order_id);
      CREATE INDEX orders_retailer_created_idx ON orders (retailer_id, created_at DESC, id DESC);
      CREATE INDEX orders_created_idx ON orders (created_at DESC, id DESC);

      CREATE TABLE supplier_orders (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        supplier_id uuid NOT NULL REFERENCES suppliers(id),
        status text NOT NULL CHECK (status IN ${SUPPLIER_ORDER_STATUSES}),
        failure_reason text,
        currency char(3) NOT NULL,
        subtotal_minor bigint NOT NULL CHECK (subtotal_minor >= 0),
        shipping_minor bigint NOT NULL CHECK (shipping_minor >= 0),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT supplier_orders_failed_reason_ck CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL))
      );
      CREATE UNIQUE INDEX supplier_orders_order_supplier_uq ON supplier_orders (order_id, supplier_id);
      CREATE INDEX supplier_orders_supplier_created_idx ON supplier_orders (supplier_id, created_at DESC, id DESC);
      CREATE INDEX supplier_orders_supplier_status_idx ON supplier_orders (supplier_id, status, created_at DESC);

      CREATE TABLE order_items (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        supplier_order_id uuid NOT NULL REFERENCES supplier_orders(id) ON DELETE CASCADE,
        position integer NOT NULL,
        supplier_product_id uuid NOT NULL REFERENCES supplier_products(id),
        sku text NOT NULL,
        title text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_wholesale_minor integer NOT NULL CHECK (unit_wholesale_minor >= 0),
        retail_price_minor integer NOT NULL CHECK (retail_price_minor >= 0),
        currency char(3) NOT NULL
      );
      CREATE INDEX order_items_order_idx ON order_items (order_id, position);
      CREATE INDEX order_items_supplier_order_idx ON order_items (supplier_order_id);

      CREATE TABLE reservations (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        supplier_order_id uuid NOT NULL REFERENCES supplier_orders(id) ON DELETE CASCADE,
        supplier_product_id uuid NOT NULL REFERENCES supplier_products(id),
        quantity integer NOT NULL CHECK (quantity > 0),
        state text NOT NULL CHECK (state IN ('HELD', 'CONFIRMED', 'RELEASED')),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX reservations_order_product_uq ON reservations (order_id, supplier_product_id);
      CREATE INDEX reservations_product_held_idx ON reservations (supplier_product_id) WHERE state = 'HELD';

      CREATE TABLE idempotency_keys (
        tenant text NOT NULL,
        principal text NOT NULL,
        route text NOT NULL,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        request_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('IN_PROGRESS', 'DONE')),
        response_status integer,
        response_headers jsonb,
        response_body text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (tenant, principal, route, key),
        CONSTRAINT idempotency_keys_done_ck CHECK (state = 'IN_PROGRESS' OR (response_status IS NOT NULL AND response_body IS NOT NULL))
      );
      CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

      CREATE UNIQUE INDEX retailer_products_retailer_product_uq ON retailer_products (retailer_id, supplier_product_id);
      ALTER TABLE retailer_products ADD CONSTRAINT retailer_products_status_ck CHECK (status IN ('ACTIVE', 'PAUSED'));
    `);
  },
  async down(db) {
    await exec(db, `
      DROP TABLE IF EXISTS idempotency_keys, reservations, order_items, supplier_orders, orders CASCADE;
      DROP INDEX IF EXISTS retailer_products_retailer_product_uq;
      ALTER TABLE retailer_products DROP CONSTRAINT IF EXISTS retailer_products_status_ck;
    `);
  },
};
