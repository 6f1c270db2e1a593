/**
 * Synthetic markets for crash replays: the tokens, the deploy script's default parameters
 * (`contracts/script/MarketDefaults.sol`) and a {@link MarketState} with LP liquidity and an
 * insurance fund, in the exact shape the mirror and `exchange.getMarket` use.
 * @module
 */
import type { Address } from "viem";
import type { MarketConfig, MarketPrices, MarketState, PriceRange } from "../mirror/types.js";
import { UnknownMarketError } from "./errors.js";
import { priceE30PerUnit } from "./units.js";

/** A token of a synthetic market. */
export interface StressToken {
  symbol: string;
  address: Address;
  decimals: number;
}

/** A market the replay knows: its id (the pool token address), index/long token and short (stable) token. */
export interface StressMarketSpec {
  /** Short name used on the command line and in reports, e.g. `"ETH"`. */
  symbol: string;
  /** The market id (on chain: its pool token's address). */
  market: Address;
  /** Index token, also the pool's long token (WETH for ETH/USD). */
  indexToken: StressToken;
  /** The pool's short token, a USD stablecoin valued at exactly $1 throughout the replay. */
  shortToken: StressToken;
}

/** USDC: the short token of every synthetic market, 6 decimals, valued at $1. */
export const STRESS_USDC: StressToken = {
  symbol: "USDC",
  address: "0x00000000000000000000000000000000000cdc06",
  decimals: 6,
};

/** The markets the CLI knows by symbol: ETH/USD (WETH, 18 decimals) and BTC/USD (WBTC, 8 decimals). */
export const STRESS_MARKETS: Readonly<Record<string, StressMarketSpec>> = {
  ETH: {
    symbol: "ETH",
    market: "0x000000000000000000000000000000000000e7e7",
    indexToken: { symbol: "WETH", address: "0x000000000000000000000000000000000000e7a1", decimals: 18 },
    shortToken: STRESS_USDC,
  },
  BTC: {
    symbol: "BTC",
    market: "0x000000000000000000000000000000000000b7c0",
    indexToken: { symbol: "WBTC", address: "0x000000000000000000000000000000000000b7c1", decimals: 8 },
    shortToken: STRESS_USDC,
  },
};

/**
 * The spec of a known market by symbol (case-insensitive). Throws {@link UnknownMarketError}.
 *
 * @example
 * stressMarketSpec("eth").indexToken.decimals; // 18
 */
export function stressMarketSpec(symbol: string): StressMarketSpec {
  const spec = STRESS_MARKETS[symbol.toUpperCase()];
  if (spec === undefined) throw new UnknownMarketError(symbol, Object.keys(STRESS_MARKETS), "market symbol");
  return spec;
}

/**
 * The market symbol a kline file name implies (`ETHUSDT-1m-2022-11-09.csv` -> `"ETH"`), or
 * undefined when the name starts with no known symbol followed by a quote currency.
 */
export function inferMarketSymbol(path: string): string | undefined {
  const name = path.split(/[\\/]/).at(-1)?.toUpperCase() ?? "";
  for (const symbol of Object.keys(STRESS_MARKETS)) {
    if (new RegExp(`^${symbol}[-_]?(USDT|USDC|USD|BUSD)`).test(name)) return symbol;
  }
  return undefined;
}

const PCT = 10n ** 28n;
const BPS = 10n ** 26n;
const USD = 10n ** 30n;
const YEAR = 365n * 24n * 3600n;

/**
 * `MarketDefaults.marketConfig()` of the deploy script: fees 5/7 bps open/close, liquidation fee
 * 0.2%, 20% of fees to insurance up to $100k, 2% opening margin (50x), maintenance bounds
 * 0.5%..1.9% with steps of at most 0.25% every 5 minutes, partial liquidation of 20% above $100k.
 * A fresh object each call: callers may change it.
 */
export function defaultMarketConfig(): MarketConfig {
  return {
    fees: {
      positionFeeFactorPositiveImpact: 5n * BPS,
      positionFeeFactorNegativeImpact: 7n * BPS,
      liquidityFeeFactor: 3n * BPS,
      insuranceShareFactor: 20n * PCT,
      liquidationFeeFactor: 20n * BPS,
    },
    impact: {
      positiveImpactFactor: 5n * 10n ** 19n,
      negativeImpactFactor: 10n ** 20n,
      maxPositiveImpactFactor: 50n * BPS,
      maxNegativeImpactFactor: 1n * PCT,
    },
    rates: {
      borrowingBaseRatePerSecond: (5n * PCT) / YEAR,
      borrowingSlope1PerSecond: (20n * PCT) / YEAR,
      borrowingSlope2PerSecond: (150n * PCT) / YEAR,
      optimalUtilizationFactor: 80n * PCT,
      fundingFactorPerSecond: (50n * PCT) / YEAR,
    },
    risk: {
      maxOpenInterestLongUsd: 50_000_000n * USD,
      maxOpenInterestShortUsd: 50_000_000n * USD,
      reserveFactor: 90n * PCT,
      maxPnlFactor: 90n * PCT,
      maxPnlFactorForWithdrawals: 70n * PCT,
      minCollateralFactor: 2n * PCT,
      minCollateralUsd: 1n * USD,
      minPositionSizeUsd: 10n * USD,
    },
    safety: {
      insuranceTargetUsd: 100_000n * USD,
      adlTriggerFactor: 70n * PCT,
      adlTargetFactor: 50n * PCT,
      partialLiquidationThresholdUsd: 100_000n * USD,
      partialLiquidationFactor: 20n * PCT,
      partialLiquidationCooldown: 30n,
    },
    margin: {
      minMaintenanceMarginFactor: 50n * BPS,
      maxMaintenanceMarginFactor: 190n * BPS,
      maxStep: 25n * BPS,
      minInterval: 300n,
    },
  };
}

/** The maintenance margin a market starts with in the deploy script (1%). */
export const DEFAULT_MAINTENANCE_MARGIN_FACTOR_E30 = 1n * PCT;

/** Parameters of {@link createStressMarketState}. */
export interface CreateStressMarketStateParameters {
  spec: StressMarketSpec;
  config: MarketConfig;
  maintenanceMarginFactorE30: bigint;
  /** LP-owned index (long) token, in its smallest unit. */
  poolLongAmount: bigint;
  /** LP-owned stablecoin, in its smallest unit. */
  poolShortAmount: bigint;
  /** Insurance fund in the stablecoin, smallest unit. */
  insuranceShortAmount: bigint;
  /** Unix seconds: rates accrue from here. */
  timestamp: bigint;
}

/**
 * A market as `createMarket` + LP deposits would leave it: no open interest, rate indices at zero
 * from `timestamp`, the given LP liquidity and insurance fund, an empty bad-debt ledger.
 */
export function createStressMarketState(parameters: CreateStressMarketStateParameters): MarketState {
  const { spec } = parameters;
  return {
    indexToken: spec.indexToken.address,
    longToken: spec.indexToken.address,
    shortToken: spec.shortToken.address,
    paused: false,
    adlActiveLong: false,
    adlActiveShort: false,
    maintenanceMarginFactor: parameters.maintenanceMarginFactorE30,
    maintenanceMarginUpdatedAt: 0n,
    config: parameters.config,
    balances: {
      longAmount: parameters.poolLongAmount,
      shortAmount: parameters.poolShortAmount,
      insuranceLongAmount: 0n,
      insuranceShortAmount: parameters.insuranceShortAmount,
      collateralLongTokenAmount: 0n,
      collateralShortTokenAmount: 0n,
      escrowLongTokenAmount: 0n,
      escrowShortTokenAmount: 0n,
      claimableLongTokenAmount: 0n,
      claimableShortTokenAmount: 0n,
    },
    openInterest: { longUsd: 0n, shortUsd: 0n, longTokens: 0n, shortTokens: 0n },
    rates: {
      cumulativeBorrowingFactorLong: 0n,
      cumulativeBorrowingFactorShort: 0n,
      borrowingSnapshotSumLong: 0n,
      borrowingSnapshotSumShort: 0n,
      cumulativeFundingPerSizeLong: 0n,
      cumulativeFundingPerSizeShort: 0n,
      fundingSnapshotSumLong: 0n,
      fundingSnapshotSumShort: 0n,
      lastAccruedAt: parameters.timestamp,
    },
    ledger: { totalShortfallUsd: 0n, coveredByInsuranceUsd: 0n, absorbedByLpUsd: 0n, shortfallCount: 0n },
  };
}

/** The stablecoin's price range: exactly $1 per whole token. */
export function stablePriceRange(spec: StressMarketSpec): PriceRange {
  const price = priceE30PerUnit(1, spec.shortToken.decimals);
  return { min: price, max: price };
}

/**
 * The prices a market's contracts would see when the index token trades at `indexRange`: the long
 * (pool) token is the index token, so it takes the same range; the stablecoin is $1.
 */
export function marketPricesAt(spec: StressMarketSpec, indexRange: PriceRange): MarketPrices {
  return { index: indexRange, long: indexRange, short: stablePriceRange(spec) };
}
