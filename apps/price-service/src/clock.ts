/** Where the service reads the time: wall-clock milliseconds. */
export interface Clock {
  now(): number;
}

/** The real wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that only moves when told, for deterministic tests: the service publishes one price per
 * second of this clock, catching up on every second it skipped.
 *
 * @example
 * const clock = new ManualClock(Date.UTC(2026, 0, 1));
 * const service = await startPriceService({ port: 0, clock });
 * clock.advance(5_000); // five more seconds get published
 */
export class ManualClock implements Clock {
  constructor(private currentMs: number = Date.now()) {}

  now(): number {
    return this.currentMs;
  }

  /** Moves the clock forward by `ms` (>= 0). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`cannot advance a clock by ${ms} ms`);
    this.currentMs += ms;
  }
}
