import { AdapterError, isAdapterError } from '../shared/adapter-error';
import type { Clock } from '../ports/clock.port';
import { NOTIFY_REJECTED, type Notification, type Notifier } from '../ports/notifier.port';
import type { NotificationRepository } from '../ports/repositories.port';
import { isValidEmailAddress } from './email-address';

/**
 * The default Notifier: records the message in the `notifications` table (shown to
 * `message.to.userId` in the site). The row's key is the notification id and the insert is
 * ON CONFLICT DO NOTHING, so it is idempotent across processes and restarts.
 */
export class DatabaseNotifier implements Notifier {
  constructor(
    private readonly repo: () => NotificationRepository,
    private readonly clock: Clock,
    private readonly adapterId = 'database-notifier',
  ) {}

  async send(message: Notification): Promise<void> {
    if (!isValidEmailAddress(message.to.email)) {
      throw new AdapterError(NOTIFY_REJECTED, 'Invalid recipient address', { adapterId: this.adapterId, retryable: false });
    }
    try {
      await this.repo().record({
        id: message.id,
        userId: message.to.userId ?? null,
        email: message.to.email,
        template: message.template,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
        createdAt: this.clock.now(),
      });
    } catch (e) {
      if (isAdapterError(e)) throw e;
      throw new AdapterError('ADAPTER.UNAVAILABLE', 'Could not record the notification', { adapterId: this.adapterId, retryable: true, cause: e });
    }
  }
}

/**
 * Sends through every notifier in order (e.g. the database record first, then SMTP): the site
 * shows the message whether or not mail is configured. Each is idempotent by id, so a retry after
 * one failed re-sends nothing the others already took.
 */
export class FanOutNotifier implements Notifier {
  constructor(private readonly notifiers: readonly Notifier[]) {}

  async send(message: Notification): Promise<void> {
    for (const n of this.notifiers) await n.send(message);
  }
}
