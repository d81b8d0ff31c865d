import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ADMIN, loadConfig } from './config';

describe('configuration', () => {
  it('defaults to the embedded mode with demo data and demo admin', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toMatchObject({ embedded: true, demo: true, port: 3000, dataDir: '/srv/app/.data', admin: { email: DEMO_ADMIN.email, fromDefaults: true } });
    expect(c.adapters.map((a) => a.use)).toEqual(['@dropship/adapter-postgres', '@dropship/adapter-queue-memory', '@dropship/adapter-supplier-portal']);
  });

  it('switches to PostgreSQL and RabbitMQ by URL, keeping secrets as env: references', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://x@db/app', AMQP_URL: 'amqp://mq', DROPSHIP_AMQP_PREFIX: 'staging', DROPSHIP_ADMIN_EMAIL: 'a@b.c', DROPSHIP_ADMIN_PASSWORD: 'pw' });
    expect(c.embedded).toBe(false);
    expect(c.demo).toBe(false);
    expect(c.adapters[0]).toEqual({ id: 'db', use: '@dropship/adapter-postgres', options: { url: 'env:DATABASE_URL' } });
    expect(c.adapters[1]).toEqual({ id: 'bus', use: '@dropship/adapter-rabbitmq', options: { url: 'env:AMQP_URL', prefix: 'staging' } });
  });

  it('sends mail over SMTP when SMTP_URL is set', () => {
    const c = loadConfig({ SMTP_URL: 'smtp://mail.test:25', MAIL_FROM: 'Shop <no-reply@shop.test>' });
    expect(c.adapters.find((a) => a.id === 'mail')).toEqual({ id: 'mail', use: '@dropship/adapter-notifier-smtp', options: { url: 'env:SMTP_URL', from: 'Shop <no-reply@shop.test>' } });
    expect(loadConfig({}).adapters.find((a) => a.id === 'mail')).toBeUndefined();
  });

  it('requires the first admin outside embedded mode and a sane port', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@db/app' })).toThrow(/DROPSHIP_ADMIN_EMAIL and DROPSHIP_ADMIN_PASSWORD must be set/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a TCP port number/);
  });

  it('merges adapters and the allow-list from DROPSHIP_CONFIG, and explains a bad file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cfg-'));
    const file = path.join(dir, 'adapters.json');
    writeFileSync(file, JSON.stringify({ allow: ['@acme/adapter-erp'], adapters: [{ id: 'acme', use: '@acme/adapter-erp', options: { token: 'env:ACME' } }] }));
    const c = loadConfig({ DROPSHIP_CONFIG: file });
    expect(c.allow).toContain('@acme/adapter-erp');
    expect(c.adapters.find((a) => a.id === 'acme')).toEqual({ id: 'acme', use: '@acme/adapter-erp', options: { token: 'env:ACME' } });
    writeFileSync(file, JSON.stringify({ adapters: [{ id: 'Bad Id', use: 'x' }] }));
    expect(() => loadConfig({ DROPSHIP_CONFIG: file })).toThrow(/DROPSHIP_CONFIG .* is invalid: \/adapters\/0\/id must match pattern/);
    writeFileSync(file, '{ nope');
    expect(() => loadConfig({ DROPSHIP_CONFIG: file })).toThrow(/could not be read as JSON/);
  });
});
