import type { Clock } from './ports/clock.port';
import type { PasswordHasher, TokenService } from './ports/security.port';

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private t = new Date('2026-12-01T12:00:00Z').getTime()) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/** Reversible, deterministic stand-ins for the platform's scrypt and token hashing (the real ones are tested in the platform). */
export const plainHasher: PasswordHasher = {
  hash: async (p) => `plain$${[...p].reverse().join('')}`,
  verify: async (p, stored) => stored === `plain$${[...p].reverse().join('')}`,
};
let n = 0;
export const countingTokens: TokenService = {
  generate: (kind) => {
    const secret = `${kind === 'session' ? 'dss' : 'dsk'}_${String(++n).padStart(40, '0')}`;
    return { secret, prefix: secret.slice(0, 12) };
  },
  hash: (s) => `h:${s}`,
};
