import type { Notification } from '../ports/notifier.port';
import { newNotificationId, notificationIdFrom } from './notification-id';
import type { NotificationTemplate, TemplateData } from './notification-template';
import { renderTemplate } from './template';

export interface RenderOptions {
  /**
   * What makes this message unique, e.g. `notify:<event id>:<template>` (see `notificationSource`).
   * Given, the id is derived from it, so a redelivered event renders the same id and the Notifier
   * delivers it once. Omitted, the id is fresh (every render is a new message).
   */
  readonly idempotencySource?: string;
  /** Clock reading for the fresh id (tests); ignored with an idempotency source. */
  readonly now?: number;
}

/** Renders a template into a `Notification` ready for `Notifier.send`; throws on a missing variable. */
export function renderNotification<D extends TemplateData>(
  template: NotificationTemplate<D>,
  data: D,
  to: Notification['to'],
  options: RenderOptions = {},
): Notification {
  const name = template.name;
  return {
    id: options.idempotencySource !== undefined ? notificationIdFrom(options.idempotencySource) : newNotificationId(options.now),
    to,
    template: name,
    subject: renderTemplate(template.subject, data, 'subject', `${name} (subject)`),
    text: renderTemplate(template.text, data, 'text', `${name} (text)`),
    html: renderTemplate(template.html, data, 'html', `${name} (html)`),
    data: { ...data },
  };
}
