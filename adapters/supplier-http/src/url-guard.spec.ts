import dns from 'node:dns';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAdapterError } from '@dropship/core';
import { supplierOrderRequest } from '@dropship/adapter-testkit';
import { HttpSupplierGateway } from './http-supplier.adapter';
import { StubSupplier, acmeEndpoints, acmeMapping, testContext } from './testing/stub-supplier.server';
import { assertUrlAllowed, blockedReason } from './url-guard';

const refused = async (p: Promise<unknown>, host: string) => {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(isAdapterError(err)).toBe(true);
  expect(err).toMatchObject({ code: 'ADAPTER.URL_NOT_ALLOWED', retryable: false });
  expect((err as Error).message).toContain(`"${host}"`);
};

describe('URL guard: address ranges', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.10', 'private'],
    ['169.254.169.254', 'link-local / cloud metadata'],
    ['169.254.0.1', 'link-local / cloud metadata'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified ("this network")'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'unique local (private)'],
    ['fd12:3456::1', 'unique local (private)'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local / cloud metadata'],
    ['64:ff9b::10.0.0.1', 'private'],
  ])('refuses %s (%s)', (address, why) => {
    expect(blockedReason(address)).toBe(why);
  });

  it.each(['8.8.8.8', '172.32.0.1', '172.15.255.255', '100.128.0.1', '100.63.255.255', '169.255.0.1', '192.169.0.1', '11.0.0.1', '2606:4700:4700::1111', 'fec0::1'])(
    'allows public %s',
    (address) => {
      expect(blockedReason(address)).toBeNull();
    },
  );
});

describe('URL guard: hosts', () => {
  const lookupTo = (address: string) => async () => [{ address, family: address.includes(':') ? 6 : 4 }];

  it.each(['http://127.0.0.1:8080/x', 'http://10.1.2.3/', 'https://[::1]/', 'http://169.254.169.254/latest/meta-data/', 'http://0.0.0.0/', 'http://localhost:3000/', 'http://api.localhost/'])(
    'refuses %s when private URLs are not allowed',
    async (url) => {
      await refused(assertUrlAllowed(new URL(url), { allowPrivate: false, lookup: lookupTo('8.8.8.8') }), new URL(url).hostname.replace(/^\[|\]$/g, ''));
    },
  );

  it('refuses a hostname that resolves to 127.0.0.1, or to any private address among several', async () => {
    await refused(assertUrlAllowed(new URL('https://supplier.example/'), { allowPrivate: false, lookup: lookupTo('127.0.0.1') }), 'supplier.example');
    const mixed = async () => [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.7', family: 4 }];
    await refused(assertUrlAllowed(new URL('https://supplier.example/'), { allowPrivate: false, lookup: mixed }), 'supplier.example');
  });

  it('allows public hosts, and everything when the operator allows private URLs', async () => {
    await expect(assertUrlAllowed(new URL('https://supplier.example/'), { allowPrivate: false, lookup: lookupTo('93.184.216.34') })).resolves.toBeUndefined();
    await expect(assertUrlAllowed(new URL('http://127.0.0.1/'), { allowPrivate: true })).resolves.toBeUndefined();
  });

  it('maps a DNS failure to a retryable ADAPTER.UNAVAILABLE', async () => {
    const err = await assertUrlAllowed(new URL('https://nowhere.example/'), { allowPrivate: false, lookup: async () => Promise.reject(new Error('ENOTFOUND')) }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ADAPTER.UNAVAILABLE', retryable: true });
  });
});

describe('URL guard in the adapter (checked before every call and at connect time)', () => {
  afterEach(() => vi.restoreAllMocks());

  async function setup(allowPrivateUrls: boolean, host = '127.0.0.1') {
    const stub = await new StubSupplier({ idempotency: true, auth: { type: 'bearer', token: 't' }, webhookSecret: 'w' }).start();
    const baseUrl = stub.baseUrl.replace('127.0.0.1', host);
    const gateway = new HttpSupplierGateway(testContext(allowPrivateUrls), { baseUrl, auth: { type: 'bearer', token: 't' }, endpoints: acmeEndpoints, fieldMapping: acmeMapping });
    return { stub, gateway, done: async () => (gateway.dispose(), await stub.stop()) };
  }

  it('refuses a loopback supplier at testConnection and on every call, sending nothing', async () => {
    const { stub, gateway, done } = await setup(false);
    expect(await gateway.testConnection()).toMatchObject({ ok: false, message: expect.stringContaining('"127.0.0.1" is not allowed') });
    await refused(gateway.placeOrder(supplierOrderRequest()), '127.0.0.1');
    await refused(gateway.findOrder('x'), '127.0.0.1');
    await refused(gateway.fetchStock!(), '127.0.0.1');
    expect(stub.requests).toHaveLength(0);
    await done();
  });

  it.each(['127.0.0.1', '10.0.0.1', '172.16.5.5', '192.168.0.1', '169.254.169.254', '100.64.1.1', '0.0.0.0', '[::1]', '[fd00::1]', '[fe80::1]', 'localhost'])(
    'the gateway refuses %s without private URLs allowed, before any connection',
    async (host) => {
      const gateway = new HttpSupplierGateway(testContext(false), { baseUrl: `http://${host}:1/api`, auth: { type: 'bearer', token: 't' }, endpoints: acmeEndpoints });
      await refused(gateway.findOrder('x'), host.replace(/^\[|\]$/g, ''));
      expect(await gateway.testConnection()).toMatchObject({ ok: false, message: expect.stringContaining('is not allowed') });
      gateway.dispose();
    },
  );

  it('refuses a hostname resolving to 127.0.0.1', async () => {
    vi.spyOn(dns.promises, 'lookup').mockResolvedValue([{ address: '127.0.0.1', family: 4 }] as never);
    const { stub, gateway, done } = await setup(false, 'supplier.test');
    await refused(gateway.placeOrder(supplierOrderRequest()), 'supplier.test');
    expect(stub.requests).toHaveLength(0);
    await done();
  });

  it('re-checks at connect time: a DNS answer that turns private after the check (rebinding) is refused', async () => {
    const { stub, gateway, done } = await setup(false, 'supplier.test');
    vi.spyOn(dns.promises, 'lookup').mockResolvedValue([{ address: '93.184.216.34', family: 4 }] as never);
    vi.spyOn(dns, 'lookup').mockImplementation(((...args: unknown[]) => {
      const cb = args.at(-1) as (e: null, a: dns.LookupAddress[]) => void;
      cb(null, [{ address: '127.0.0.1', family: 4 }]);
    }) as never);
    await refused(gateway.findOrder('x'), 'supplier.test');
    expect(stub.requests).toHaveLength(0);
    vi.restoreAllMocks();
    await done();
  });

  it('reaches the same supplier when the operator allows private URLs', async () => {
    const { gateway, done } = await setup(true);
    expect(await gateway.testConnection()).toMatchObject({ ok: true });
    expect(await gateway.placeOrder(supplierOrderRequest())).toMatchObject({ accepted: true });
    await done();
  });
});
