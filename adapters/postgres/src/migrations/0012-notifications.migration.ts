import type { Knex } from 'knex';
import { exec } from './0001-initial.migration';

/**
 * Notifications recorded by the default (database) Notifier and shown in the site: the id is the
 * notification's own (deterministic for event-driven messages), so a redelivered event inserts nothing.
 */
export const notificationsMigration: Knex.Migration = {
  async up(db) {
    await exec(db, `
      CREATE TABLE notifications (
        id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        email text NOT NULL,
        template text NOT NULL,
        subject text NOT NULL,
        text text NOT NULL,
        html text,
        created_at timestamptz NOT NULL,
        read_at timestamptz
      );
      CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC);
    `);
  },
  async down(db) {
    await exec(db, `DROP TABLE IF EXISTS notifications CASCADE;`);
  },
};
