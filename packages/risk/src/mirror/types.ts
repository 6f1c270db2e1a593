/**
 * Plain state objects the mirror works on. Their shapes are exactly what viem decodes from the
 * exchange's views (`getMarket`, `getPosition`, `getMarkets`...), so a read result can be passed
 * as is. Units: USD values and prices have 30 decimals, prices are USD per smallest token unit
 * (`amount * price` is USD), factors have 30 decimals (1e30 = 100%), token amounts are in the
 * token's own units, timestamps are Unix seconds.
 * @module
 */
import { DECREASE_KIND, ORDER_TYPE } from "@bastion/contracts";
import type { Address, Hex } from "viem";

export { DECREASE_KIND, ORDER_TYPE };

/** Order types as the contracts number them (`OrderType`). */
export type OrderType = (typeof ORDER_TYPE)[keyof typeof ORDER_TYPE];
/** Why a position is decreased, as the contracts number it (`DecreaseKind`). */
export type DecreaseKind = (typeof DECREASE_KIND)[keyof typeof DECREASE_KIND];

/** A verified oracle price range (`PriceRange`): USD (30 decimals) per smallest token unit. */
export interface PriceRange {
  min: bigint;
  max: bigint;
}

/** The three prices a market needs (`MarketPrices`). */
export interface MarketPrices {
  index: PriceRange;
  long: PriceRange;
  short: PriceRange;
}

/** `FeeConfig`. */
export interface FeeConfig {
  positionFeeFactorPositiveImpact: bigint;
  positionFeeFactorNegativeImpact: bigint;
  liquidityFeeFactor: bigint;
  insuranceShareFactor: bigint;
  liquidationFeeFactor: bigint;
}

/** `ImpactConfig`. */
export interface ImpactConfig {
  positiveImpactFactor: bigint;
  negativeImpactFactor: bigint;
  maxPositiveImpactFactor: bigint;
  maxNegativeImpactFactor: bigint;
}

/** `RateConfig` (rates per second). */
export interface RateConfig {
  borrowingBaseRatePerSecond: bigint;
  borrowingSlope1PerSecond: bigint;
  borrowingSlope2PerSecond: bigint;
  optimalUtilizationFactor: bigint;
  fundingFactorPerSecond: bigint;
}

/** `RiskConfig`. */
export interface RiskConfig {
  maxOpenInterestLongUsd: bigint;
  maxOpenInterestShortUsd: bigint;
  reserveFactor: bigint;
  maxPnlFactor: bigint;
  maxPnlFactorForWithdrawals: bigint;
  minCollateralFactor: bigint;
  minCollateralUsd: bigint;
  minPositionSizeUsd: bigint;
}

/** `SafetyConfig`. */
export interface SafetyConfig {
  insuranceTargetUsd: bigint;
  adlTriggerFactor: bigint;
  adlTargetFactor: bigint;
  partialLiquidationThresholdUsd: bigint;
  partialLiquidationFactor: bigint;
  partialLiquidationCooldown: bigint;
}

/** `MarginBounds`. */
export interface MarginBounds {
  minMaintenanceMarginFactor: bigint;
  maxMaintenanceMarginFactor: bigint;
  maxStep: bigint;
  minInterval: bigint;
}

/** `MarketConfig`. */
export interface MarketConfig {
  fees: FeeConfig;
  impact: ImpactConfig;
  rates: RateConfig;
  risk: RiskConfig;
  safety: SafetyConfig;
  margin: MarginBounds;
}

/** `PoolBalances`: token amounts a market's vault holds, by owner. */
export interface PoolBalances {
  longAmount: bigint;
  shortAmount: bigint;
  insuranceLongAmount: bigint;
  insuranceShortAmount: bigint;
  collateralLongTokenAmount: bigint;
  collateralShortTokenAmount: bigint;
  escrowLongTokenAmount: bigint;
  escrowShortTokenAmount: bigint;
  claimableLongTokenAmount: bigint;
  claimableShortTokenAmount: bigint;
}

/** `OpenInterest` per side, in USD and in index tokens. */
export interface OpenInterest {
  longUsd: bigint;
  shortUsd: bigint;
  longTokens: bigint;
  shortTokens: bigint;
}

/** `RateState`: cumulative borrowing/funding indices and snapshot sums. */
export interface RateState {
  cumulativeBorrowingFactorLong: bigint;
  cumulativeBorrowingFactorShort: bigint;
  borrowingSnapshotSumLong: bigint;
  borrowingSnapshotSumShort: bigint;
  cumulativeFundingPerSizeLong: bigint;
  cumulativeFundingPerSizeShort: bigint;
  fundingSnapshotSumLong: bigint;
  fundingSnapshotSumShort: bigint;
  lastAccruedAt: bigint;
}

/** `BadDebtLedger`: cumulative bad-debt totals of a pool. */
export interface BadDebtLedger {
  totalShortfallUsd: bigint;
  coveredByInsuranceUsd: bigint;
  absorbedByLpUsd: bigint;
  shortfallCount: bigint;
}

/** A market's configuration and state: what `exchange.getMarket(market)` returns (`Market`). */
export interface MarketState {
  indexToken: Address;
  longToken: Address;
  shortToken: Address;
  paused: boolean;
  adlActiveLong: boolean;
  adlActiveShort: boolean;
  maintenanceMarginFactor: bigint;
  maintenanceMarginUpdatedAt: bigint;
  config: MarketConfig;
  balances: PoolBalances;
  openInterest: OpenInterest;
  rates: RateState;
  ledger: BadDebtLedger;
}

/** An isolated-margin position: what `exchange.getPosition(key)` returns (`Position`; all zero when none). */
export interface PositionState {
  account: Address;
  increasedAt: bigint;
  isLong: boolean;
  market: Address;
  lastPartialLiquidationAt: bigint;
  collateralToken: Address;
  sizeUsd: bigint;
  sizeInTokens: bigint;
  collateralAmount: bigint;
  borrowingFactorSnapshot: bigint;
  fundingPerSizeSnapshot: bigint;
}

/**
 * `TradeAmounts`: what a position change cost or paid, in USD. Signed values are positive in the
 * trader's favour, except funding, which is positive when paid by the trader.
 */
export interface TradeAmounts {
  realizedPnlUsd: bigint;
  priceImpactUsd: bigint;
  positionFeeUsd: bigint;
  borrowingFeeUsd: bigint;
  fundingFeeUsd: bigint;
}

/** `PositionChange`: how a position changed in one execution (the event's `change`). */
export interface PositionChange {
  sizeDeltaUsd: bigint;
  sizeDeltaInTokens: bigint;
  executionPrice: bigint;
  collateralDeltaAmount: bigint;
  sizeUsdAfter: bigint;
  collateralAmountAfter: bigint;
}

/** `PositionHealth.Health`: components of a position's remaining collateral, in USD. */
export interface Health {
  collateralUsd: bigint;
  pnlUsd: bigint;
  borrowingFeeUsd: bigint;
  fundingFeeUsd: bigint;
  closeFeeUsd: bigint;
  closeImpactUsd: bigint;
  remainingCollateralUsd: bigint;
}

/** `IExchange.Solvency`: a pool's assets and liabilities at given prices. */
export interface Solvency {
  assetsUsd: bigint;
  traderCollateralUsd: bigint;
  traderPnlUsd: bigint;
  pendingFeesUsd: bigint;
  escrowAndClaimsUsd: bigint;
  insuranceFundUsd: bigint;
  lpValueUsd: bigint;
  liabilitiesUsd: bigint;
  surplusUsd: bigint;
}

/** A pool's real token balances (ERC-20 `balanceOf(market)`), needed by {@link Solvency} only. */
export interface VaultTokenBalances {
  longToken: bigint;
  shortToken: bigint;
}

/** `ExchangeSettings`. */
export interface ExchangeSettings {
  requestExpiry: bigint;
  cancelDelay: bigint;
  minExecutionFee: bigint;
  maxPriceAge: bigint;
  minExecutionGas: bigint;
}

/** `IPriceOracle.FeedConfig`: a token's Pyth feed. */
export interface FeedConfig {
  feedId: Hex;
  expo: number;
  tokenDecimals: number;
}

/** `IPriceOracle.OracleSettings`. */
export interface OracleSettings {
  confidenceMultiplier: bigint;
  maxConfidenceFactor: bigint;
  maxFutureSkew: bigint;
  maxDeviationFactor: bigint;
}

/** A deep copy of the mutable parts of a market (balances, open interest, rates, ledger); config is shared. */
export function cloneMarketState(m: MarketState): MarketState {
  return {
    ...m,
    balances: { ...m.balances },
    openInterest: { ...m.openInterest },
    rates: { ...m.rates },
    ledger: { ...m.ledger },
  };
}

/** Whether two addresses are the same (case-insensitive; viem returns checksummed addresses). */
export function sameAddress(a: Address, b: Address): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/** The zero address: `account` of a position or request that does not exist. */
export const ZERO_ADDRESS: Address = "0x0000000000000000000000000000000000000000";
