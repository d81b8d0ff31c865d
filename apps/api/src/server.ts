import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LifecycleComponent, Platform } from '@dropship/platform';
import { createApiApp, type ApiApp } from './app';

/** The HTTP server as a lifecycle component: listens on start; on stop refuses new connections and drains. */
export function httpComponent(platform: Platform, opts: { port?: number; host?: string; siteDir?: string } = {}): LifecycleComponent & { readonly url: () => string; readonly api: ApiApp } {
  const api = createApiApp(platform, { siteDir: opts.siteDir });
  const server = http.createServer(api.app.callback());
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 120_000;
  let url = '';
  return {
    name: 'http',
    api,
    url: () => url,
    start: () =>
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port ?? platform.config.port, opts.host ?? platform.config.host, () => {
          const a = server.address() as AddressInfo;
          url = `http://${a.address === '0.0.0.0' || a.address === '::' ? 'localhost' : a.address}:${a.port}`;
          resolve();
        });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 10_000).unref();
      }),
  };
}
