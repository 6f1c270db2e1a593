import { backoffDelay } from "./backoff.js";
import { sleep } from "./sleep.js";

/** A periodic task. */
export interface LoopOptions {
  /** Name for logs. */
  name: string;
  /** Delay between two successful runs, ms. */
  intervalMs: number;
  /** One run. A throw counts as a failure: the next run waits an exponential backoff instead. */
  run: (signal: AbortSignal) => Promise<void>;
  /** Called with each failure and the delay before the next attempt. */
  onError: (error: unknown, retryInMs: number, consecutiveFailures: number) => void;
  /** Backoff after failures. */
  retry: { baseMs: number; maxMs: number };
  /** Run once at start before waiting (default true). */
  immediate?: boolean;
}

/** A running loop. */
export interface Loop {
  /** Runs the task now (after the current run, if any) instead of waiting for the interval. */
  wake(): void;
  /** Stops after the current run; resolves once stopped. */
  stop(): Promise<void>;
  /** Consecutive failures so far (0 after a success). */
  readonly consecutiveFailures: number;
}

/**
 * Runs `run` every `intervalMs`, never concurrently with itself; after a failure waits an exponential
 * backoff with jitter (never a tight loop). `wake()` cuts a wait short, except a backoff.
 */
export function startLoop(options: LoopOptions): Loop {
  const controller = new AbortController();
  let waker: AbortController | undefined;
  let wakeRequested = false;
  let failures = 0;
  const done = (async () => {
    if (options.immediate === false) await sleep(options.intervalMs, controller.signal);
    while (!controller.signal.aborted) {
      wakeRequested = false;
      let delay = options.intervalMs;
      try {
        await options.run(controller.signal);
        failures = 0;
      } catch (error) {
        failures += 1;
        delay = backoffDelay(failures, options.retry);
        if (!controller.signal.aborted) options.onError(error, delay, failures);
      }
      if (controller.signal.aborted) break;
      if (wakeRequested && failures === 0) continue;
      waker = new AbortController();
      const inBackoff = failures > 0;
      await sleep(delay, inBackoff ? controller.signal : AbortSignal.any([controller.signal, waker.signal]));
      waker = undefined;
    }
  })();
  return {
    wake() {
      wakeRequested = true;
      waker?.abort();
    },
    async stop() {
      controller.abort();
      await done;
    },
    get consecutiveFailures() {
      return failures;
    },
  };
}
