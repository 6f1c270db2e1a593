import { type BastionHermesClient, createHermesClient } from "@bastion/sdk";
import type { Address } from "viem";
import { type AdlRunner, createAdlRunner } from "./adl/adlRunner.js";
import { createAccountWatchdog } from "./chain/accountWatchdog.js";
import { type ChainWatcher, createChainWatcher } from "./chain/chainWatcher.js";
import { createKeeperClients, type KeeperClients } from "./chain/clients.js";
import { createFeeGuard } from "./chain/feeGuard.js";
import { createTxRunner } from "./chain/txRunner.js";
import { KeeperConfigError } from "./config/errors.js";
import { isResolvedConfig, redactConfig, resolveKeeperConfig } from "./config/resolveConfig.js";
import type { KeeperConfig, KeeperConfigInput } from "./config/schema.js";
import { createExecutor, type Executor } from "./executor/executor.js";
import { createLiquidator, type Liquidator } from "./liquidator/liquidator.js";
import { createCandlesHistorySource, type HistorySource } from "./margin/historySource.js";
import { createMarginProposer, type MarginProposer } from "./margin/marginProposer.js";
import { DEFAULT_SLIPPAGE } from "./margin/proposeMargin.js";
import { createKeeperLogger, type Logger } from "./observability/logger.js";
import { createKeeperMetrics, type KeeperMetrics } from "./observability/metrics.js";
import { type MetricsServer, startMetricsServer } from "./observability/metricsServer.js";
import { createPriceFeed, type PriceFeed } from "./prices/priceFeed.js";
import { loadMarketRegistry, type MarketRegistry } from "./state/marketRegistry.js";
import { createPositionBook, type PositionBook } from "./state/positionBook.js";
import { backoffDelay } from "./util/backoff.js";
import { classifyError } from "./util/errors.js";
import { type Loop, startLoop } from "./util/loop.js";
import { sleep } from "./util/sleep.js";

/** How long `stop()` waits for sends in flight before it stops waiting for their receipts, ms. */
const STOP_GRACE_MS = 10_000;

/** Options of {@link startKeeper} besides the configuration. */
export interface StartKeeperOptions {
  /** A pino logger (default: JSON lines on stdout at the configured level). */
  logger?: Logger;
  /** Where the margin proposer reads history (default: the candles API at `marginHistoryUrl`). */
  historySource?: HistorySource;
  /** Attempts to reach the RPC at start before giving up (default 5, with backoff). */
  startupAttempts?: number;
}

/** A running keeper. */
export interface Keeper {
  /** The validated configuration (secrets included: do not log it; see `redactConfig`). */
  config: KeeperConfig;
  metrics: KeeperMetrics;
  /** `http://host:port/metrics`, when the metrics server runs. */
  metricsUrl: string | undefined;
  /** The keeper's sending addresses. */
  addresses: readonly Address[];
  clients: KeeperClients;
  registry: MarketRegistry;
  priceFeed: PriceFeed;
  watcher: ChainWatcher;
  executor: Executor | undefined;
  positions: PositionBook | undefined;
  liquidator: Liquidator | undefined;
  adl: AdlRunner | undefined;
  margin: MarginProposer | undefined;
  logger: Logger;
  /** Stops every loop, waits for the sends in flight, closes the metrics server. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts a keeper: validates the configuration, checks the chain id against the node, loads the
 * markets, and starts the executor, liquidator, ADL runner and margin proposer that the
 * configuration enables, plus the `/metrics` server. Throws a `KeeperConfigError` for a bad
 * configuration (every bad field named) or a chain id mismatch.
 *
 * @example
 * const keeper = await startKeeper({ rpcUrl: "http://127.0.0.1:8545", hermesUrl: "http://127.0.0.1:8787" });
 * // ...
 * await keeper.stop();
 */
export async function startKeeper(
  input: KeeperConfigInput | KeeperConfig = {},
  options: StartKeeperOptions = {},
): Promise<Keeper> {
  const config = isResolvedConfig(input) ? input : await resolveKeeperConfig(input as KeeperConfigInput);
  const logger = options.logger ?? createKeeperLogger(config.logLevel);
  const retry = { baseMs: config.retryBaseMs, maxMs: config.retryMaxMs };
  const metrics = createKeeperMetrics();
  const clients = createKeeperClients({
    rpcUrl: config.rpcUrl,
    chainId: config.chainId,
    privateKeys: config.privateKeys,
    pollIntervalMs: config.pollIntervalMs,
    maxFeePerGasWei: config.maxFeePerGasWei,
  });
  const { publicClient } = clients;
  const addresses = clients.signers.map((s) => s.address);
  logger.info({ config: redactConfig(config), addresses }, "keeper starting");

  const attempts = options.startupAttempts ?? 5;
  const withStartupRetry = async <T>(what: string, read: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await read();
      } catch (error) {
        if (error instanceof KeeperConfigError || attempt >= attempts) throw error;
        const delay = backoffDelay(attempt, retry);
        metrics.rpcErrors.inc({ operation: what });
        logger.warn(
          { what, attempt, retryInMs: delay, error: classifyError(error).message },
          "startup read failed: retrying",
        );
        await sleep(delay);
      }
    }
  };

  const nodeChainId = await withStartupRetry("eth_chainId", () => publicClient.getChainId());
  if (nodeChainId !== config.chainId) {
    throw new KeeperConfigError([
      {
        field: "chainId",
        message: `configured ${config.chainId}, but the node at ${config.rpcUrl} is chain ${nodeChainId}`,
      },
    ]);
  }
  const registry = await withStartupRetry("loadMarkets", () =>
    loadMarketRegistry(publicClient, config.exchange, config.oracle),
  );
  const send = {
    exchange: config.exchange,
    oracle: registry.oracle,
    gas: config.gasLimit === 0 ? undefined : BigInt(config.gasLimit),
  };

  const hermes: BastionHermesClient = createHermesClient({
    endpoint: config.hermesUrl,
    apiKey: config.hermesApiKey,
    timeout: config.hermesTimeoutMs,
    httpRetries: 0,
  });
  const priceFeed = createPriceFeed({
    hermes,
    intervalMs: config.priceIntervalMs,
    chaseMs: 100,
    retry,
    metrics,
    logger,
  });
  priceFeed.setFeeds(registry.feedIds());
  const watcher = createChainWatcher({
    publicClient,
    exchange: config.exchange,
    intervalMs: config.pollIntervalMs,
    retry,
    metrics,
    logger,
  });
  const feeGuard = createFeeGuard(
    publicClient,
    config.maxFeePerGasWei,
    Math.max(500, config.pollIntervalMs),
    clients.fees,
  );
  const txRunner = createTxRunner({ signers: clients.signers, feeGuard, metrics, logger });
  const watchdog = createAccountWatchdog({
    publicClient,
    txRunner,
    metrics,
    logger,
    dryRun: config.dryRun,
    receiptsPending: () => clients.receipts.pending,
  });

  const loops: Loop[] = [];
  const executor = config.executor
    ? createExecutor({
        publicClient,
        hermes,
        watcher,
        priceFeed,
        registry,
        txRunner,
        send,
        metrics,
        logger,
        maxInFlight: config.maxInFlight,
        reconcileIntervalMs: config.reconcileIntervalMs,
        stuckAfterSeconds: config.stuckAfterSeconds,
        retry,
        dryRun: config.dryRun,
      })
    : undefined;

  const needsPositions = config.liquidator || config.adl;
  const positions = needsPositions
    ? createPositionBook({ publicClient, exchange: config.exchange, registry, metrics, logger })
    : undefined;
  const liquidator =
    positions && config.liquidator
      ? createLiquidator({
          book: positions,
          registry,
          priceFeed,
          watcher,
          txRunner,
          send,
          metrics,
          logger,
          concurrency: config.liquidationConcurrency,
          batchSize: config.liquidationBatchSize,
          retry,
          dryRun: config.dryRun,
        })
      : undefined;
  const adl =
    positions && config.adl
      ? createAdlRunner({
          book: positions,
          registry,
          priceFeed,
          txRunner,
          send,
          metrics,
          logger,
          dryRun: config.dryRun,
        })
      : undefined;

  const margin =
    config.margin === "off"
      ? undefined
      : createMarginProposer({
          registry,
          history:
            options.historySource ??
            createCandlesHistorySource(config.marginHistoryUrl, {
              headers:
                config.hermesApiKey !== undefined &&
                new URL(config.marginHistoryUrl).origin === new URL(config.hermesUrl).origin
                  ? { Authorization: `Bearer ${config.hermesApiKey}` }
                  : {},
            }),
          watcher,
          txRunner,
          exchange: config.exchange,
          gas: send.gas,
          mode: config.margin,
          dryRun: config.dryRun,
          historyMinutes: config.marginHistoryMinutes,
          calibration: {
            oracleLatencySeconds: config.marginOracleLatencySeconds,
            liquidationDelaySeconds: config.marginLiquidationDelaySeconds,
            targetShortfallProbability: config.marginTargetProbability,
            slippage: DEFAULT_SLIPPAGE,
            minBars: config.marginMinBars,
          },
          metrics,
          logger,
        });

  watcher.onBatch((batch) => {
    positions?.apply(batch);
    if (batch.events.some((e) => e.eventName === "MarketCreated")) {
      void registry
        .reload()
        .then(() => {
          priceFeed.setFeeds(registry.feedIds());
          return positions?.refreshAll();
        })
        .catch((error: unknown) =>
          logger.warn({ error: classifyError(error).message }, "market reload failed"),
        );
    }
  });
  watcher.onReset(() => void positions?.refreshAll().catch(() => undefined));

  let metricsServer: MetricsServer | undefined;
  if (config.metrics) {
    metricsServer = await startMetricsServer(metrics.registry, {
      host: config.metricsHost,
      port: config.metricsPort,
      health: () => ({
        pendingRequests: executor?.pending.size,
        latestPublishTime: priceFeed.latest?.publishTime,
        head: watcher.head?.number.toString(),
        hermesFailures: priceFeed.consecutiveFailures,
      }),
    });
  }

  watcher.start();
  priceFeed.start();
  loops.push(
    startLoop({
      name: "accounts",
      intervalMs: config.accountCheckIntervalMs,
      retry,
      run: () => watchdog.check(),
      onError: (error, retryInMs) => {
        metrics.rpcErrors.inc({ operation: "accounts" });
        logger.warn({ error: classifyError(error).message, retryInMs }, "account check failed");
      },
    }),
  );
  if (positions) {
    loops.push(
      startLoop({
        name: "positions",
        intervalMs: config.positionRefreshIntervalMs,
        retry,
        run: () => positions.refreshAll(),
        onError: (error, retryInMs) => {
          metrics.rpcErrors.inc({ operation: "readAllPositions" });
          logger.warn({ error: classifyError(error).message, retryInMs }, "position refresh failed");
        },
      }),
    );
  }
  executor?.start();
  liquidator?.start();
  adl?.start();
  if (margin) {
    loops.push(
      startLoop({
        name: "margin",
        intervalMs: config.marginIntervalMs,
        retry,
        run: async () => {
          await margin.run();
        },
        onError: (error, retryInMs) =>
          logger.warn({ error: classifyError(error).message, retryInMs }, "margin run failed"),
      }),
    );
  }
  logger.info(
    {
      addresses,
      markets: registry.markets.map((m) => m.label),
      metrics: metricsServer?.url,
      executor: config.executor,
      liquidator: config.liquidator,
      adl: config.adl,
      margin: config.margin,
      dryRun: config.dryRun,
    },
    "keeper started",
  );

  let stopping: Promise<void> | undefined;
  return {
    config,
    metrics,
    metricsUrl: metricsServer?.url,
    addresses,
    clients,
    registry,
    priceFeed,
    watcher,
    executor,
    positions,
    liquidator,
    adl,
    margin,
    logger,
    stop() {
      stopping ??= (async () => {
        logger.info("keeper stopping");
        // Sends in flight are on chain already: give them a moment to land, then stop waiting.
        const stopped = Promise.allSettled([
          executor?.stop(),
          liquidator?.stop(),
          adl?.stop(),
          ...loops.map((loop) => loop.stop()),
        ]);
        await Promise.race([stopped, sleep(STOP_GRACE_MS)]);
        clients.receipts.stop();
        await stopped;
        priceFeed.stop();
        await watcher.stop();
        await metricsServer?.stop();
        logger.info("keeper stopped");
      })();
      return stopping;
    },
  };
}
