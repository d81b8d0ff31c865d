import { afterAll, beforeAll } from 'vitest';
import type { Persistence } from '@dropship/core';

/** What every persistence implementation hands the contract suite. */
export interface PersistenceContractOptions {
  readonly name: string;
  readonly setup: () => Promise<{ persistence: Persistence; teardown: () => Promise<void> }>;
}

/** One setup per describe block (a database per block, not per test); tests isolate by unique ids. */
export function usePersistence(opts: PersistenceContractOptions): () => Persistence {
  let persistence: Persistence | undefined;
  let teardown: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const made = await opts.setup();
    persistence = made.persistence;
    teardown = made.teardown;
    await persistence.migrate();
  });
  afterAll(async () => {
    await teardown?.();
  });
  return () => {
    if (!persistence) throw new Error('persistence setup did not run');
    return persistence;
  };
}
