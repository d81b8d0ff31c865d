import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AdapterError } from '@dropship/adapter-sdk';

// Outbound URLs must not reach loopback, private, link-local or metadata addresses unless the
// operator allows it (DROPSHIP_ALLOW_PRIVATE_URLS, development and tests only): a supplier's
// baseUrl is entered by the supplier, so without this check it could probe our own network.

const V4_BLOCKED: readonly [string, number][] = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
];
const v4ToInt = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);

/** True for an address the adapter must not call unless private URLs are allowed. */
export function isBlockedAddress(ip: string): boolean {
  const v = isIP(ip);
  if (v === 4) return V4_BLOCKED.some(([net, bits]) => Math.floor(v4ToInt(ip) / 2 ** (32 - bits)) === Math.floor(v4ToInt(net) / 2 ** (32 - bits)));
  if (v !== 6) return true;
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return isBlockedAddress(mapped[1]!);
  return lower === '::' || lower === '::1' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || /^ff/.test(lower);
}

/** Refuses a URL whose host is or resolves to a blocked address (ADAPTER.URL_NOT_ALLOWED). */
export async function assertUrlAllowed(url: URL, allowPrivate: boolean, adapterId: string): Promise<void> {
  if (allowPrivate) return;
  const refuse = () => new AdapterError('ADAPTER.URL_NOT_ALLOWED', `Outbound URL host ${url.hostname} is a private, loopback or metadata address`, { adapterId, retryable: false });
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse();
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) throw refuse();
  if (isIP(host)) {
    if (isBlockedAddress(host)) throw refuse();
    return;
  }
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch (e) {
    throw new AdapterError('ADAPTER.UNAVAILABLE', `Cannot resolve supplier host ${host}`, { adapterId, retryable: true, cause: e });
  }
  // A check before connecting, not a pinned connection: enough to stop a misconfigured URL.
  if (addresses.some((a) => isBlockedAddress(a.address))) throw refuse();
}
