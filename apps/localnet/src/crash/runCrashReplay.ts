import type { Kline, StressStep, SyntheticOrder } from "@bastion/risk";
import { loadKlinesFile } from "@bastion/risk/node";
import { createHermesClient } from "@bastion/sdk";
import { freezeTime, mineAt } from "../chain/anvilRpc.js";
import { readMarketFeeds } from "../chain/marketFeeds.js";
import { balancedPoolSeed, type PoolSeed } from "../chain/seedPools.js";
import type { StartLocalnetOptions } from "../options.js";
import { SteppedClock } from "../prices/steppedClock.js";
import { type Localnet, startLocalnet } from "../startLocalnet.js";
import { buildCrashReport } from "./buildCrashReport.js";
import type { ChainLiquidation } from "./chainLiquidations.js";
import { readChainSnapshot } from "./chainSnapshot.js";
import { crashPoolSeeds, generateCrashBook } from "./crashBook.js";
import type { CrashReplayReport } from "./crashReport.js";
import { type CrashSeries, localMarketSpecs, shiftedPricePath } from "./crashSeries.js";
import { createEngineTwin } from "./engineTwin.js";
import { type OpenBookResult, openBookOnChain } from "./openBookOnChain.js";
import { type ChainStep, createReplayDriver } from "./replayDriver.js";

/** How far ahead of the wall clock the replay's frozen chain clock starts, seconds. */
const CLOCK_LEAD_SECONDS = 600n;

/** Liquidity of a pool the crash window does not replay, USD. */
const IDLE_POOL_USD = 1_000_000n;

/** Options of {@link runCrashReplay}: the local exchange's (ports, host, web) plus the crash window and book. */
export interface CrashReplayOptions
  extends Omit<StartLocalnetOptions, "keeper" | "prices" | "hooks" | "poolUsd"> {
  /** Kline CSV of ETH (or of the market its file name starts with, e.g. `BTCUSDT-...`). */
  crash: string;
  /** Kline CSV of BTC, replayed on the BTC/USD market alongside. */
  crashBtc?: string | undefined;
  /** Synthetic traders. Default 200. */
  traders?: number;
  /** The book's seed (same seed, same book). Default 7. */
  seed?: number;
  /** How long the keeper may take at one path point. Default 120 s. */
  stepTimeoutMs?: number;
  /** Called once the stack is up and the book is open (e.g. to print the URLs). */
  onReady?(localnet: Localnet): void;
  /** Called after each path point. */
  onStep?(progress: CrashStepProgress): void;
}

/** One replayed path point, on both sides. */
export interface CrashStepProgress {
  step: number;
  steps: number;
  /** The point's real time (the replayed window's, not the chain's), Unix ms. */
  timeMs: number;
  /** Index price per replayed market, USD per whole token. */
  prices: number[];
  chain: ChainStep;
  engine: StressStep;
}

/** What {@link runCrashReplay} returns. */
export interface CrashReplayResult {
  report: CrashReplayReport;
  /** True when chain and engine agree on who got liquidated. */
  agree: boolean;
}

interface LoadedSeries {
  feed: "ETH" | "BTC";
  file: string;
  klines: Kline[];
}

/** Loads and checks the window's files before anything starts (a bad file fails fast). */
function loadSeries(options: CrashReplayOptions): LoadedSeries[] {
  const first = /(^|[\\/])BTC[-_]?(USDT|USDC|USD|BUSD)[^\\/]*$/i.test(options.crash) ? "BTC" : "ETH";
  const series: LoadedSeries[] = [
    { feed: first, file: options.crash, klines: loadKlinesFile(options.crash) },
  ];
  if (options.crashBtc !== undefined) {
    if (first === "BTC")
      throw new Error(`--crash ${options.crash} is already BTC's series; give ETH's with --crash`);
    series.push({ feed: "BTC", file: options.crashBtc, klines: loadKlinesFile(options.crashBtc) });
  }
  return series;
}

/** The open of the first bar of the common window. */
function firstPrice(series: readonly LoadedSeries[], s: LoadedSeries): number {
  const firstOpenMs = Math.max(...series.map((other) => other.klines[0]?.openTimeMs ?? 0));
  return (s.klines.find((bar) => bar.openTimeMs >= firstOpenMs) ?? s.klines[0])?.open ?? 0;
}

/**
 * Replays a real crash window on the local exchange: starts the stack (chain, price service with a
 * clock the replay moves, keeper, web app) with the chain's clock frozen, opens the risk package's
 * synthetic book on chain through the SDK at the window's first price, then walks the path point by
 * point (four per bar), waiting at each until the keeper has liquidated everything the mirror says
 * is liquidatable. The stress engine replays the same book (read from the chain once opened) and
 * path with zero latency, delay and slippage in lockstep; the report puts the chain's figures
 * (events and `getMarket(m).ledger`) beside the engine's and says whether both liquidated the same
 * positions. Everything it started is stopped before it returns or throws.
 *
 * @example
 * const { report, agree } = await runCrashReplay({ crash: "ETHUSDT-1m-2021-05-19.csv", traders: 200, seed: 7 });
 */
export async function runCrashReplay(options: CrashReplayOptions): Promise<CrashReplayResult> {
  const loaded = loadSeries(options);
  const traders = options.traders ?? 200;
  const seed = options.seed ?? 7;
  const log = options.log ?? (() => {});
  const clock = new SteppedClock(0);
  let series: CrashSeries[] = [];
  let orders: SyntheticOrder[] = [];
  const firstPrices = new Map<string, number>();
  let openTime = 0n;
  let book: OpenBookResult = { opened: [], rejected: [] };

  const localnet = await startLocalnet({
    ...options,
    keeper: true,
    prices: {},
    hooks: {
      priceService: {
        clock,
        confBps: 0,
        confVolatilityFactor: 0,
        startPrices: Object.fromEntries(loaded.map((s) => [s.feed, firstPrice(loaded, s)])),
      },
      // No margin proposals (the engine replays a fixed margin); prices polled often.
      // One liquidation at a time, in the keeper's (deterministic) scan order: the same run gives the
      // same figures.
      keeper: { margin: "off", priceIntervalMs: 100, liquidationConcurrency: 1 },
      async afterChain({ devchain, clients }) {
        const specs = localMarketSpecs(devchain.deployment);
        series = loaded.map((s) => ({ spec: specs[s.feed], feed: s.feed, klines: s.klines, file: s.file }));
        for (const s of loaded) firstPrices.set(specs[s.feed].market, firstPrice(loaded, s));
        orders = generateCrashBook(series, { traders, seed, firstPrices });
        // From here on the chain's clock moves only when the replay moves it. It starts ahead of the
        // wall clock (the keeper takes the later of the two as the chain's time) and, at 15 s per
        // path point, stays ahead.
        const latest = await clients.publicClient.getBlock();
        const ahead = BigInt(Math.floor(Date.now() / 1000)) + CLOCK_LEAD_SECONDS;
        const start = latest.timestamp + 1n > ahead ? latest.timestamp + 1n : ahead;
        await freezeTime(clients.publicClient);
        await mineAt(clients.publicClient, start);
        clock.set(Number(start) * 1000);
      },
      async afterPriceService({ clients, priceService }) {
        // Zero confidence and USDC at exactly $1, as the engine prices everything.
        const published = [
          priceService.setPrice("USDC", "1", { conf: 0n }),
          ...loaded.map((s) => priceService.setPrice(s.feed, String(firstPrice(loaded, s)), { conf: 0n })),
        ];
        openTime = BigInt(Math.floor(clock.now() / 1000)) + 1n;
        await mineAt(clients.publicClient, openTime);
        clock.set(Number(openTime) * 1000);
        await Promise.all(published);
      },
      async poolSeeds({ devchain, clients, priceService }) {
        const seeds: PoolSeed[] = crashPoolSeeds(series, orders, firstPrices);
        const hermes = createHermesClient({ endpoint: priceService.url, httpRetries: 0 });
        for (const market of [devchain.deployment.ethUsdMarket, devchain.deployment.btcUsdMarket]) {
          if (seeds.some((s) => s.market === market)) continue;
          seeds.push(
            await balancedPoolSeed(clients, {
              deployment: devchain.deployment,
              hermes,
              market,
              usd: IDLE_POOL_USD,
            }),
          );
        }
        return seeds;
      },
      async beforeKeeper({ devchain, clients, deployer, secondKeeper, priceService }) {
        log(
          `opening the book: ${orders.length} synthetic traders (seed ${seed}) at the window's first price`,
        );
        book = await openBookOnChain(clients, {
          deployment: devchain.deployment,
          orders,
          minter: deployer,
          executor: secondKeeper,
          hermes: createHermesClient({ endpoint: priceService.url, httpRetries: 0 }),
        });
      },
    },
  });

  try {
    options.onReady?.(localnet);
    return await replay(localnet, { options, series, book, orders, openTime, clock, traders, seed });
  } finally {
    await localnet.stop();
  }
}

interface ReplayInputs {
  options: CrashReplayOptions;
  series: CrashSeries[];
  book: OpenBookResult;
  orders: SyntheticOrder[];
  openTime: bigint;
  clock: SteppedClock;
  traders: number;
  seed: number;
}

async function replay(localnet: Localnet, inputs: ReplayInputs): Promise<CrashReplayResult> {
  const { options, series, book, clock } = inputs;
  const started = Date.now();
  const { clients, devchain } = localnet;
  const { deployment } = devchain;
  const markets = series.map((s) => s.spec.market);
  const before = await readChainSnapshot(clients.publicClient, { exchange: deployment.exchange, markets });
  const path = shiftedPricePath(series, inputs.openTime + 1n);
  const shiftMs = (path.timesMs[0] ?? 0) - Math.max(...series.map((s) => s.klines[0]?.openTimeMs ?? 0));

  const { engine, keyToOrder } = createEngineTwin(path, before, book);
  const indexFeedIds = await Promise.all(
    markets.map(
      async (market) =>
        (
          await readMarketFeeds(clients.publicClient, {
            exchange: deployment.exchange,
            oracle: deployment.oracle,
            market,
          })
        ).indexFeedId,
    ),
  );
  const driver = createReplayDriver({
    clients,
    deployment,
    priceService: localnet.priceService,
    clock,
    path,
    feeds: series.map((s) => s.feed),
    indexFeedIds,
    ...(options.stepTimeoutMs === undefined ? {} : { stepTimeoutMs: options.stepTimeoutMs }),
  });

  const chainLiquidations: ChainLiquidation[] = [];
  const chainFirst = new Map<number, number>();
  const engineFirst = new Map<number, number>();
  let ticks = 0;
  for (let step = 0; step < path.timesMs.length; step++) {
    options.signal?.throwIfAborted();
    const chainStep = await driver.step(step);
    const engineStep = engine.step();
    ticks += chainStep.confirmationTicks;
    for (const liquidation of chainStep.liquidations) {
      chainLiquidations.push(liquidation);
      const order = keyToOrder.get(liquidation.positionKey);
      if (order !== undefined && !chainFirst.has(order.id)) chainFirst.set(order.id, step);
    }
    for (const event of engineStep.liquidations) {
      if (!engineFirst.has(event.positionId)) engineFirst.set(event.positionId, step);
    }
    options.onStep?.({
      step,
      steps: path.timesMs.length,
      timeMs: (path.timesMs[step] ?? 0) - shiftMs,
      prices: path.prices.map((prices) => prices[step] ?? 0),
      chain: chainStep,
      engine: engineStep,
    });
  }
  const engineReport = engine.report();
  const after = await readChainSnapshot(clients.publicClient, { exchange: deployment.exchange, markets });
  const report = buildCrashReport({
    series,
    path,
    shiftMs,
    book,
    orders: inputs.orders,
    seed: inputs.seed,
    traders: inputs.traders,
    before,
    after,
    chainLiquidations,
    chainFirst,
    engineFirst,
    keyToOrder,
    engineReport,
    confirmationTicks: ticks,
    durationMs: Date.now() - started,
  });
  return { report, agree: report.comparison.agree };
}
