/**
 * Sends a message to a person (mail by SMTP, or recorded in the database for the site).
 * `send` is idempotent by `message.id`: the same id is delivered once. Transport failures are
 * retryable AdapterErrors; an invalid address is a non-retryable one.
 */
export interface Notifier {
  send(message: Notification): Promise<void>;
}

export interface Notification {
  readonly id: string;
  readonly to: { readonly email: string; readonly name?: string; readonly userId?: string };
  readonly template: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly data?: Readonly<Record<string, unknown>>;
}
