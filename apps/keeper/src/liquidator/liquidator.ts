import { createLiquidationScanner } from "@bastion/risk";
import { liquidatePosition } from "@bastion/sdk";
import type { Address, Hex } from "viem";
import type { ChainWatcher } from "../chain/chainWatcher.js";
import type { TxRunner } from "../chain/txRunner.js";
import type { SendOptions } from "../executor/perform.js";
import type { Logger } from "../observability/logger.js";
import type { KeeperMetrics } from "../observability/metrics.js";
import type { PriceFeed, PriceSnapshot } from "../prices/priceFeed.js";
import type { MarketRegistry } from "../state/marketRegistry.js";
import type { PositionBook, TrackedPosition } from "../state/positionBook.js";
import { backoffDelay } from "../util/backoff.js";
import { classifyError } from "../util/errors.js";

/** Options of {@link createLiquidator}. */
export interface LiquidatorOptions {
  book: PositionBook;
  registry: MarketRegistry;
  priceFeed: PriceFeed;
  watcher: ChainWatcher;
  txRunner: TxRunner;
  send: SendOptions;
  metrics: KeeperMetrics;
  logger: Logger;
  concurrency: number;
  retry: { baseMs: number; maxMs: number };
  dryRun: boolean;
  /** Shortest gap between two scans caused by state changes (price updates scan at once), ms. */
  scanThrottleMs?: number;
}

/** The liquidator. */
export interface Liquidator {
  /** Scans now (also runs on every new price update and, throttled, after state changes). */
  scan(): void;
  /** Positions liquidated by this keeper so far. */
  readonly liquidated: number;
  start(): void;
  stop(): Promise<void>;
}

/** Seconds of slack kept below `maxPriceAge`, so an update is still fresh when the transaction lands. */
const FRESHNESS_SLACK = 5;

interface Job {
  label: string;
  market: Address;
  position: TrackedPosition;
}

/**
 * On every new Pyth update (and, throttled, after the state changes the events bring), checks every
 * open position of every market with the risk mirror (`createLiquidationScanner`: the market's
 * rates accrued once, then one exact `positionHealth` per position), queues those below maintenance
 * margin and liquidates them in parallel (`concurrency` at once), each with the newest update at the
 * moment it is sent. A liquidation the oracle's deviation guard defers is resubmitted with the next,
 * later update; per market, after a scan finds several, the first goes alone, so a deferral costs
 * one transaction, not one per position.
 */
export function createLiquidator(options: LiquidatorOptions): Liquidator {
  const { book, registry, priceFeed, watcher, txRunner, metrics, logger } = options;
  const throttleMs = options.scanThrottleMs ?? 250;
  const inFlight = new Set<Hex>();
  const running = new Set<Promise<void>>();
  const backoff = new Map<Hex, { attempts: number; nextAtMs: number }>();
  /** Per market: the publish time of the update a liquidation was deferred with. */
  const deferredAt = new Map<Address, number>();
  /** Per market: a probe liquidation is in flight; the others wait for its outcome. */
  const probing = new Set<Address>();
  const dryRunLogged = new Map<Hex, number>();
  /** Positions liquidated in a block the book has not caught up with yet. */
  const settledAt = new Map<Hex, bigint>();
  let queue: Job[] = [];
  let scanning = false;
  let rescan = false;
  let stopped = true;
  let liquidated = 0;
  let lastScanMs = 0;
  let throttled: NodeJS.Timeout | undefined;

  const freshSnapshot = (): PriceSnapshot | undefined => {
    const snapshot = priceFeed.latest;
    if (snapshot === undefined) return undefined;
    const maxPriceAge = Number(registry.settings.maxPriceAge);
    const oldest = Number(watcher.nextBlockTime()) - maxPriceAge + FRESHNESS_SLACK;
    return snapshot.publishTime >= oldest ? snapshot : undefined;
  };

  /** Scans soon: at once after a price update, at most every `throttleMs` after state changes. */
  const requestScan = (urgent: boolean) => {
    if (stopped) return;
    const wait = urgent ? 0 : lastScanMs + throttleMs - Date.now();
    if (wait <= 0) {
      scan();
      return;
    }
    throttled ??= setTimeout(() => {
      throttled = undefined;
      scan();
    }, wait);
  };

  const scan = () => {
    if (stopped) return;
    if (scanning) {
      rescan = true;
      return;
    }
    scanning = true;
    void (async () => {
      try {
        do {
          rescan = false;
          if (book.dirty) await book.flush();
          lastScanMs = Date.now();
          scanOnce();
          pump();
        } while (rescan && !stopped);
      } catch (error) {
        metrics.rpcErrors.inc({ operation: "readPositions" });
        logger.warn({ error: classifyError(error).message }, "position refresh failed");
      } finally {
        scanning = false;
      }
    })();
  };

  const scanOnce = () => {
    const snapshot = freshSnapshot();
    if (snapshot === undefined) return;
    const chainTime = watcher.nextBlockTime();
    const now = Date.now();
    const next: Job[] = [];
    for (const [key, block] of settledAt) if (book.syncedBlock >= block) settledAt.delete(key);
    for (const [, marketBook] of book.books) {
      const entry = registry.market(marketBook.market);
      if (entry === undefined) continue;
      let candidates: TrackedPosition[];
      try {
        const prices = registry.pricesFor(marketBook.market, snapshot.prices);
        candidates = createLiquidationScanner(marketBook.state, prices, chainTime).scan(
          marketBook.positions.values(),
        );
      } catch (error) {
        logger.warn(
          { market: entry.label, error: classifyError(error).message },
          "cannot price market for liquidation scan",
        );
        continue;
      }
      metrics.positionsScanned.inc({ market: entry.label }, marketBook.positions.size);
      const due = candidates.filter(
        (p) => !inFlight.has(p.key) && !settledAt.has(p.key) && (backoff.get(p.key)?.nextAtMs ?? 0) <= now,
      );
      if (due.length === 0) continue;
      if (options.dryRun) {
        for (const position of due) {
          if (dryRunLogged.get(position.key) === snapshot.publishTime) continue;
          dryRunLogged.set(position.key, snapshot.publishTime);
          metrics.requestsSkipped.inc({ kind: "liquidation", reason: "dry_run" });
          logger.info(
            {
              market: entry.label,
              positionKey: position.key,
              account: position.account,
              sizeUsd: position.sizeUsd,
              dryRun: true,
            },
            "dry run: would liquidate",
          );
        }
        continue;
      }
      logger.info(
        { market: entry.label, candidates: due.length, publishTime: snapshot.publishTime },
        "positions below maintenance margin",
      );
      for (const position of due) next.push({ label: entry.label, market: marketBook.market, position });
    }
    queue = next;
  };

  /** Starts queued liquidations while there is capacity. */
  const pump = () => {
    if (stopped) return;
    const snapshot = freshSnapshot();
    if (snapshot === undefined) return;
    while (queue.length > 0 && inFlight.size < options.concurrency) {
      const index = queue.findIndex(
        (job) => !probing.has(job.market) && (deferredAt.get(job.market) ?? -1) < snapshot.publishTime,
      );
      if (index < 0) return;
      const [job] = queue.splice(index, 1) as [Job];
      if (inFlight.has(job.position.key) || settledAt.has(job.position.key)) continue;
      // After a scan finds several in a market whose last attempt was deferred, or that has not been
      // liquidated at this update yet, the first goes alone: the deviation guard may hold the update.
      const probe =
        queue.some((other) => other.market === job.market) && !confirmedAt(job.market, snapshot.publishTime);
      if (probe) probing.add(job.market);
      launch(job, () => {
        if (probe) probing.delete(job.market);
      });
    }
  };

  /** Per market: the newest publish time a liquidation went through with (the guard accepted it). */
  const confirmed = new Map<Address, number>();
  const confirmedAt = (market: Address, publishTime: number) => (confirmed.get(market) ?? -1) >= publishTime;

  const launch = (job: Job, done: () => void) => {
    inFlight.add(job.position.key);
    const task = liquidate(job).finally(() => {
      inFlight.delete(job.position.key);
      running.delete(task);
      done();
      pump();
    });
    running.add(task);
  };

  const liquidate = async ({ label, market, position }: Job) => {
    const snapshot = freshSnapshot();
    if (stopped || snapshot === undefined) return;
    const key = position.key;
    try {
      const { outcome, hash, receipt } = await txRunner.run("liquidate", (signer) =>
        liquidatePosition(signer.client, {
          exchange: options.send.exchange,
          oracle: options.send.oracle,
          positionKey: key,
          priceUpdate: snapshot.updateData,
          gas: options.send.gas,
        }),
      );
      if (outcome.status === "deferred") {
        deferredAt.set(market, Math.max(deferredAt.get(market) ?? 0, snapshot.publishTime));
        metrics.liquidationsDeferred.inc({ market: label });
        logger.warn(
          { market: label, positionKey: key, hash, publishTime: snapshot.publishTime },
          "liquidation deferred by the oracle's deviation guard: resubmitting with the next update",
        );
        queue.unshift({ label, market, position });
        return;
      }
      confirmed.set(market, Math.max(confirmed.get(market) ?? 0, snapshot.publishTime));
      backoff.delete(key);
      settledAt.set(key, receipt.blockNumber);
      liquidated += 1;
      metrics.liquidations.inc({ market: label, partial: String(outcome.partial) });
      logger.info(
        {
          market: label,
          positionKey: key,
          account: position.account,
          sizeUsd: position.sizeUsd,
          partial: outcome.partial,
          hash,
          publishTime: snapshot.publishTime,
        },
        "position liquidated",
      );
    } catch (error) {
      const classified = classifyError(error);
      if (classified.kind === "gone") {
        backoff.delete(key);
        settledAt.set(key, watcher.head?.number ?? 0n);
        logger.info({ market: label, positionKey: key }, "position already closed or liquidated");
        return;
      }
      const attempts = (backoff.get(key)?.attempts ?? 0) + 1;
      const delay = backoffDelay(attempts, options.retry);
      backoff.set(key, { attempts, nextAtMs: Date.now() + delay });
      metrics.liquidationsFailed.inc({ market: label, error: classified.name });
      logger.warn(
        {
          market: label,
          positionKey: key,
          errorKind: classified.kind,
          error: classified.name,
          message: classified.message,
          attempt: attempts,
          retryInMs: delay,
        },
        "liquidation failed: retrying with backoff",
      );
    }
  };

  return {
    scan,
    get liquidated() {
      return liquidated;
    },
    start() {
      if (!stopped) return;
      stopped = false;
      priceFeed.onUpdate(() => requestScan(true));
      book.onChange(() => requestScan(false));
      scan();
    },
    async stop() {
      stopped = true;
      if (throttled) clearTimeout(throttled);
      queue = [];
      await Promise.allSettled([...running]);
    },
  };
}
