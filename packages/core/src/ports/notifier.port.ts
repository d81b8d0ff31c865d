/**
 * Sends a message to a person (mail by SMTP, or recorded in the database for the site).
 *
 * Contract (`describeNotifierContract` in `@dropship/adapter-testkit` checks it):
 * - **Idempotent by `message.id`.** Sending the same id again — sequentially or concurrently — is
 *   delivered once and resolves normally. An implementation guarantees this at least within one
 *   process (SMTP: an in-memory sent-id cache plus a Message-ID derived from the id so receivers
 *   can dedupe); a database-backed one guarantees it across processes with a unique key.
 *   Exactly-once across restarts and competing workers is the caller's job: send from an
 *   outbox/inbox-deduped consumer with a deterministic id (`renderNotification(…, { idempotencySource })`).
 * - A failed send does not count as sent: retrying the same id after a failure delivers it.
 * - **Resolves** once the message is accepted by the transport (SMTP server, database row).
 * - **Throws `AdapterError`** and nothing else:
 *   - `ADAPTER.UNAVAILABLE`, `retryable: true` — connection refused/closed, timeout, 4xx deferral.
 *     `outcomeUnknown: true` when the message may already have been accepted (timeout during
 *     DATA); resending with the same id is safe because receivers see the same Message-ID.
 *   - `NOTIFY.REJECTED`, `retryable: false` — an invalid recipient address (checked before any
 *     I/O with `isValidEmailAddress`) or a permanent (5xx) rejection of the recipient or message.
 */
export interface Notifier {
  /** Delivers `message` to `message.to` once per `message.id`; see the interface's contract. */
  send(message: Notification): Promise<void>;
}

/** A rendered message, ready to send (see `renderNotification`). */
export interface Notification {
  /** The idempotency key: the same id is delivered once. Deterministic when derived from an event. */
  readonly id: string;
  /** One recipient; `userId` lets the database notifier show it to that user in the site. */
  readonly to: { readonly email: string; readonly name?: string; readonly userId?: string };
  /** Name of the template it was rendered from (`order-confirmed`, …), for logs and filtering. */
  readonly template: string;
  /** Plain text, single line (line breaks are removed when rendering). */
  readonly subject: string;
  readonly text: string;
  /** HTML alternative of `text`; every variable in it was HTML-escaped. */
  readonly html?: string;
  /** The variables it was rendered from (for the database notifier and support). */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** Error code for a recipient or message the transport refuses for good (not retryable). */
export const NOTIFY_REJECTED = 'NOTIFY.REJECTED';
