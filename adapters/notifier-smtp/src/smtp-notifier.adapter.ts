import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { AdapterError, isValidEmailAddress, NOTIFY_REJECTED } from '@dropship/core';
import type { Notification, Notifier } from '@dropship/core';
import type { AdapterLogger } from '@dropship/adapter-sdk';
import { SentIdCache } from './sent-id-cache';
import { toAdapterError } from './smtp-errors';

/** Options of the SMTP notifier (validated by the platform before `create`). */
export interface SmtpNotifierOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (implicit TLS). Secret. */
  readonly url: string;
  /** Sender, e.g. `Dropship <no-reply@example.com>`; its domain also names the Message-IDs. */
  readonly from: string;
  /** Keep connections open and reuse them (busy installs). */
  readonly pool?: boolean;
  /** Bound of each network step (connect, greeting, each reply); the whole send is bounded by 3×. */
  readonly timeoutMs?: number;
}

export interface SmtpNotifierDeps {
  readonly adapterId: string;
  readonly logger?: AdapterLogger;
  /** How many sent ids the in-process idempotency cache remembers. */
  readonly sentCacheSize?: number;
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** The address part of `Name <addr>` or a bare address; undefined when there is none. */
export function senderAddress(from: string): string | undefined {
  const m = /<([^<>]+)>\s*$/.exec(from);
  const addr = (m ? m[1]! : from).trim();
  return isValidEmailAddress(addr) ? addr : undefined;
}

/**
 * Notifier over SMTP (nodemailer). Idempotent by `message.id` within the process (sent-id LRU
 * plus in-flight sharing); across processes the Message-ID `<notify.<id>@<sender domain>>` is
 * the same for every attempt, so servers and mail clients that dedupe by Message-ID see one mail.
 */
export class SmtpNotifier implements Notifier {
  readonly #sent: SentIdCache;
  readonly #inFlight = new Map<string, Promise<void>>();
  readonly #domain: string;
  readonly #timeoutMs: number;
  #transport: Transporter | undefined;

  constructor(
    private readonly options: SmtpNotifierOptions,
    private readonly deps: SmtpNotifierDeps,
  ) {
    if (!/^smtps?:\/\//i.test(options.url)) throw new Error('url must be an smtp:// or smtps:// URL');
    const sender = senderAddress(options.from);
    if (!sender) throw new Error(`from must contain a valid address, e.g. "Dropship <no-reply@example.com>"`);
    this.#domain = sender.slice(sender.lastIndexOf('@') + 1);
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#sent = new SentIdCache(deps.sentCacheSize);
  }

  /** The Message-ID every attempt of `id` carries. */
  messageIdFor(id: string): string {
    const token = SAFE_ID.test(id) ? id : createHash('sha256').update(id).digest('hex').slice(0, 40);
    return `<notify.${token}@${this.#domain}>`;
  }

  async send(message: Notification): Promise<void> {
    if (!isValidEmailAddress(message.to.email)) {
      throw new AdapterError(NOTIFY_REJECTED, 'Invalid recipient address', { adapterId: this.deps.adapterId, retryable: false });
    }
    if (this.#sent.has(message.id)) return;
    const pending = this.#inFlight.get(message.id);
    if (pending) return pending;
    const attempt = this.#deliver(message).finally(() => this.#inFlight.delete(message.id));
    this.#inFlight.set(message.id, attempt);
    return attempt;
  }

  async #deliver(message: Notification): Promise<void> {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const guard = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new AdapterError('ADAPTER.UNAVAILABLE', `SMTP send timed out after ${3 * this.#timeoutMs} ms`, {
              adapterId: this.deps.adapterId,
              retryable: true,
              outcomeUnknown: true,
            }),
          ),
        3 * this.#timeoutMs,
      );
    });
    try {
      const sending = this.#transporter()
        .sendMail({
          from: this.options.from,
          to: message.to.name ? { name: message.to.name, address: message.to.email } : message.to.email,
          subject: message.subject,
          text: message.text,
          ...(message.html !== undefined ? { html: message.html } : {}),
          messageId: this.messageIdFor(message.id),
          headers: { 'X-Dropship-Notification-Id': message.id, 'X-Dropship-Template': message.template },
        })
        .catch((e: unknown) => {
          throw toAdapterError(e, this.deps.adapterId);
        });
      await Promise.race([sending, guard]);
      this.#sent.add(message.id);
      this.deps.logger?.debug({ notificationId: message.id, template: message.template, ms: Date.now() - started }, 'mail sent');
    } catch (e) {
      const err = e instanceof AdapterError ? e : toAdapterError(e, this.deps.adapterId);
      this.deps.logger?.warn({ notificationId: message.id, template: message.template, code: err.code, retryable: err.retryable }, err.message);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  #transporter(): Transporter {
    if (this.#transport) return this.#transport;
    const t = this.#timeoutMs;
    const common = { url: this.options.url, connectionTimeout: t, greetingTimeout: t, socketTimeout: t, dnsTimeout: t };
    this.#transport = this.options.pool ? nodemailer.createTransport({ ...common, pool: true }) : nodemailer.createTransport(common);
    return this.#transport;
  }

  /** Closes pooled connections; idempotent. */
  async close(): Promise<void> {
    this.#transport?.close();
    this.#transport = undefined;
  }
}
