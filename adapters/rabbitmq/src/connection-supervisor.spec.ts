import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// A fake amqplib: every connect() hands out an emitter we can kill, or fails while `down`.
const state = vi.hoisted(() => ({ calls: [] as Array<{ url: string; opts: unknown }>, down: false, conns: [] as unknown[] }));
vi.mock('amqplib', () => ({
  connect: vi.fn(async (url: string, opts: unknown) => {
    state.calls.push({ url, opts });
    if (state.down) throw new Error('ECONNREFUSED');
    const { EventEmitter: E } = await import('node:events');
    const c = Object.assign(new E(), { close: vi.fn(async () => undefined) });
    state.conns.push(c);
    return c;
  }),
}));

const { ConnectionSupervisor } = await import('./connection-supervisor');
const quiet = { info: () => undefined, warn: () => undefined };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ConnectionSupervisor', () => {
  beforeEach(() => {
    state.calls.length = 0;
    state.conns.length = 0;
    state.down = false;
  });

  it('connects with noDelay and the heartbeat in the url', async () => {
    const s = new ConnectionSupervisor({ url: 'amqp://u:p@h:5672/vh', heartbeatSeconds: 7, initialDelayMs: 5, maxDelayMs: 20, logger: quiet, onConnected: async () => undefined });
    await s.start();
    expect(state.calls[0]).toEqual({ url: 'amqp://u:p@h:5672/vh?heartbeat=7', opts: { noDelay: true } });
    await s.close();
  });

  it('runs one reconnect loop however many error/close events arrive, and re-runs onConnected', async () => {
    const onConnected = vi.fn(async () => undefined);
    const s = new ConnectionSupervisor({ url: 'amqp://h', heartbeatSeconds: 5, initialDelayMs: 5, maxDelayMs: 20, logger: quiet, onConnected });
    await s.start();
    state.down = true;
    const first = state.conns[0] as EventEmitter;
    first.emit('error', new Error('reset'));
    first.emit('close', new Error('reset'));
    s.connectionLost('channel closed');
    for (let i = 0; i < 200 && state.calls.length < 3; i++) await sleep(10);
    expect(state.calls.length).toBeGreaterThanOrEqual(3);
    // Backoff capped at 20 ms ±20 %: one loop makes at most ~7 attempts in 100 ms, two would make ~12.
    const before = state.calls.length;
    await sleep(100);
    expect(state.calls.length - before).toBeLessThanOrEqual(8);
    state.down = false;
    for (let i = 0; i < 200 && state.conns.length < 2; i++) await sleep(10);
    await sleep(30);
    expect(state.conns).toHaveLength(2);
    expect(onConnected).toHaveBeenCalledTimes(2);
    expect(s.current).toBe(state.conns[1]);
    await s.close();
  });

  it('close() stops a running reconnect loop', async () => {
    const s = new ConnectionSupervisor({ url: 'amqp://h', heartbeatSeconds: 5, initialDelayMs: 5, maxDelayMs: 20, logger: quiet, onConnected: async () => undefined });
    await s.start();
    state.down = true;
    (state.conns[0] as EventEmitter).emit('close');
    await sleep(20);
    await s.close();
    const n = state.calls.length;
    await sleep(60);
    expect(state.calls.length).toBe(n);
  });
});
