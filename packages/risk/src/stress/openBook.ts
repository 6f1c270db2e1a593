/**
 * Turns a synthetic book into on-chain state: markets with LP liquidity sized for the book, then
 * every order executed in book order through the mirror's `previewIncrease` (fees, price impact,
 * opening margin, open-interest and reserve checks), as the exchange would execute them.
 * @module
 */
import { isMirrorRevert, type MirrorRevert } from "../mirror/errors.js";
import { MAX_UINT256 } from "../mirror/evm.js";
import { previewIncrease } from "../mirror/logic/IncreaseLogic.js";
import type { MarketConfig, MarketState, PositionState } from "../mirror/types.js";
import { InvalidParameterError } from "../volatility/errors.js";
import { BookOpeningError, UnknownMarketError } from "./errors.js";
import {
  createStressMarketState,
  DEFAULT_MAINTENANCE_MARGIN_FACTOR_E30,
  defaultMarketConfig,
  marketPricesAt,
  type StressMarketSpec,
} from "./markets.js";
import type { SyntheticOrder } from "./syntheticBook.js";
import { priceE30PerUnit, USD_ONE_E30 } from "./units.js";

/** Parameters of {@link setUpStressMarkets}. */
export interface SetUpStressMarketsParameters {
  /** The markets, in path order. */
  specs: readonly StressMarketSpec[];
  /** The book the markets must be able to open. */
  orders: readonly SyntheticOrder[];
  /** Index price per market at the start (USD 30 decimals per unit), to value the LP deposit. */
  startPricesE30: readonly bigint[];
  /** Unix seconds the markets are created (rates accrue from here). */
  timestamp: bigint;
  /** Maintenance margin factor in force at the start; default 1% (the deploy script's). */
  maintenanceMarginFactorE30?: bigint;
  /** Market configuration; default {@link defaultMarketConfig} (open-interest caps raised to fit the book). */
  config?: MarketConfig;
  /**
   * LP liquidity per market and side as a multiple of the book's open interest on that side, in
   * basis points; default 20_000 (2x: utilization about 50%). Ignored when `poolUsd` is given.
   */
  liquidityMultipleBps?: bigint;
  /** LP liquidity per market in USD (30 decimals), half in the index token and half in USDC. */
  poolUsd?: bigint;
  /** Insurance fund per market in USD (30 decimals), held in USDC; default $100,000. */
  insuranceUsd?: bigint;
}

/**
 * Markets as `createMarket` + LP deposits would leave them, sized for `orders`: each side's pool
 * token holds `liquidityMultipleBps` of the book's open interest on that side (or `poolUsd` split
 * evenly), the open-interest caps are raised to at least twice the book's, and the insurance fund
 * holds `insuranceUsd` in USDC.
 */
export function setUpStressMarkets(parameters: SetUpStressMarketsParameters): MarketState[] {
  const multipleBps = parameters.liquidityMultipleBps ?? 20_000n;
  if (multipleBps <= 0n) throw new InvalidParameterError("liquidityMultipleBps", multipleBps, "> 0");
  const insuranceUsd = parameters.insuranceUsd ?? 100_000n * USD_ONE_E30;
  if (insuranceUsd < 0n) throw new InvalidParameterError("insuranceUsd", insuranceUsd, ">= 0");
  if (parameters.poolUsd !== undefined && parameters.poolUsd <= 0n) {
    throw new InvalidParameterError("poolUsd", parameters.poolUsd, "> 0");
  }
  const known = parameters.specs.map((spec) => spec.symbol);
  for (const order of parameters.orders) {
    if (!parameters.specs.some((spec) => spec.market === order.market)) {
      throw new UnknownMarketError(order.marketSymbol, known, `synthetic order ${order.id}`);
    }
  }
  return parameters.specs.map((spec, index) => {
    const price = parameters.startPricesE30[index];
    if (price === undefined || price <= 0n)
      throw new InvalidParameterError(`startPricesE30[${index}]`, price ?? 0n, "> 0");
    let longUsd = 0n;
    let shortUsd = 0n;
    for (const order of parameters.orders) {
      if (order.market !== spec.market) continue;
      if (order.isLong) longUsd += order.sizeDeltaUsd;
      else shortUsd += order.sizeDeltaUsd;
    }
    const config = structuredClone(parameters.config ?? defaultMarketConfig());
    if (config.risk.maxOpenInterestLongUsd < 2n * longUsd) config.risk.maxOpenInterestLongUsd = 2n * longUsd;
    if (config.risk.maxOpenInterestShortUsd < 2n * shortUsd)
      config.risk.maxOpenInterestShortUsd = 2n * shortUsd;
    const poolLongUsd =
      parameters.poolUsd === undefined ? (longUsd * multipleBps) / 10_000n : parameters.poolUsd / 2n;
    const poolShortUsd =
      parameters.poolUsd === undefined
        ? (shortUsd * multipleBps) / 10_000n
        : parameters.poolUsd - poolLongUsd;
    const stable = priceE30PerUnit(1, spec.shortToken.decimals);
    return createStressMarketState({
      spec,
      config,
      maintenanceMarginFactorE30:
        parameters.maintenanceMarginFactorE30 ?? DEFAULT_MAINTENANCE_MARGIN_FACTOR_E30,
      poolLongAmount: poolLongUsd / price,
      poolShortAmount: poolShortUsd / stable,
      insuranceShortAmount: insuranceUsd / stable,
      timestamp: parameters.timestamp,
    });
  });
}

/** A position the book opened. */
export interface OpenedPosition {
  order: SyntheticOrder;
  /** Index of its market in the markets array. */
  marketIndex: number;
  /** The position as `exchange.getPosition(key)` would return it after the order executed. */
  state: PositionState;
}

/** What {@link openSyntheticBook} returns. */
export interface OpenSyntheticBookReturnType {
  /** The markets after every order executed. */
  markets: MarketState[];
  positions: OpenedPosition[];
  /** Orders the contracts would have reverted, with the revert (only with `onRevert: "skip"`). */
  rejected: { order: SyntheticOrder; error: MirrorRevert }[];
}

/**
 * Executes the book's orders in order, each at its own entry price (index range min = max = entry,
 * USDC at $1) and block `timestamp`, through the mirror's `previewIncrease`. An order the contracts
 * would revert throws {@link BookOpeningError} (default) or, with `onRevert: "skip"`, is listed in
 * `rejected`.
 *
 * @example
 * const markets = setUpStressMarkets({ specs, orders, startPricesE30, timestamp });
 * const book = openSyntheticBook(specs, markets, orders, timestamp);
 */
export function openSyntheticBook(
  specs: readonly StressMarketSpec[],
  markets: readonly MarketState[],
  orders: readonly SyntheticOrder[],
  timestamp: bigint,
  options: { onRevert?: "throw" | "skip" } = {},
): OpenSyntheticBookReturnType {
  const states = [...markets];
  const positions: OpenedPosition[] = [];
  const rejected: { order: SyntheticOrder; error: MirrorRevert }[] = [];
  const known = specs.map((spec) => spec.symbol);
  for (const order of orders) {
    const marketIndex = specs.findIndex((spec) => spec.market === order.market);
    const spec = specs[marketIndex];
    const market = states[marketIndex];
    if (spec === undefined || market === undefined) {
      throw new UnknownMarketError(order.marketSymbol, known, `synthetic order ${order.id}`);
    }
    try {
      const preview = previewIncrease(
        market,
        undefined,
        {
          account: order.account,
          market: order.market,
          collateralToken: order.collateralToken,
          isLong: order.isLong,
          sizeDeltaUsd: order.sizeDeltaUsd,
          collateralDeltaAmount: order.collateralDeltaAmount,
          acceptablePrice: order.isLong ? MAX_UINT256 : 0n,
        },
        marketPricesAt(spec, { min: order.entryPriceE30, max: order.entryPriceE30 }),
        timestamp,
      );
      states[marketIndex] = preview.market;
      positions.push({ order, marketIndex, state: preview.position });
    } catch (error) {
      if (!isMirrorRevert(error)) throw error;
      rejected.push({ order, error });
    }
  }
  if (rejected.length > 0 && options.onRevert !== "skip") {
    const first = rejected[0];
    throw new BookOpeningError(
      rejected.length,
      orders.length,
      `order ${first?.order.id}: ${first?.error.message}`,
    );
  }
  return { markets: states, positions, rejected };
}
