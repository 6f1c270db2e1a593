/**
 * A seeded synthetic book of isolated positions: the orders a crowd of traders would have placed
 * just before a price path starts. The same parameters and seed always give the same orders, so the
 * local exchange's on-chain replay can open exactly this book and compare who got liquidated.
 * @module
 */
import type { Address } from "viem";
import { InvalidParameterError } from "../volatility/errors.js";
import type { StressMarketSpec } from "./markets.js";
import { seededRandom } from "./random.js";
import { priceE30PerUnit, usdToE30 } from "./units.js";

/** A log-normal distribution clamped to [min, max]: `median x exp(sigma x N(0, 1))`. */
export interface ClampedLogNormal {
  median: number;
  sigma: number;
  min: number;
  max: number;
}

/** A market the book trades, with the price the path starts at. */
export interface SyntheticBookMarket {
  spec: StressMarketSpec;
  /** USD per whole index token at the start of the path (the first bar's open). */
  entryPrice: number;
  /** Relative weight of this market in the order count; default 1. */
  weight?: number;
}

/** Parameters of {@link generateSyntheticBook}. */
export interface SyntheticBookParameters {
  /** Number of positions. */
  count: number;
  /** Integer seed. */
  seed: number;
  markets: readonly SyntheticBookMarket[];
  /** Position size in USD. Default median $5,000, sigma 1.2, clamped to [$50, $2,000,000]. */
  sizeUsd?: ClampedLogNormal;
  /** Leverage (size / collateral value). Default median 8, sigma 0.7, clamped to [1.1, 40]. */
  leverage?: ClampedLogNormal;
  /** Share of longs; default 0.55. */
  longShare?: number;
  /** Share of positions whose collateral is the index token (WETH, WBTC) instead of USDC; default 0.3. */
  indexTokenCollateralShare?: number;
  /** Relative standard deviation of entry prices around the first price; default 0.002 (clamped to 4 sd). */
  entrySpread?: number;
}

/** Default size distribution of {@link generateSyntheticBook}. */
export const DEFAULT_BOOK_SIZE_USD: ClampedLogNormal = { median: 5_000, sigma: 1.2, min: 50, max: 2_000_000 };
/** Default leverage distribution of {@link generateSyntheticBook}. */
export const DEFAULT_BOOK_LEVERAGE: ClampedLogNormal = { median: 8, sigma: 0.7, min: 1.1, max: 40 };

/** One synthetic increase order, in the contracts' units. */
export interface SyntheticOrder {
  /** 0-based index in the book: the identity used to compare engine and chain. */
  id: number;
  /** A distinct account per order (so each order opens its own position). */
  account: Address;
  market: Address;
  marketSymbol: string;
  isLong: boolean;
  collateralToken: Address;
  /** Whether the collateral is the index (= long pool) token rather than the stablecoin. */
  collateralIsIndexToken: boolean;
  /** Size in USD, 30 decimals (whole cents). */
  sizeDeltaUsd: bigint;
  /** Collateral in the collateral token's smallest unit. */
  collateralDeltaAmount: bigint;
  /** Index price the order executes at: USD with 30 decimals per smallest index-token unit. */
  entryPriceE30: bigint;
  /** Sampled leverage (size / collateral value), for statistics. */
  leverage: number;
}

const ENTRY_SCALE = 1_000_000_000;

function checkShare(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new InvalidParameterError(name, value, "a number in [0, 1]");
}

function checkLogNormal(name: string, d: ClampedLogNormal, lowest: number): void {
  if (!Number.isFinite(d.median) || d.median <= 0)
    throw new InvalidParameterError(`${name}.median`, d.median, "> 0");
  if (!Number.isFinite(d.sigma) || d.sigma < 0)
    throw new InvalidParameterError(`${name}.sigma`, d.sigma, ">= 0");
  if (!Number.isFinite(d.min) || d.min < lowest)
    throw new InvalidParameterError(`${name}.min`, d.min, `>= ${lowest}`);
  if (!Number.isFinite(d.max) || d.max < d.min)
    throw new InvalidParameterError(`${name}.max`, d.max, `>= min (${d.min})`);
}

/** The synthetic account of order `id`: `0xacc0` followed by the id in hex. */
export function syntheticAccount(id: number): Address {
  return `0xacc0${id.toString(16).padStart(36, "0")}`;
}

/**
 * Generates a seeded synthetic book: for each order a market (by weight), a side (`longShare`), a
 * collateral token (`indexTokenCollateralShare`), a size and a leverage (clamped log-normals) and an
 * entry price around the market's first price. Every order draws the same number of variates, so
 * changing one distribution does not reshuffle the others.
 *
 * @example
 * const orders = generateSyntheticBook({
 *   count: 10_000, seed: 7,
 *   markets: [{ spec: stressMarketSpec("ETH"), entryPrice: klines[0].open }],
 * });
 */
export function generateSyntheticBook(parameters: SyntheticBookParameters): SyntheticOrder[] {
  const { count, seed, markets } = parameters;
  if (!Number.isInteger(count) || count < 0)
    throw new InvalidParameterError("count", count, "an integer >= 0");
  if (markets.length === 0) throw new InvalidParameterError("markets", 0, "at least one market");
  const size = parameters.sizeUsd ?? DEFAULT_BOOK_SIZE_USD;
  const leverage = parameters.leverage ?? DEFAULT_BOOK_LEVERAGE;
  const longShare = parameters.longShare ?? 0.55;
  const indexCollateralShare = parameters.indexTokenCollateralShare ?? 0.3;
  const entrySpread = parameters.entrySpread ?? 0.002;
  checkLogNormal("sizeUsd", size, 0.01);
  checkLogNormal("leverage", leverage, 1);
  checkShare("longShare", longShare);
  checkShare("indexTokenCollateralShare", indexCollateralShare);
  if (!Number.isFinite(entrySpread) || entrySpread < 0 || entrySpread >= 0.2) {
    throw new InvalidParameterError("entrySpread", entrySpread, "a number in [0, 0.2)");
  }
  const weights = markets.map((market) => market.weight ?? 1);
  weights.forEach((weight, index) => {
    if (!Number.isFinite(weight) || weight < 0)
      throw new InvalidParameterError(`markets[${index}].weight`, weight, ">= 0");
  });
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  if (totalWeight <= 0) throw new InvalidParameterError("markets weights", totalWeight, "a positive sum");
  const basePrices = markets.map((market) =>
    priceE30PerUnit(market.entryPrice, market.spec.indexToken.decimals),
  );

  const random = seededRandom(seed);
  const clampedLogNormal = (d: ClampedLogNormal): number =>
    Math.min(d.max, Math.max(d.min, d.median * Math.exp(d.sigma * random.normal())));
  const orders: SyntheticOrder[] = [];
  for (let id = 0; id < count; id++) {
    // Always five uniform draws and three normal draws per order, in this order.
    const marketDraw = random.next() * totalWeight;
    const sideDraw = random.next();
    const collateralDraw = random.next();
    const sizeUsd = clampedLogNormal(size);
    const orderLeverage = clampedLogNormal(leverage);
    const entryShock = Math.max(-4, Math.min(4, random.normal())) * entrySpread;
    random.next();
    random.next();

    let marketIndex = 0;
    let cumulative = weights[0] ?? 0;
    while (marketDraw >= cumulative && marketIndex < markets.length - 1) {
      marketIndex++;
      cumulative += weights[marketIndex] ?? 0;
    }
    const market = markets[marketIndex];
    const basePrice = basePrices[marketIndex];
    if (market === undefined || basePrice === undefined)
      throw new Error("unreachable: market index out of range");
    const spec = market.spec;
    const isLong = sideDraw < longShare;
    const collateralIsIndexToken = collateralDraw < indexCollateralShare;
    const sizeDeltaUsd = usdToE30(sizeUsd);
    const entryPriceE30 =
      (basePrice * BigInt(Math.round((1 + entryShock) * ENTRY_SCALE))) / BigInt(ENTRY_SCALE);
    const leverageE4 = BigInt(Math.round(orderLeverage * 10_000));
    const collateralUsd = (sizeDeltaUsd * 10_000n) / leverageE4;
    const collateralPrice = collateralIsIndexToken
      ? entryPriceE30
      : priceE30PerUnit(1, spec.shortToken.decimals);
    orders.push({
      id,
      account: syntheticAccount(id),
      market: spec.market,
      marketSymbol: spec.symbol,
      isLong,
      collateralToken: collateralIsIndexToken ? spec.indexToken.address : spec.shortToken.address,
      collateralIsIndexToken,
      sizeDeltaUsd,
      collateralDeltaAmount: collateralUsd / collateralPrice,
      entryPriceE30,
      leverage: orderLeverage,
    });
  }
  return orders;
}
