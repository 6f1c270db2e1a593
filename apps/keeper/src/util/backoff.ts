/** Exponential backoff with jitter, for every retry the keeper makes. */
export interface BackoffOptions {
  /** Delay after the first failure, ms. */
  baseMs: number;
  /** Upper bound of the delay, ms. */
  maxMs: number;
  /** Fraction of the delay drawn at random ("equal jitter"): 0.5 gives a delay in [d/2, d]. Default 0.5. */
  jitter?: number;
  /** Random source in [0, 1); default `Math.random`. */
  random?: () => number;
}

/**
 * The delay before retry number `attempt` (1 = after the first failure): `min(max, base x 2^(attempt-1))`,
 * of which a `jitter` fraction is random. Never below 1 ms, so no caller can spin in a tight loop.
 *
 * @example
 * backoffDelay(3, { baseMs: 200, maxMs: 10_000 }); // between 400 and 800
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const jitter = options.jitter ?? 0.5;
  const random = options.random ?? Math.random;
  const exponent = Math.max(0, Math.min(30, attempt - 1));
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  return Math.max(1, Math.round(ceiling * (1 - jitter) + ceiling * jitter * random()));
}

/** The upper bound of {@link backoffDelay} for an attempt (no jitter): what tests and logs report. */
export function backoffCeiling(attempt: number, options: BackoffOptions): number {
  const exponent = Math.max(0, Math.min(30, attempt - 1));
  return Math.min(options.maxMs, options.baseMs * 2 ** exponent);
}
