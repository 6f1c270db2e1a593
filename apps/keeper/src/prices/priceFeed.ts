import { type BastionHermesClient, fetchPriceUpdate, type PythPrice } from "@bastion/sdk";
import type { Hex } from "viem";
import type { Logger } from "../observability/logger.js";
import type { KeeperMetrics } from "../observability/metrics.js";
import { backoffDelay } from "../util/backoff.js";
import { classifyError } from "../util/errors.js";

/** One Pyth update for every feed the keeper needs. */
export interface PriceSnapshot {
  /** The `bytes[]` every keeper action takes (Hermes' blob, or one element per feed locally). */
  updateData: Hex[];
  prices: PythPrice[];
  /** The oldest publish time among the feeds (Unix seconds): what every window check must pass. */
  publishTime: number;
  /** Wall clock when it arrived, ms. */
  receivedAtMs: number;
}

/** Options of {@link createPriceFeed}. */
export interface PriceFeedOptions {
  hermes: BastionHermesClient;
  /** Poll interval of the latest update, ms. */
  intervalMs: number;
  /** Shortest gap between two fetches while someone waits for a newer update, ms. */
  chaseMs: number;
  retry: { baseMs: number; maxMs: number };
  metrics: KeeperMetrics;
  logger: Logger;
}

/**
 * The keeper's only path to Hermes: polls the latest update of every feed, shares it with every
 * component, fetches early when someone needs a newer one, and backs off exponentially (with jitter)
 * while Hermes fails: at most one request is in flight, so an outage never turns into a tight loop.
 */
export interface PriceFeed {
  /** The feeds to fetch (the union of every market's feeds). */
  setFeeds(feedIds: readonly Hex[]): void;
  /** The newest snapshot, if any. */
  readonly latest: PriceSnapshot | undefined;
  /** Called with every new snapshot (newer publish time than the previous one). */
  onUpdate(listener: (snapshot: PriceSnapshot) => void): void;
  /**
   * A snapshot published at or after `minPublishTime` (Unix seconds): the latest one if it is new
   * enough, else the next one. Rejects when `signal` aborts.
   */
  waitFor(minPublishTime: number, signal: AbortSignal): Promise<PriceSnapshot>;
  /** Consecutive failed fetches (0 when healthy). */
  readonly consecutiveFailures: number;
  /** The delay before the next attempt after failures, ms (0 when healthy). */
  readonly backoffMs: number;
  /** Successful and failed fetches so far. */
  readonly fetches: { ok: number; failed: number };
  start(): void;
  stop(): void;
}

/** Creates the {@link PriceFeed}. */
export function createPriceFeed(options: PriceFeedOptions): PriceFeed {
  const { hermes, metrics, logger } = options;
  let feedIds: readonly Hex[] = [];
  let latest: PriceSnapshot | undefined;
  let inFlight: Promise<void> | undefined;
  let failures = 0;
  let backoffMs = 0;
  let nextAllowedAt = 0;
  let lastFetchAt = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  const fetches = { ok: 0, failed: 0 };
  const listeners: ((snapshot: PriceSnapshot) => void)[] = [];
  const waiters = new Set<{ min: number; resolve: (s: PriceSnapshot) => void }>();

  const schedule = (delayMs: number) => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = undefined;
        void fetchNow();
      },
      Math.max(0, delayMs),
    );
  };

  const nextDelay = (): number => {
    if (failures > 0) return Math.max(0, nextAllowedAt - Date.now());
    const waiting = [...waiters].some((w) => latest === undefined || latest.publishTime < w.min);
    return waiting ? options.chaseMs : options.intervalMs;
  };

  const fetchNow = async (): Promise<void> => {
    if (stopped || feedIds.length === 0) return;
    if (inFlight) return inFlight;
    const now = Date.now();
    if (now < nextAllowedAt) return schedule(nextAllowedAt - now);
    if (now - lastFetchAt < options.chaseMs) return schedule(options.chaseMs - (now - lastFetchAt));
    lastFetchAt = now;
    inFlight = (async () => {
      try {
        const { updateData, prices } = await fetchPriceUpdate({ client: hermes, feedIds });
        fetches.ok += 1;
        failures = 0;
        backoffMs = 0;
        nextAllowedAt = 0;
        metrics.hermesBackoffMs.set(0);
        const publishTime = Math.min(...prices.map((p) => p.publishTime));
        if (latest === undefined || publishTime > latest.publishTime) {
          latest = { updateData, prices, publishTime, receivedAtMs: Date.now() };
          metrics.pricePublishTime.set(publishTime);
          for (const waiter of waiters) {
            if (publishTime >= waiter.min) {
              waiters.delete(waiter);
              waiter.resolve(latest);
            }
          }
          for (const listener of listeners) {
            try {
              listener(latest);
            } catch (error) {
              logger.error({ error: String(error) }, "price listener failed");
            }
          }
        }
      } catch (error) {
        fetches.failed += 1;
        failures += 1;
        backoffMs = backoffDelay(failures, options.retry);
        nextAllowedAt = Date.now() + backoffMs;
        const classified = classifyError(error);
        metrics.hermesErrors.inc({ code: classified.kind === "hermes" ? classified.name : "other" });
        metrics.hermesBackoffMs.set(backoffMs);
        logger.warn(
          { error: classified.message, code: classified.name, failures, retryInMs: backoffMs },
          "Hermes fetch failed: backing off",
        );
      } finally {
        inFlight = undefined;
        schedule(nextDelay());
      }
    })();
    return inFlight;
  };

  return {
    setFeeds(ids) {
      feedIds = [...new Set(ids.map((id) => id.toLowerCase() as Hex))];
    },
    get latest() {
      return latest;
    },
    onUpdate: (listener) => listeners.push(listener),
    waitFor(minPublishTime, signal) {
      if (latest !== undefined && latest.publishTime >= minPublishTime) return Promise.resolve(latest);
      return new Promise<PriceSnapshot>((resolve, reject) => {
        const waiter = { min: minPublishTime, resolve };
        waiters.add(waiter);
        signal.addEventListener(
          "abort",
          () => {
            if (waiters.delete(waiter)) reject(signal.reason ?? new Error("aborted"));
          },
          { once: true },
        );
        if (failures === 0) void fetchNow();
      });
    },
    get consecutiveFailures() {
      return failures;
    },
    get backoffMs() {
      return backoffMs;
    },
    get fetches() {
      return { ...fetches };
    },
    start() {
      if (!stopped) return;
      stopped = false;
      void fetchNow();
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      for (const waiter of waiters) waiters.delete(waiter);
    },
  };
}
