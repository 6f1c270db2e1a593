import { createLiquidationScanner } from "@bastion/risk";
import { liquidatePositions } from "@bastion/sdk";
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
  /** Liquidation transactions in flight at once. */
  concurrency: number;
  /** Most positions liquidated by one transaction (`liquidatePositions`). */
  batchSize: number;
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

/**
 * Gas each position after the first adds to a batch's limit: a full liquidation in a batch costs
 * about 139,000 after refunds (contracts/GAS.md), at most about 175,000 before them.
 */
export const BATCH_GAS_PER_EXTRA_POSITION = 300_000n;

/**
 * A batch's gas limit: the keeper's fixed limit (which covers the oracle update and one position)
 * plus {@link BATCH_GAS_PER_EXTRA_POSITION} per further position; undefined (estimate) when the
 * keeper estimates. A fixed limit saves the node an estimation, which for a large batch costs a
 * dozen runs of the whole transaction.
 */
export function batchGasLimit(fixed: bigint | undefined, positions: number): bigint | undefined {
  return fixed === undefined ? undefined : fixed + BigInt(positions - 1) * BATCH_GAS_PER_EXTRA_POSITION;
}

/** One `liquidatePositions` transaction: positions of one market. */
interface Job {
  label: string;
  market: Address;
  positions: TrackedPosition[];
}

/**
 * On every new Pyth update (and, throttled, after the state changes the events bring), checks every
 * open position of every market with the risk mirror (`createLiquidationScanner`: the market's
 * rates accrued once, then one exact `positionHealth` per position), queues those below maintenance
 * margin in batches of up to `batchSize` per market, and sends the batches in parallel
 * (`concurrency` at once) through `liquidatePositions`, each with the newest update at the moment it
 * is sent: one oracle verification per batch instead of per position. A batch the oracle's deviation
 * guard defers is resubmitted with the next, later update; per market, after a scan finds several
 * batches, the first goes alone, so a deferral costs one transaction. A listed position the contract
 * skips (closed by someone else meanwhile, or no longer below maintenance) is looked at again once
 * the position book has caught up with that block.
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
      for (let i = 0; i < due.length; i += options.batchSize) {
        next.push({
          label: entry.label,
          market: marketBook.market,
          positions: due.slice(i, i + options.batchSize),
        });
      }
    }
    queue = next;
  };

  /** Starts queued liquidations while there is capacity. */
  const pump = () => {
    if (stopped) return;
    const snapshot = freshSnapshot();
    if (snapshot === undefined) return;
    while (queue.length > 0 && running.size < options.concurrency) {
      const index = queue.findIndex(
        (job) => !probing.has(job.market) && (deferredAt.get(job.market) ?? -1) < snapshot.publishTime,
      );
      if (index < 0) return;
      const [queued] = queue.splice(index, 1) as [Job];
      const positions = queued.positions.filter((p) => !inFlight.has(p.key) && !settledAt.has(p.key));
      if (positions.length === 0) continue;
      const job = { ...queued, positions };
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
    for (const position of job.positions) inFlight.add(position.key);
    const task = liquidate(job).finally(() => {
      for (const position of job.positions) inFlight.delete(position.key);
      running.delete(task);
      done();
      pump();
    });
    running.add(task);
  };

  const liquidate = async (job: Job) => {
    const { label, market, positions } = job;
    const snapshot = freshSnapshot();
    if (stopped || snapshot === undefined) return;
    const keys = positions.map((position) => position.key);
    try {
      const { outcome, hash, receipt } = await txRunner.run("liquidate", (signer) =>
        liquidatePositions(signer.client, {
          exchange: options.send.exchange,
          oracle: options.send.oracle,
          market,
          positionKeys: keys,
          priceUpdate: snapshot.updateData,
          gas: batchGasLimit(options.send.gas, keys.length),
        }),
      );
      if (outcome.status === "deferred") {
        deferredAt.set(market, Math.max(deferredAt.get(market) ?? 0, snapshot.publishTime));
        metrics.liquidationsDeferred.inc({ market: label });
        logger.warn(
          { market: label, positions: keys.length, hash, publishTime: snapshot.publishTime },
          "liquidation deferred by the oracle's deviation guard: resubmitting with the next update",
        );
        queue.unshift(job);
        return;
      }
      confirmed.set(market, Math.max(confirmed.get(market) ?? 0, snapshot.publishTime));
      const byKey = new Map(positions.map((position) => [position.key, position]));
      for (const liquidation of outcome.liquidations) {
        const key = liquidation.positionKey;
        backoff.delete(key);
        settledAt.set(key, receipt.blockNumber);
        liquidated += 1;
        metrics.liquidations.inc({ market: label, partial: String(liquidation.partial) });
        logger.info(
          {
            market: label,
            positionKey: key,
            account: liquidation.account,
            sizeUsd: byKey.get(key)?.sizeUsd,
            partial: liquidation.partial,
            hash,
            publishTime: snapshot.publishTime,
          },
          "position liquidated",
        );
      }
      const done = new Set(outcome.liquidations.map((liquidation) => liquidation.positionKey));
      for (const key of keys) {
        if (done.has(key)) continue;
        // Closed by someone else meanwhile, or no longer below maintenance at execution: look again
        // once the book has caught up with this block.
        settledAt.set(key, receipt.blockNumber);
        logger.info(
          { market: label, positionKey: key, hash },
          "position skipped by the batch: already closed or no longer below maintenance",
        );
      }
    } catch (error) {
      const classified = classifyError(error);
      metrics.liquidationsFailed.inc({ market: label, error: classified.name });
      let retryInMs = 0;
      for (const key of keys) {
        const attempts = (backoff.get(key)?.attempts ?? 0) + 1;
        const delay = backoffDelay(attempts, options.retry);
        backoff.set(key, { attempts, nextAtMs: Date.now() + delay });
        retryInMs = Math.max(retryInMs, delay);
      }
      logger.warn(
        {
          market: label,
          positions: keys.length,
          errorKind: classified.kind,
          error: classified.name,
          message: classified.message,
          retryInMs,
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
