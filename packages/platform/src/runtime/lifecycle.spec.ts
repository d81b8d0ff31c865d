import { describe, expect, it } from 'vitest';
import { Lifecycle } from './lifecycle';

function recorder() {
  const calls: string[] = [];
  const component = (name: string, failStart = false) => ({
    name,
    start: async () => {
      calls.push(`start ${name}`);
      if (failStart) throw new Error(`${name} broke`);
    },
    stop: async () => void calls.push(`stop ${name}`),
  });
  return { calls, component };
}

describe('lifecycle', () => {
  it('starts in order, stops in reverse, each exactly once even when stop is called concurrently', async () => {
    const { calls, component } = recorder();
    const l = new Lifecycle().add(component('db')).add(component('bus')).add(component('http'));
    await l.start();
    await l.start();
    await Promise.all([l.stop(), l.stop(), l.stop()]);
    expect(calls).toEqual(['start db', 'start bus', 'start http', 'stop http', 'stop bus', 'stop db']);
    expect(l.status).toBe('stopped');
  });

  it('stops what started when a later component fails, and rethrows', async () => {
    const { calls, component } = recorder();
    const l = new Lifecycle().add(component('db')).add(component('bus', true)).add(component('http'));
    await expect(l.start()).rejects.toThrow('bus broke');
    expect(calls).toEqual(['start db', 'start bus', 'stop db']);
  });

  it('refuses components added after start', async () => {
    const l = new Lifecycle();
    await l.start();
    expect(() => l.add({ name: 'late' })).toThrow(/after start/);
  });
});
