import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseMail, type ParsedMail } from './mime';

/** A message as the test SMTP server received it. */
export interface CapturedMail extends ParsedMail {
  readonly envelopeFrom: string | undefined;
  readonly rcptTo: readonly string[];
  readonly raw: string;
}

export interface SmtpTestServerOptions {
  /** Reply to RCPT TO for matching recipients with this code (e.g. 550, 450). */
  readonly rejectRcpt?: (address: string) => number | undefined;
}

/**
 * A real SMTP server (smtp-server) on an ephemeral loopback port: no TLS, no auth required; it
 * collects every message. `outage()` closes the listener; the function it returns listens again
 * on the same port, so a configured client recovers without changes.
 */
export class SmtpTestServer {
  readonly messages: CapturedMail[] = [];
  #server: SMTPServer | undefined;
  #port = 0;

  constructor(private readonly options: SmtpTestServerOptions = {}) {}

  get port(): number {
    return this.#port;
  }
  get url(): string {
    return `smtp://127.0.0.1:${this.#port}`;
  }

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 50,
      onRcptTo: (address, _session, cb) => {
        const code = this.options.rejectRcpt?.(address.address);
        if (code === undefined) return cb();
        cb(Object.assign(new Error(code >= 500 ? 'No such user here' : 'Mailbox busy, try later'), { responseCode: code }));
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const from = session.envelope.mailFrom;
          this.messages.push({
            ...parseMail(raw),
            envelopeFrom: from ? from.address : undefined,
            rcptTo: session.envelope.rcptTo.map((a) => a.address),
            raw,
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.#port = (server.server.address() as AddressInfo).port;
    this.#server = server;
    return this;
  }

  async stop(): Promise<void> {
    const s = this.#server;
    this.#server = undefined;
    if (s) await new Promise<void>((r) => s.close(() => r()));
  }

  /** Stops listening; resolves to a function that starts again on the same port. */
  async outage(): Promise<() => Promise<void>> {
    await this.stop();
    return async () => void (await this.start());
  }
}
