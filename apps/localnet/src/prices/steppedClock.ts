import type { Clock } from "@bastion/price-service";

/**
 * A clock the crash replay sets to each path point's time, so the price service publishes exactly
 * the chain's (frozen) time. It only moves forward.
 */
export class SteppedClock implements Clock {
  constructor(private currentMs: number) {}

  now(): number {
    return this.currentMs;
  }

  /** Moves the clock to `ms` (Unix milliseconds); a time before the current one is an error. */
  set(ms: number): void {
    if (!(ms >= this.currentMs))
      throw new RangeError(`cannot move the clock back from ${this.currentMs} to ${ms}`);
    this.currentMs = ms;
  }
}
