import { sleep } from "./sleep.js";

/** How failed RPC calls are retried. */
export interface RetryParameters {
  /** Total tries including the first (default 5). */
  readonly attempts?: number;
  /** Delay before the first retry, in ms; doubles on each further retry (default 250). */
  readonly baseDelayMs?: number;
  /** Upper bound of one delay, in ms (default 10_000). */
  readonly maxDelayMs?: number;
}

/** {@link RetryParameters} with every default filled in. */
export type RetryPolicy = Required<RetryParameters>;

/** Defaults of {@link RetryParameters}. */
export const defaultRetryPolicy: RetryPolicy = { attempts: 5, baseDelayMs: 250, maxDelayMs: 10_000 };

/** Options of {@link withRetry} beyond the policy. */
export interface WithRetryOptions {
  /** Stops waiting and rethrows the abort reason. */
  readonly signal?: AbortSignal;
  /** Errors for which this returns `false` are rethrown at once (default: retry everything). */
  readonly shouldRetry?: (error: unknown) => boolean;
  /** Source of randomness for the jitter, for tests (default `Math.random`). */
  readonly random?: () => number;
}

/**
 * Delay before retry number `retry` (1 for the first retry): exponential backoff with "equal
 * jitter", a uniform draw in [half, full] of `min(maxDelayMs, baseDelayMs * 2^(retry-1))`. The
 * jitter spreads clients that failed together; the half floor keeps the backoff meaningful.
 *
 * @example
 * backoffDelayMs(3, { attempts: 5, baseDelayMs: 100, maxDelayMs: 10_000 }, () => 1) // 400
 */
export function backoffDelayMs(
  retry: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

/**
 * Runs `operation` until it succeeds or `policy.attempts` tries have failed, waiting
 * {@link backoffDelayMs} between tries. Throws the last error.
 *
 * @example
 * const head = await withRetry(() => getBlockNumber(client), { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 });
 */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  options: WithRetryOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (attempt >= policy.attempts || options.shouldRetry?.(error) === false) throw error;
      await sleep(backoffDelayMs(attempt, policy, options.random), options.signal);
    }
  }
}

/**
 * Fills the defaults of {@link RetryParameters} and checks the values.
 *
 * @throws {RangeError} for a non-integer or non-positive attempt count, or negative delays.
 */
export function resolveRetryPolicy(parameters: RetryParameters = {}): RetryPolicy {
  const policy = { ...defaultRetryPolicy, ...parameters };
  if (!Number.isInteger(policy.attempts) || policy.attempts < 1) {
    throw new RangeError(`retry.attempts must be an integer >= 1, got ${policy.attempts}`);
  }
  if (!(policy.baseDelayMs >= 0) || !(policy.maxDelayMs >= 0)) {
    throw new RangeError("retry.baseDelayMs and retry.maxDelayMs must be >= 0");
  }
  return policy;
}
