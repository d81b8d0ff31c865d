/** A component with start/stop hooks, run in order and stopped in reverse. */
export interface LifecycleComponent {
  readonly name: string;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

type State = 'idle' | 'starting' | 'running' | 'stopping' | 'stopped';

/**
 * The one lifecycle shared by api and worker: init each component once in order; on stop (SIGTERM),
 * stop intake first and dispose in reverse. Starting or stopping twice is a no-op, never a double call.
 */
export class Lifecycle {
  private readonly components: LifecycleComponent[] = [];
  private readonly started: LifecycleComponent[] = [];
  private state: State = 'idle';
  private stopping: Promise<void> | undefined;

  constructor(private readonly log: { info(o: object, m?: string): void; error(o: object, m?: string): void } = { info() {}, error() {} }) {}

  add(component: LifecycleComponent): this {
    if (this.state !== 'idle') throw new Error(`cannot add ${component.name} after start`);
    this.components.push(component);
    return this;
  }

  get status(): State {
    return this.state;
  }

  /** Starts every component in order; if one fails, the started ones are stopped in reverse and the error is thrown. */
  async start(): Promise<void> {
    if (this.state !== 'idle') return;
    this.state = 'starting';
    for (const c of this.components) {
      try {
        await c.start?.();
        this.started.push(c);
      } catch (e) {
        this.log.error({ err: e, component: c.name }, 'start failed; stopping what started');
        await this.stop();
        throw e;
      }
    }
    this.state = 'running';
  }

  /** Stops started components in reverse order, once, even if called concurrently. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.state = 'stopping';
      for (const c of [...this.started].reverse()) {
        try {
          await c.stop?.();
        } catch (e) {
          this.log.error({ err: e, component: c.name }, 'stop failed; continuing');
        }
      }
      this.state = 'stopped';
    })();
    return this.stopping;
  }

  /** Stops on SIGTERM/SIGINT, then exits; a second signal exits at once. */
  stopOnSignals(exit: (code: number) => void = (code) => process.exit(code)): void {
    let signalled = false;
    const handler = (signal: string) => {
      if (signalled) return exit(1);
      signalled = true;
      this.log.info({ signal }, 'shutting down');
      this.stop().then(() => exit(0), () => exit(1));
    };
    process.on('SIGTERM', () => handler('SIGTERM'));
    process.on('SIGINT', () => handler('SIGINT'));
  }
}
