import type { Knex } from 'knex';

/** Runs a script one statement at a time (PGlite's extended protocol takes one statement per query). */
export async function exec(db: Knex, script: string): Promise<void> {
  for (const statement of script.split(/;\s*(?:\n|$)/).map((s) => s.trim()).filter(Boolean)) await db.raw(statement);
}

/** Accounts, onboarding, catalog, jobs, audit and outbox: the seed schema later migrations extend. */
export const initialMigration: Knex.Migration = {
  async up(db) {
    await db.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await exec(db, `
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL,
        status text NOT NULL DEFAULT 'ACTIVE',
        password_hash text NOT NULL,
        supplier_id uuid,
        retailer_id uuid,
        created_at timestamptz NOT NULL,
        last_login_at timestamptz
      );
      CREATE UNIQUE INDEX users_email_lower_uq ON users (lower(email));
      CREATE INDEX users_role_created_idx ON users (role, created_at);

      CREATE TABLE credentials (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        prefix text NOT NULL,
        token_hash text NOT NULL,
        name text,
        created_at timestamptz NOT NULL,
        expires_at timestamptz,
        revoked_at timestamptz,
        last_used_at timestamptz
      );
      CREATE UNIQUE INDEX credentials_token_hash_uq ON credentials (token_hash);
      CREATE INDEX credentials_user_kind_idx ON credentials (user_id, kind);

      CREATE TABLE suppliers (
        id uuid PRIMARY KEY,
        slug text NOT NULL,
        owner_user_id uuid NOT NULL,
        status text NOT NULL,
        company_name text NOT NULL,
        business_type text NOT NULL,
        contact_email text NOT NULL,
        phone text,
        website text,
        description text,
        logo_url text,
        country text,
        verification_documents jsonb NOT NULL DEFAULT '[]',
        shipping_methods jsonb NOT NULL DEFAULT '[]',
        fulfillment_speed text,
        min_order_value_minor bigint NOT NULL DEFAULT 0,
        currency char(3) NOT NULL DEFAULT 'USD',
        integration_sealed text,
        stock_buffer_percent integer NOT NULL DEFAULT 90 CHECK (stock_buffer_percent BETWEEN 0 AND 100),
        status_reason text,
        submitted_at timestamptz,
        reviewed_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1
      );
      CREATE UNIQUE INDEX suppliers_slug_uq ON suppliers (slug);
      CREATE UNIQUE INDEX suppliers_owner_uq ON suppliers (owner_user_id);
      CREATE INDEX suppliers_status_name_idx ON suppliers (status, company_name);

      CREATE TABLE retailers (
        id uuid PRIMARY KEY,
        owner_user_id uuid NOT NULL,
        name text NOT NULL,
        plan text NOT NULL DEFAULT 'BASIC',
        created_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX retailers_owner_uq ON retailers (owner_user_id);

      CREATE TABLE categories (
        slug text PRIMARY KEY,
        name text NOT NULL,
        parent_slug text
      );
    `);
    await exec(db, `
      CREATE TABLE supplier_products (
        id uuid PRIMARY KEY,
        supplier_id uuid NOT NULL REFERENCES suppliers(id),
        sku text NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        wholesale_price_minor integer NOT NULL CHECK (wholesale_price_minor >= 0),
        msrp_minor integer,
        currency char(3) NOT NULL,
        images jsonb NOT NULL DEFAULT '[]',
        category_slug text,
        weight_grams integer NOT NULL DEFAULT 0,
        shipping_class text NOT NULL DEFAULT 'STANDARD',
        inventory_quantity integer NOT NULL DEFAULT 0 CHECK (inventory_quantity >= 0),
        reserved_quantity integer NOT NULL DEFAULT 0 CHECK (reserved_quantity >= 0),
        discontinued boolean NOT NULL DEFAULT false,
        status text NOT NULL,
        listed boolean NOT NULL DEFAULT false,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
          setweight(to_tsvector('english', coalesce(sku, '')), 'A') ||
          setweight(to_tsvector('english', coalesce(description, '')), 'B')
        ) STORED,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX supplier_products_supplier_sku_uq ON supplier_products (supplier_id, sku);
      CREATE INDEX supplier_products_search_gin ON supplier_products USING gin (search);
      CREATE INDEX supplier_products_title_trgm ON supplier_products USING gin (title gin_trgm_ops);
      CREATE INDEX supplier_products_listed_cat_price_idx ON supplier_products (listed, category_slug, wholesale_price_minor);
      CREATE INDEX supplier_products_listed_price_idx ON supplier_products (listed, wholesale_price_minor);
      CREATE INDEX supplier_products_listed_created_idx ON supplier_products (listed, created_at);
      CREATE INDEX supplier_products_supplier_created_idx ON supplier_products (supplier_id, created_at);
      CREATE INDEX supplier_products_sellable_cat_idx ON supplier_products (category_slug)
        WHERE listed AND NOT discontinued;
    `);
    await exec(db, `
      CREATE TABLE retailer_products (
        id uuid PRIMARY KEY,
        retailer_id uuid NOT NULL REFERENCES retailers(id),
        supplier_product_id uuid NOT NULL REFERENCES supplier_products(id),
        store_id uuid,
        retail_price_minor integer NOT NULL CHECK (retail_price_minor >= 0),
        currency char(3) NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX retailer_products_retailer_idx ON retailer_products (retailer_id, created_at);
      CREATE INDEX retailer_products_product_idx ON retailer_products (supplier_product_id);

      CREATE SEQUENCE order_number_seq;
      CREATE TABLE orders (
        id uuid PRIMARY KEY,
        number bigint NOT NULL DEFAULT nextval('order_number_seq') UNIQUE,
        retailer_id uuid NOT NULL REFERENCES retailers(id),
        status text NOT NULL,
        currency char(3) NOT NULL,
        subtotal_minor bigint NOT NULL DEFAULT 0,
        total_minor bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      ALTER SEQUENCE order_number_seq OWNED BY orders.number;
      CREATE INDEX orders_retailer_created_idx ON orders (retailer_id, created_at);

      CREATE TABLE order_items (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        supplier_product_id uuid NOT NULL REFERENCES supplier_products(id),
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price_minor integer NOT NULL CHECK (unit_price_minor >= 0),
        currency char(3) NOT NULL
      );
      CREATE INDEX order_items_order_idx ON order_items (order_id);
    `);
    await exec(db, `
      CREATE TABLE jobs (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        owner_supplier_id uuid,
        created_by_user_id uuid NOT NULL,
        status text NOT NULL,
        total integer NOT NULL DEFAULT 0,
        processed integer NOT NULL DEFAULT 0,
        created integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        message text,
        payload bytea,
        meta jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz
      );
      CREATE INDEX jobs_status_idx ON jobs (status, created_at) WHERE status IN ('QUEUED', 'RUNNING');

      CREATE TABLE audit_log (
        id uuid PRIMARY KEY,
        actor_user_id uuid,
        actor_role text,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text,
        details jsonb NOT NULL DEFAULT '{}',
        request_id text,
        at timestamptz NOT NULL
      );
      CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id, at);
      CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, at);
      CREATE INDEX audit_log_at_idx ON audit_log (at);

      CREATE TABLE outbox (
        id uuid PRIMARY KEY,
        topic text NOT NULL,
        payload jsonb NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        published_at timestamptz
      );
      CREATE INDEX outbox_unpublished_idx ON outbox (created_at) WHERE published_at IS NULL;
    `);
  },
  async down(db) {
    await exec(db, `DROP TABLE IF EXISTS outbox, audit_log, jobs, order_items, orders, retailer_products,
      supplier_products, categories, retailers, suppliers, credentials, users CASCADE`);
  },
};
