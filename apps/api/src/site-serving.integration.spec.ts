import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/harness';

describe('serving the site', () => {
  const site = mkdtempSync(path.join(tmpdir(), 'dropship-site-'));
  let s: TestServer;
  beforeAll(async () => {
    mkdirSync(path.join(site, 'assets'));
    writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>Dropship</title><div id="root"></div>');
    writeFileSync(path.join(site, 'assets', 'app.js'), 'console.log("hello");'.repeat(200));
    s = await startTestServer('embedded', { siteDir: site });
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
    rmSync(site, { recursive: true, force: true });
  });

  it('serves assets gzipped with long caching, and index.html for client routes without caching', async () => {
    // node:http, not fetch: fetch would decompress and hide what went over the wire.
    const raw = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http.get(`${s.url}/assets/app.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(raw.headers['cache-control']).toBe('public, max-age=3600');
    const body = raw.body;
    expect(body.length).toBeLessThan(4200 / 4);
    expect(gunzipSync(body).toString()).toContain('hello');
    const route = await s.call('GET', '/supplier/products');
    expect(route.status).toBe(200);
    expect(route.text).toContain('id="root"');
    expect(route.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 400, not 500, to malformed paths and never leaves the site directory', async () => {
    expect((await s.call('GET', '/%E0%A4%A')).status).toBe(400);
    const traversal = await s.call('GET', '/..%2f..%2fetc%2fpasswd');
    expect(traversal.text).not.toContain('root:');
  });
});
