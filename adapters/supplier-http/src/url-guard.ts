import dns from 'node:dns';
import net from 'node:net';
import { AdapterError } from '@dropship/core';

type Range = readonly [network: bigint, bits: number, family: 4 | 6, what: string];

const v4 = (a: string): bigint => a.split('.').reduce((n, o) => (n << 8n) | BigInt(Number(o)), 0n);
function v6(a: string): bigint {
  let s = a.toLowerCase().split('%')[0]!;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (tail) {
    const n = v4(tail[1]!);
    s = `${s.slice(0, -tail[1]!.length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, rest] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':') : [];
  const r = rest === undefined ? [] : rest ? rest.split(':') : [];
  const groups = rest === undefined ? h : [...h, ...Array<string>(8 - h.length - r.length).fill('0'), ...r];
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g || '0', 16)), 0n);
}

/** Ranges an outbound call may not reach unless the operator allows private URLs. */
const BLOCKED: readonly Range[] = [
  [v4('0.0.0.0'), 8, 4, 'unspecified ("this network")'],
  [v4('10.0.0.0'), 8, 4, 'private'],
  [v4('100.64.0.0'), 10, 4, 'carrier-grade NAT'],
  [v4('127.0.0.0'), 8, 4, 'loopback'],
  [v4('169.254.0.0'), 16, 4, 'link-local / cloud metadata'],
  [v4('172.16.0.0'), 12, 4, 'private'],
  [v4('192.0.0.0'), 24, 4, 'IETF protocol assignments'],
  [v4('192.168.0.0'), 16, 4, 'private'],
  [v4('198.18.0.0'), 15, 4, 'benchmarking'],
  [v4('224.0.0.0'), 4, 4, 'multicast'],
  [v4('240.0.0.0'), 4, 4, 'reserved / broadcast'],
  [0n, 128, 6, 'unspecified'],
  [1n, 128, 6, 'loopback'],
  [v6('fc00::'), 7, 6, 'unique local (private)'],
  [v6('fe80::'), 10, 6, 'link-local'],
  [v6('ff00::'), 8, 6, 'multicast'],
];

/** Why an address may not be reached, or null when it may. IPv4-mapped and NAT64 IPv6 forms are checked as IPv4. */
export function blockedReason(address: string): string | null {
  const family = net.isIP(address);
  if (family === 0) return 'not an IP address';
  if (family === 6) {
    const n = v6(address);
    const embedded = n >> 32n === 0xffffn || n >> 32n === v6('64:ff9b::') >> 32n ? n & 0xffffffffn : null;
    if (embedded !== null) return reasonIn(embedded, 4);
    return reasonIn(n, 6);
  }
  return reasonIn(v4(address), 4);
}

function reasonIn(n: bigint, family: 4 | 6): string | null {
  const width = family === 4 ? 32 : 128;
  for (const [network, bits, f, what] of BLOCKED) {
    if (f !== family) continue;
    const shift = BigInt(width - bits);
    if (n >> shift === network >> shift) return what;
  }
  return null;
}

const isLocalName = (host: string) => host === 'localhost' || host.endsWith('.localhost') || host === 'localhost.';

export const urlNotAllowed = (host: string, why: string, adapterId?: string) =>
  new AdapterError('ADAPTER.URL_NOT_ALLOWED', `Outbound URL host "${host}" is not allowed (${why}); set DROPSHIP_ALLOW_PRIVATE_URLS=1 only for development`, {
    retryable: false,
    ...(adapterId ? { adapterId } : {}),
  });

type LookupFn = (host: string) => Promise<readonly { address: string; family: number }[]>;
const systemLookup: LookupFn = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

/**
 * Resolves the URL's host and refuses it when any address is loopback / private / link-local /
 * CGNAT / unspecified (or the name is `localhost`). Run before every call: DNS answers change.
 */
export async function assertUrlAllowed(url: URL, opts: { allowPrivate: boolean; adapterId?: string; lookup?: LookupFn }): Promise<void> {
  if (opts.allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isLocalName(host)) throw urlNotAllowed(host, 'localhost', opts.adapterId);
  let addresses: readonly { address: string }[];
  if (net.isIP(host)) addresses = [{ address: host }];
  else {
    try {
      addresses = await (opts.lookup ?? systemLookup)(host);
    } catch (e) {
      throw new AdapterError('ADAPTER.UNAVAILABLE', `Could not resolve "${host}"`, { retryable: true, cause: e, ...(opts.adapterId ? { adapterId: opts.adapterId } : {}) });
    }
  }
  for (const { address } of addresses) {
    const why = blockedReason(address);
    if (why) throw urlNotAllowed(host, `${address} is ${why}`, opts.adapterId);
  }
}

/**
 * A `lookup` for node:http agents that applies the same rule to the addresses the socket will
 * actually connect to, so a DNS answer that changes between the check and the connect
 * (rebinding) cannot reach a private address.
 */
export function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as unknown as dns.LookupAddress[];
      if (!allowPrivate) {
        const bad = isLocalName(hostname.toLowerCase()) ? { address: hostname } : list.find((a) => blockedReason(a.address));
        if (bad) return callback(urlNotAllowed(hostname, `${bad.address} is ${blockedReason(bad.address) ?? 'localhost'}`), '', 4);
      }
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
      callback(null, first.address, first.family);
    });
  };
}
