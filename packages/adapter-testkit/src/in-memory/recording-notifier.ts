import { AdapterError, isValidEmailAddress, NOTIFY_REJECTED } from '@dropship/core';
import type { Notification, Notifier } from '@dropship/core';

/**
 * In-memory Notifier for core and app tests: records what was sent (once per id), and can be
 * switched "down" to exercise the retry paths. It passes `describeNotifierContract`, so tests
 * built on it see the same idempotency and error codes as the SMTP adapter.
 */
export class RecordingNotifier implements Notifier {
  readonly #sent: Notification[] = [];
  readonly #ids = new Set<string>();
  #down = false;

  constructor(private readonly adapterId = 'recording-notifier') {}

  async send(message: Notification): Promise<void> {
    if (!isValidEmailAddress(message.to.email)) {
      throw new AdapterError(NOTIFY_REJECTED, 'Invalid recipient address', { adapterId: this.adapterId, retryable: false });
    }
    if (this.#down) throw new AdapterError('ADAPTER.UNAVAILABLE', 'Notifier is down (simulated)', { adapterId: this.adapterId, retryable: true });
    // Checked and recorded synchronously after the awaits above: concurrent sends of one id record once.
    if (this.#ids.has(message.id)) return;
    this.#ids.add(message.id);
    this.#sent.push(message);
  }

  /** Every delivered message, in send order. */
  get sent(): readonly Notification[] {
    return this.#sent;
  }

  /** Delivered messages to `email` (case-insensitive), optionally of one template. */
  to(email: string, template?: string): Notification[] {
    const e = email.toLowerCase();
    return this.#sent.filter((m) => m.to.email.toLowerCase() === e && (template === undefined || m.template === template));
  }

  /** While down, every send fails with a retryable `ADAPTER.UNAVAILABLE`. */
  setDown(down: boolean): void {
    this.#down = down;
  }

  clear(): void {
    this.#sent.length = 0;
    this.#ids.clear();
  }
}
