import { type BastionHermesClient, fetchPriceUpdate, getPendingRequests } from "@bastion/sdk";
import type { Chain, PublicClient, Transport } from "viem";
import type { ChainWatcher, EventBatch } from "../chain/chainWatcher.js";
import type { TxRunner } from "../chain/txRunner.js";
import type { Logger } from "../observability/logger.js";
import type { KeeperMetrics } from "../observability/metrics.js";
import type { PriceFeed } from "../prices/priceFeed.js";
import type { MarketRegistry } from "../state/marketRegistry.js";
import { backoffDelay } from "../util/backoff.js";
import { classifyError } from "../util/errors.js";
import { createLimiter } from "../util/limiter.js";
import { type Loop, startLoop } from "../util/loop.js";
import { type Decision, decide } from "./decide.js";
import { cancelExpiredRequest, executeRequest, type PerformResult, type SendOptions } from "./perform.js";
import {
  closedRequestId,
  fromCreatedEvent,
  fromPending,
  orderTypeName,
  requestKey,
  type TrackedRequest,
} from "./trackedRequest.js";

/** The decisions that lead to a send. */
type ActionDecision = Extract<Decision, { action: "execute" | "execute-at" | "cancel" }>;

/** Options of {@link createExecutor}. */
export interface ExecutorOptions {
  publicClient: PublicClient<Transport, Chain>;
  hermes: BastionHermesClient;
  watcher: ChainWatcher;
  priceFeed: PriceFeed;
  registry: MarketRegistry;
  txRunner: TxRunner;
  send: SendOptions;
  metrics: KeeperMetrics;
  logger: Logger;
  maxInFlight: number;
  reconcileIntervalMs: number;
  stuckAfterSeconds: number;
  retry: { baseMs: number; maxMs: number };
  dryRun: boolean;
}

/** The request executor. */
export interface Executor {
  /** Requests tracked now, by `kind:id`. */
  readonly pending: ReadonlyMap<string, Readonly<TrackedRequest>>;
  /** Reads the pending lists now (also runs every `reconcileIntervalMs`). */
  reconcile(): Promise<void>;
  start(): void;
  /** Stops scheduling and waits for the sends in flight. */
  stop(): Promise<void>;
}

/**
 * Executes pending deposits, withdrawals and orders with fresh Pyth updates, triggers limit and stop
 * orders when the risk mirror says the trigger is reached, and cancels expired market requests.
 *
 * Discovery: `*Created` events as blocks arrive (low latency), plus the chain's pending lists at
 * start and every `reconcileIntervalMs` (so requests created while the keeper was down, or missed,
 * are found). The only state is a map of what is pending on chain; a restart rebuilds it.
 */
export function createExecutor(options: ExecutorOptions): Executor {
  const { watcher, priceFeed, registry, txRunner, metrics, logger } = options;
  const tracked = new Map<string, TrackedRequest>();
  const limiter = createLimiter(options.maxInFlight);
  const running = new Set<Promise<void>>();
  const controller = new AbortController();
  const chasing = new Set<number>();
  let reconcileLoop: Loop | undefined;
  let ticker: NodeJS.Timeout | undefined;
  let started = false;

  const nowSeconds = () => Number(watcher.nextBlockTime());

  const add = (request: TrackedRequest, source: string) => {
    const key = requestKey(request.kind, request.id);
    const existing = tracked.get(key);
    if (existing) {
      if (request.seenAtBlock > existing.seenAtBlock) existing.seenAtBlock = request.seenAtBlock;
      return;
    }
    tracked.set(key, request);
    metrics.requestsSeen.inc({ kind: request.kind });
    logger.info(
      {
        kind: request.kind,
        id: request.id,
        market: registry.market(request.market)?.label ?? request.market,
        account: request.account,
        createdAt: request.createdAt,
        orderType: request.order ? orderTypeName(request.order.orderType) : undefined,
        source,
      },
      "request seen",
    );
  };

  const remove = (key: string) => {
    if (tracked.delete(key)) updateGauges();
  };

  const updateGauges = () => {
    const counts = { deposit: 0, withdrawal: 0, order: 0 };
    let stuck = 0;
    for (const request of tracked.values()) {
      counts[request.kind] += 1;
      if (request.stuckReported) stuck += 1;
    }
    for (const [kind, count] of Object.entries(counts)) metrics.pendingRequests.set({ kind }, count);
    metrics.stuckRequests.set(stuck);
  };

  const onBatch = (batch: EventBatch) => {
    let changed = false;
    for (const event of batch.events) {
      const created = fromCreatedEvent(event);
      if (created) {
        add(created, "event");
        changed = true;
        continue;
      }
      const closed = closedRequestId(event);
      if (closed !== undefined) {
        for (const kind of ["deposit", "withdrawal", "order"] as const) {
          const key = requestKey(kind, closed);
          const request = tracked.get(key);
          if (request && !request.running) remove(key);
        }
      }
      if (event.eventName === "SettingsUpdated") void registry.reload().catch(() => undefined);
    }
    if (changed) pump();
  };

  const reconcile = async () => {
    const blockNumber = await options.publicClient.getBlockNumber({ cacheTime: 0 });
    const pending = await getPendingRequests(options.publicClient, {
      exchange: options.send.exchange,
      blockNumber,
    });
    const onChain = new Set<string>();
    for (const request of pending) {
      onChain.add(requestKey(request.kind, request.id));
      add(fromPending(request, blockNumber), "pending-list");
    }
    for (const [key, request] of tracked) {
      if (!onChain.has(key) && request.seenAtBlock <= blockNumber && !request.running) remove(key);
    }
    updateGauges();
    pump();
  };

  const context = () => ({
    chainTime: nowSeconds(),
    requestExpiry: Number(registry.settings.requestExpiry),
    maxPriceAge: Number(registry.settings.maxPriceAge),
    latest: priceFeed.latest,
  });

  const pump = () => {
    if (!started || controller.signal.aborted) return;
    const now = Date.now();
    const base = context();
    const ordered = [...tracked.values()].sort((a, b) => a.createdAt - b.createdAt || Number(a.id - b.id));
    for (const request of ordered) {
      if (request.running || now < request.nextAttemptAtMs) continue;
      let decision: Decision;
      try {
        decision = decide(request, {
          ...base,
          indexRange: (snapshot) => registry.pricesFor(request.market, snapshot.prices).index,
        });
      } catch (error) {
        fail(request, "decide", error);
        continue;
      }
      checkStuck(request, decision, base.chainTime);
      if (decision.action === "wait-price") {
        chase(decision.minPublishTime);
        continue;
      }
      if (decision.action === "wait-trigger") {
        if (request.triggerCheckedAt !== decision.publishTime) {
          request.triggerCheckedAt = decision.publishTime;
          logger.debug(
            {
              kind: request.kind,
              id: request.id,
              price: decision.price,
              trigger: request.order?.triggerPrice,
              publishTime: decision.publishTime,
            },
            "trigger not reached",
          );
        }
        continue;
      }
      const action: ActionDecision = decision;
      if (options.dryRun) {
        dryRun(request, action);
        continue;
      }
      if (!limiter.hasCapacity) break;
      request.running = true;
      const task = limiter
        .run(() => perform(request, action))
        .finally(() => {
          request.running = false;
          running.delete(task);
          setImmediate(pump);
        });
      running.add(task);
    }
  };

  const chase = (minPublishTime: number) => {
    if (chasing.has(minPublishTime)) return;
    chasing.add(minPublishTime);
    priceFeed
      .waitFor(minPublishTime, controller.signal)
      .then(() => pump())
      .catch(() => undefined)
      .finally(() => chasing.delete(minPublishTime));
  };

  const dryRun = (request: TrackedRequest, decision: ActionDecision) => {
    const label = decision.action === "cancel" ? "cancel" : "execute";
    if (request.dryRunDecision === label) return;
    request.dryRunDecision = label;
    metrics.requestsSkipped.inc({ kind: request.kind, reason: "dry_run" });
    logger.info(
      {
        kind: request.kind,
        id: request.id,
        decision: label,
        dryRun: true,
        publishTime: decision.action === "execute" ? decision.snapshot.publishTime : undefined,
        action: decision.action,
      },
      `dry run: would ${label}`,
    );
  };

  const perform = async (request: TrackedRequest, decision: ActionDecision): Promise<void> => {
    const { kind, id } = request;
    const key = requestKey(kind, id);
    if (controller.signal.aborted) return;
    try {
      let result: PerformResult;
      if (decision.action === "cancel") {
        result = await txRunner.run(`cancel_${kind}`, (signer) =>
          cancelExpiredRequest(signer, kind, id, options.send),
        );
      } else {
        const update =
          decision.action === "execute"
            ? decision.snapshot.updateData
            : (
                await fetchPriceUpdate({
                  client: options.hermes,
                  feedIds: registry.feedIds(),
                  publishTime: decision.publishTime,
                })
              ).updateData;
        result = await txRunner.run(`execute_${kind}`, (signer) =>
          executeRequest(signer, kind, id, update, options.send),
        );
      }
      const latencySeconds = Date.now() / 1000 - request.createdAt;
      const fields = {
        kind,
        id,
        hash: result.hash,
        block: result.blockNumber,
        latencyMs: Math.round(latencySeconds * 1000),
      };
      if (result.status === "executed") {
        metrics.requestsExecuted.inc({ kind });
        metrics.executionLatency.observe({ kind }, latencySeconds);
        logger.info(fields, "request executed");
      } else if (result.status === "cancelled-by-execution") {
        metrics.requestsCancelled.inc({ kind, reason: "execution_failed" });
        metrics.executionLatency.observe({ kind }, latencySeconds);
        logger.warn(
          { ...fields, reason: result.reason.name, message: result.reason.message },
          "request failed its own conditions: cancelled and refunded",
        );
      } else {
        metrics.requestsCancelled.inc({ kind, reason: "expired" });
        logger.info(
          { ...fields, expiredAt: decision.action === "cancel" ? decision.expiredAt : undefined },
          "expired request cancelled: owner refunded",
        );
      }
      remove(key);
    } catch (error) {
      handleError(request, decision, error);
    }
  };

  const handleError = (request: TrackedRequest, decision: ActionDecision, error: unknown) => {
    const { kind, id } = request;
    const key = requestKey(kind, id);
    const classified = classifyError(error);
    if (classified.kind === "gone") {
      metrics.requestsGone.inc({ kind });
      logger.info(
        { kind, id, action: decision.action },
        "request already handled (another keeper or its owner)",
      );
      remove(key);
      return;
    }
    if (classified.kind === "contract") {
      if (classified.name === "TriggerPriceNotReached" && decision.action === "execute") {
        // The chain's view of the trigger differs from ours at this update: wait for the next one.
        request.triggerCheckedAt = decision.snapshot.publishTime;
        request.nextAttemptAtMs = Date.now() + 1000;
        logger.debug({ kind, id }, "trigger not reached on chain: waiting for the next update");
        return;
      }
      if (classified.name === "RequestNotCancellableYet" || classified.name === "RequestExpired") {
        request.nextAttemptAtMs = Date.now() + 1000;
        logger.info({ kind, id, error: classified.message }, "request timing: retrying shortly");
        return;
      }
    }
    if (classified.kind === "fee_cap") {
      metrics.requestsSkipped.inc({ kind, reason: "fee_cap" });
    } else {
      metrics.requestsFailed.inc({ kind, error: classified.name });
    }
    fail(request, decision.action, error);
  };

  const fail = (request: TrackedRequest, action: string, error: unknown) => {
    const classified = classifyError(error);
    request.attempts += 1;
    const delay = classified.kind === "nonce" ? 50 : backoffDelay(request.attempts, options.retry);
    request.nextAttemptAtMs = Date.now() + delay;
    request.lastError = `${classified.name}: ${classified.message}`;
    const log = classified.kind === "unknown" ? logger.error.bind(logger) : logger.warn.bind(logger);
    log(
      {
        kind: request.kind,
        id: request.id,
        action,
        errorKind: classified.kind,
        error: classified.name,
        message: classified.message,
        attempt: request.attempts,
        retryInMs: delay,
      },
      "request attempt failed: retrying with backoff",
    );
  };

  const checkStuck = (request: TrackedRequest, decision: Decision, chainTime: number) => {
    if (decision.action === "wait-trigger") {
      request.dueSinceMs = undefined;
      return;
    }
    if (!request.expires) request.dueSinceMs ??= Date.now();
    const age = request.expires
      ? chainTime - request.createdAt
      : (Date.now() - (request.dueSinceMs ?? Date.now())) / 1000;
    if (age <= options.stuckAfterSeconds || request.stuckReported) return;
    request.stuckReported = true;
    updateGauges();
    logger.warn(
      {
        kind: request.kind,
        id: request.id,
        ageSeconds: Math.round(age),
        attempts: request.attempts,
        lastError: request.lastError,
        waitingFor: decision.action,
      },
      "request stuck beyond threshold",
    );
  };

  return {
    pending: tracked,
    reconcile,
    start() {
      if (started) return;
      started = true;
      watcher.onBatch(onBatch);
      watcher.onReset(() => void reconcile().catch(() => undefined));
      priceFeed.onUpdate(() => pump());
      reconcileLoop = startLoop({
        name: "reconcile",
        intervalMs: options.reconcileIntervalMs,
        retry: options.retry,
        run: reconcile,
        onError(error, retryInMs, failures) {
          metrics.rpcErrors.inc({ operation: "getPendingRequests" });
          logger.warn(
            { error: classifyError(error).message, retryInMs, failures },
            "pending list read failed",
          );
        },
      });
      ticker = setInterval(pump, 250);
    },
    async stop() {
      started = false;
      controller.abort();
      if (ticker) clearInterval(ticker);
      await reconcileLoop?.stop();
      await Promise.allSettled([...running]);
    },
  };
}
