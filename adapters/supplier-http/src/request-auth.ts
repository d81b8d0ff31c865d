import { createHmac } from 'node:crypto';
import type { HttpAuth } from './supplier-http.options';

/**
 * The string an HMAC-authenticated request signs: method, path with query, unix-seconds
 * timestamp and the exact body bytes, joined by "\n". The supplier recomputes it and compares.
 */
export function hmacCanonical(method: string, pathAndQuery: string, timestamp: string, body: string): string {
  return `${method.toUpperCase()}\n${pathAndQuery}\n${timestamp}\n${body}`;
}

export function hmacHex(secret: string, data: string | Uint8Array): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}

/** Authentication headers for one request. */
export function authHeaders(auth: HttpAuth, req: { method: string; pathAndQuery: string; body: string; now: Date }): Record<string, string> {
  switch (auth.type) {
    case 'bearer':
      return { authorization: `Bearer ${auth.token}` };
    case 'basic':
      return { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}` };
    case 'hmac': {
      const timestamp = String(Math.floor(req.now.getTime() / 1000));
      const headers: Record<string, string> = {
        [(auth.header ?? 'X-Signature').toLowerCase()]: hmacHex(auth.secret, hmacCanonical(req.method, req.pathAndQuery, timestamp, req.body)),
        [(auth.timestampHeader ?? 'X-Timestamp').toLowerCase()]: timestamp,
      };
      if (auth.keyId) headers[(auth.keyIdHeader ?? 'X-Key-Id').toLowerCase()] = auth.keyId;
      return headers;
    }
  }
}
