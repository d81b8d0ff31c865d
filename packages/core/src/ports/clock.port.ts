/** Time source. Inject it everywhere time matters so tests control time. All times are UTC. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
