import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module without types
import rule from './boundaries.js';

const v = (kind: string, name: string, spec: string, isSpec = false) =>
  (rule as { violation: (a: unknown, s: string) => string | null }).violation({ kind, name, isSpec }, spec);

describe('module boundaries', () => {
  it('keeps the core free of every dependency', () => {
    expect(v('packages', 'core', './money')).toBeNull();
    expect(v('packages', 'core', 'inversify')).toMatch(/core depends on nothing/);
    expect(v('packages', 'core', '@dropship/adapter-sdk')).toMatch(/core depends on nothing/);
  });
  it('lets adapters use only core and sdk', () => {
    expect(v('adapters', 'postgres', '@dropship/core')).toBeNull();
    expect(v('adapters', 'postgres', 'knex')).toBeNull();
    expect(v('adapters', 'postgres', '@dropship/adapter-rabbitmq')).toMatch(/adapters may import only/);
    expect(v('adapters', 'postgres', '@dropship/platform')).toMatch(/adapters may import only/);
    expect(v('adapters', 'postgres', '@dropship/adapter-testkit', true)).toBeNull();
  });
  it('forbids apps from importing adapters statically', () => {
    expect(v('apps', 'api', '@dropship/adapter-postgres')).toMatch(/load adapters by name/);
    expect(v('apps', 'api', '@dropship/platform')).toBeNull();
  });
  it('keeps server libraries out of the site', () => {
    expect(v('apps', 'admin', 'knex')).toMatch(/never imports server libraries/);
    expect(v('apps', 'admin', 'react')).toBeNull();
  });
});
