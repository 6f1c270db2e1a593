/**
 * One call from price series to report: build the path, generate and open the synthetic book, plan
 * the maintenance margin, replay. `prepareStressScenario` does the parts that do not depend on the
 * margin plan once, so fixed and volatility-aware margins replay exactly the same book on the same path.
 * @module
 */
import type { MarginScheduleMethod } from "../calibration/volatilityAwareMarginSchedule.js";
import type { Kline } from "../market-data/kline.js";
import type { MarketConfig, MarketState } from "../mirror/types.js";
import { InvalidParameterError } from "../volatility/errors.js";
import { createStressEngine, type StressEngine } from "./engine.js";
import {
  type MaintenanceMarginPlan,
  maintenanceMarginPlan,
  type StressMarginParameters,
} from "./marginPlan.js";
import { defaultMarketConfig, type StressMarketSpec } from "./markets.js";
import { type OpenedPosition, openSyntheticBook, setUpStressMarkets } from "./openBook.js";
import { buildPricePath, type PricePath } from "./pricePath.js";
import { generateSyntheticBook, type SyntheticBookParameters, type SyntheticOrder } from "./syntheticBook.js";
import type { StressReport } from "./types.js";
import { USD_ONE_E30 } from "./units.js";

/** Parameters of {@link prepareStressScenario}. */
export interface StressScenarioParameters {
  /** One or two (or more) markets with their bars; the replay runs on their common window. */
  series: readonly { spec: StressMarketSpec; klines: readonly Kline[] }[];
  /** The synthetic book; the markets and entry prices come from the series. */
  book: Omit<SyntheticBookParameters, "markets"> & {
    /** Relative order weight per market (series order); default equal. */
    marketWeights?: readonly number[];
  };
  /** Market configuration for every market; default the deploy script's ({@link defaultMarketConfig}). */
  config?: MarketConfig;
  /** LP liquidity per side as a multiple of the book's open interest, bps; default 20,000 (2x). */
  liquidityMultipleBps?: bigint;
  /** LP liquidity per market in USD (30 decimals); overrides `liquidityMultipleBps`. */
  poolUsd?: bigint;
  /** Insurance fund per market, USD (30 decimals); default $100,000. */
  insuranceUsd?: bigint;
  /** Oracle latency and liquidation delay (seconds) and liquidation slippage (bps). */
  latencySeconds: number;
  delaySeconds: number;
  slippageBps: number;
}

/** A path with its book opened, ready to replay under any margin plan. */
export interface PreparedStressScenario {
  parameters: StressScenarioParameters;
  path: PricePath;
  orders: SyntheticOrder[];
  /** Markets after the book opened (path order). */
  markets: MarketState[];
  positions: OpenedPosition[];
}

/**
 * Builds the path, generates the book (entry prices around each market's first price) and opens it
 * one block before the path starts, on markets sized for it.
 */
export function prepareStressScenario(parameters: StressScenarioParameters): PreparedStressScenario {
  const path = buildPricePath(parameters.series.map((input) => ({ spec: input.spec, klines: input.klines })));
  const weights = parameters.book.marketWeights;
  if (weights !== undefined && weights.length !== path.markets.length) {
    throw new InvalidParameterError(
      "book.marketWeights",
      weights.length,
      `one weight per market (${path.markets.length})`,
    );
  }
  const { marketWeights: _, ...bookParameters } = parameters.book;
  const orders = generateSyntheticBook({
    ...bookParameters,
    markets: path.markets.map((spec, index) => ({
      spec,
      entryPrice: path.prices[index]?.[0] ?? 0,
      weight: weights?.[index] ?? 1,
    })),
  });
  const openedAt = BigInt(Math.floor((path.timesMs[0] ?? 0) / 1000) - 1);
  const startPricesE30 = path.pricesE30.map((series) => series[0] ?? 0n);
  const setUp = {
    specs: path.markets,
    orders,
    startPricesE30,
    timestamp: openedAt,
    config: parameters.config ?? defaultMarketConfig(),
    ...(parameters.liquidityMultipleBps === undefined
      ? {}
      : { liquidityMultipleBps: parameters.liquidityMultipleBps }),
    ...(parameters.poolUsd === undefined ? {} : { poolUsd: parameters.poolUsd }),
    ...(parameters.insuranceUsd === undefined ? {} : { insuranceUsd: parameters.insuranceUsd }),
  };
  const opened = openSyntheticBook(path.markets, setUpStressMarkets(setUp), orders, openedAt);
  return { parameters, path, orders, markets: opened.markets, positions: opened.positions };
}

/** A replay's margin choice in plain terms (what the CLI's `--margin` selects). */
export type StressMarginChoice =
  | { kind: "fixed"; factorE30: bigint }
  | {
      kind: "vol-aware";
      initialFactorE30: bigint;
      /** Calibrator; default parametric (EWMA + Student-t) with the replay's latency, delay and slippage. */
      method?: MarginScheduleMethod;
      /** Target probability that a position at maintenance ends in shortfall; default 0.001. */
      targetShortfallProbability?: number;
      windowBars?: number;
      updateEveryBars?: number;
    };

/**
 * The margin parameters for a choice: for `vol-aware` without a method, the parametric calibrator
 * sized for exactly what the replay charges (latency + delay horizon, the slippage, the close fee).
 */
export function stressMarginParameters(
  scenario: PreparedStressScenario,
  choice: StressMarginChoice,
): StressMarginParameters {
  if (choice.kind === "fixed") return choice;
  const config = scenario.markets[0]?.config ?? defaultMarketConfig();
  const method: MarginScheduleMethod = choice.method ?? {
    kind: "parametric",
    parameters: {
      oracleLatencySeconds: scenario.parameters.latencySeconds,
      liquidationDelaySeconds: scenario.parameters.delaySeconds,
      slippage: {
        fixedBps: scenario.parameters.slippageBps,
        impactBpsAtDepth: 0,
        referenceSizeUsd: 0n,
        depthUsd: USD_ONE_E30,
        crashMultiplier: 1,
      },
      closeFeeFactorE30: config.fees.positionFeeFactorNegativeImpact,
      targetShortfallProbability: choice.targetShortfallProbability ?? 0.001,
    },
  };
  return {
    kind: "vol-aware",
    initialFactorE30: choice.initialFactorE30,
    method,
    windowBars: choice.windowBars ?? 30,
    updateEveryBars: choice.updateEveryBars ?? 5,
  };
}

/** An engine for a prepared scenario under a margin choice (the same book and path every time). */
export function createScenarioEngine(
  scenario: PreparedStressScenario,
  choice: StressMarginChoice,
): { engine: StressEngine; plan: MaintenanceMarginPlan } {
  const plan = maintenanceMarginPlan(
    scenario.path,
    scenario.markets.map((m) => m.config),
    stressMarginParameters(scenario, choice),
  );
  const engine = createStressEngine({
    path: scenario.path,
    markets: scenario.markets,
    positions: scenario.positions,
    marginPlan: plan,
    latencySeconds: scenario.parameters.latencySeconds,
    delaySeconds: scenario.parameters.delaySeconds,
    slippageBps: scenario.parameters.slippageBps,
  });
  return { engine, plan };
}

/**
 * Replays a prepared scenario under a margin choice and returns the report.
 *
 * @example
 * const scenario = prepareStressScenario({ series: [{ spec: stressMarketSpec("ETH"), klines }],
 *   book: { count: 10_000, seed: 7 }, latencySeconds: 2, delaySeconds: 10, slippageBps: 10 });
 * const fixed = runStressScenario(scenario, { kind: "fixed", factorE30: 10n ** 28n });
 * const volAware = runStressScenario(scenario, { kind: "vol-aware", initialFactorE30: 10n ** 28n });
 */
export function runStressScenario(
  scenario: PreparedStressScenario,
  choice: StressMarginChoice,
): StressReport {
  return createScenarioEngine(scenario, choice).engine.run();
}
