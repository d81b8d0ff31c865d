import { connect } from 'amqplib';
import type { ChannelModel } from 'amqplib';

/** Logger subset the supervisor needs. */
export interface SupervisorLogger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
}

/** How the supervisor connects and backs off. */
export interface SupervisorOptions {
  url: string;
  heartbeatSeconds: number;
  initialDelayMs: number;
  maxDelayMs: number;
  logger: SupervisorLogger;
  /** Runs after every (re)connect, before the connection is handed out: topology, channels, consumers. */
  onConnected: (connection: ChannelModel) => Promise<void>;
}

/**
 * Owns the one AMQP connection. amqplib does not reconnect by itself, so we listen to `error` and
 * `close` and reconnect with exponential backoff; a single `reconnecting` promise guarantees we
 * never run two reconnect loops at once (each would leave a connection and consumers behind).
 */
export class ConnectionSupervisor {
  private connection: ChannelModel | undefined;
  private reconnecting: Promise<void> | undefined;
  private closing = false;
  private wake: (() => void) | undefined;

  constructor(private readonly options: SupervisorOptions) {}

  /** The open connection, if any. */
  get current(): ChannelModel | undefined {
    return this.connection;
  }

  /** First connection: fails fast so a misconfigured url surfaces at `init()`. */
  async start(): Promise<void> {
    await this.open();
  }

  /** Schedules a reconnect unless one is already running (idempotent). */
  connectionLost(reason: unknown): void {
    if (this.closing || this.reconnecting) return;
    this.options.logger.warn({ err: String(reason) }, 'rabbitmq connection lost; reconnecting');
    const old = this.connection;
    this.connection = undefined;
    old?.close().catch(() => undefined);
    this.reconnecting = this.loop().finally(() => (this.reconnecting = undefined));
  }

  /** Stops reconnecting and closes the connection. */
  async close(): Promise<void> {
    this.closing = true;
    this.wake?.();
    await this.reconnecting?.catch(() => undefined);
    const c = this.connection;
    this.connection = undefined;
    await c?.close().catch(() => undefined);
  }

  private async loop(): Promise<void> {
    let delay = this.options.initialDelayMs;
    for (let attempt = 1; !this.closing; attempt++) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, delay * (0.8 + Math.random() * 0.4));
        this.wake = () => (clearTimeout(t), resolve());
      });
      if (this.closing) return;
      try {
        await this.open();
        this.options.logger.info({ attempt }, 'rabbitmq reconnected');
        return;
      } catch (e) {
        this.options.logger.warn({ attempt, err: String(e) }, 'rabbitmq reconnect failed');
        delay = Math.min(delay * 2, this.options.maxDelayMs);
      }
    }
  }

  private async open(): Promise<void> {
    // Without noDelay, Nagle holds each small frame back: ~40 ms per publish→confirm round trip.
    const conn = await connect(withHeartbeat(this.options.url, this.options.heartbeatSeconds), { noDelay: true });
    // Only the current connection may trigger a reconnect; a discarded one closing is expected.
    conn.on('error', (e: Error) => this.connection === conn && this.connectionLost(e));
    conn.on('close', (e?: Error) => this.connection === conn && this.connectionLost(e ?? 'closed'));
    try {
      this.connection = conn;
      await this.options.onConnected(conn);
    } catch (e) {
      this.connection = undefined;
      await conn.close().catch(() => undefined);
      throw e;
    }
  }
}

/** Adds `heartbeat` to the url's query unless the (already resolved) url carries one. */
function withHeartbeat(url: string, seconds: number): string {
  const u = new URL(url);
  if (!u.searchParams.has('heartbeat')) u.searchParams.set('heartbeat', String(seconds));
  return u.toString();
}
