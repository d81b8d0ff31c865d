import { uuidv7 } from '../shared/ids';
import { sha256, toHex } from './sha256';

/**
 * A name-based UUID (RFC 9562 version 8, SHA-256 of `source`): the same source always gives the
 * same id, so a notification re-rendered by a redelivered event keeps its idempotency key.
 */
export function notificationIdFrom(source: string): string {
  const bytes = sha256(`dropship:notification:${source}`).slice(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = toHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The conventional idempotency source: one notification per event and template. */
export const notificationSource = (eventId: string, template: string, recipient?: string): string =>
  recipient === undefined ? `notify:${eventId}:${template}` : `notify:${eventId}:${template}:${recipient.toLowerCase()}`;

/** Fresh time-ordered id for a notification no event identifies (e.g. a manual resend). */
export const newNotificationId = (now?: number): string => uuidv7(now);
