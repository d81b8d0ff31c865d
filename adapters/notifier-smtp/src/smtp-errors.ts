import { AdapterError, NOTIFY_REJECTED } from '@dropship/core';

/** The fields nodemailer puts on its errors (its `NodemailerError`), read defensively. */
interface SmtpFailure {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  timeoutType?: string;
  permanent?: boolean;
}

const WHAT: Readonly<Record<string, string>> = { 'RCPT TO': 'the recipient', 'MAIL FROM': 'the sender', DATA: 'the message' };

/** A short, secret-free description: the server's reply (never the URL or credentials). */
const reply = (f: SmtpFailure): string => (f.response ? `: ${f.response.replace(/\s+/g, ' ').slice(0, 200)}` : '');

/**
 * Maps a nodemailer failure to the port's errors: permanent (5xx) replies to the envelope or
 * message → `NOTIFY.REJECTED` (not retryable); authentication, 4xx, 503, connection, TLS, DNS
 * and timeout failures → `ADAPTER.UNAVAILABLE` (retryable). Vendor errors only survive as `cause`.
 */
export function toAdapterError(e: unknown, adapterId: string): AdapterError {
  const f = (typeof e === 'object' && e !== null ? e : {}) as SmtpFailure;
  const rc = typeof f.responseCode === 'number' ? f.responseCode : undefined;
  const opts = { adapterId, cause: e };
  if (f.code === 'EAUTH' || f.code === 'ENOAUTH') {
    // The message is fine; the configuration (SMTP_URL credentials) is not. Retry once fixed.
    return new AdapterError('ADAPTER.UNAVAILABLE', `SMTP authentication failed${rc ? ` (${rc})` : ''}`, { ...opts, retryable: true });
  }
  if (rc !== undefined && rc >= 500 && rc < 600 && rc !== 503) {
    const what = Object.entries(WHAT).find(([cmd]) => f.command?.toUpperCase().startsWith(cmd))?.[1] ?? 'the message';
    return new AdapterError(NOTIFY_REJECTED, `SMTP server rejected ${what} (${rc})${reply(f)}`, { ...opts, retryable: false });
  }
  if (rc === undefined && f.code === 'EENVELOPE') {
    return new AdapterError(NOTIFY_REJECTED, 'Invalid mail envelope', { ...opts, retryable: false });
  }
  const detail = rc !== undefined ? `${rc}${reply(f)}` : [f.code, f.originalCode, f.timeoutType].filter(Boolean).join('/') || 'unknown error';
  return new AdapterError('ADAPTER.UNAVAILABLE', `SMTP server unavailable (${detail})`, {
    ...opts,
    retryable: true,
    // An idle timeout mid-session may come after the server took the message; the resend is
    // harmless because it carries the same Message-ID.
    outcomeUnknown: f.code === 'ETIMEDOUT' && f.timeoutType === 'SOCKET_TIMEOUT' ? true : undefined,
  });
}
