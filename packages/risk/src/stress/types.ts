/**
 * What a crash replay reports: each liquidation, the per-step timeline and the totals.
 * Money is bigint USD with 30 decimals; prices shown for reading are `number`.
 * @module
 */

/** One executed liquidation (a `PositionLiquidated` event and its `ShortfallRecorded`, if any). */
export interface StressLiquidationEvent {
  /** The synthetic order id of the position. */
  positionId: number;
  marketIndex: number;
  marketSymbol: string;
  isLong: boolean;
  collateralIsIndexToken: boolean;
  /** Path point at which the keeper found it liquidatable, Unix ms, and the index price there. */
  detectedAtMs: number;
  detectedPrice: number;
  /** When the liquidation executed (detection + latency + delay), Unix ms. */
  executedAtMs: number;
  /** Index price the liquidation closed at (min for longs, max for shorts), USD 30 decimals per unit. */
  executionPriceE30: bigint;
  /** The same, USD per whole token, for reading. */
  executionPrice: number;
  sizeDeltaUsd: bigint;
  isPartial: boolean;
  /** Remaining collateral at execution, before the liquidation (may be negative). */
  remainingCollateralUsd: bigint;
  maintenanceMarginUsd: bigint;
  /** Loss beyond the position's collateral, and how the waterfall absorbed it. */
  shortfallUsd: bigint;
  coveredByInsuranceUsd: bigint;
  absorbedByLpUsd: bigint;
  /** Liquidation fee in collateral-token units. */
  liquidationFeeAmount: bigint;
}

/** A liquidation attempt that did not go through. */
export interface StressFailedLiquidation {
  positionId: number;
  marketIndex: number;
  executedAtMs: number;
  /** `PositionNotLiquidatable` when the price recovered before execution; otherwise the revert. */
  errorName: string;
  message: string;
}

/** Running totals (all markets). */
export interface StressTotals {
  /** Executed liquidations (partial slices count one each). */
  liquidations: number;
  /** Positions fully closed by liquidation. */
  liquidatedPositions: number;
  partialLiquidations: number;
  liquidatedNotionalUsd: bigint;
  shortfallCount: number;
  shortfallUsd: bigint;
  coveredByInsuranceUsd: bigint;
  absorbedByLpUsd: bigint;
  /** Positions detected liquidatable whose liquidation reverted because the price had recovered. */
  recovered: number;
  /** Other reverted liquidations. */
  failed: number;
}

/** One point of the replay's timeline. */
export interface StressTimelinePoint {
  step: number;
  timeMs: number;
  /** Index price per market (USD per whole token), for plots. */
  prices: number[];
  /** Maintenance margin factor in force per market. */
  maintenanceMarginFactorsE30: bigint[];
  /** Positions found liquidatable at this point. */
  detected: number;
  /** Liquidations executed during this step (those that came due, then immediate ones). */
  liquidations: number;
  /** Liquidations that reverted during this step (price recovered, or another revert). */
  reverted: number;
  liquidatedNotionalUsd: bigint;
  /** Cumulative figures after the step. */
  cumulativeShortfallUsd: bigint;
  cumulativeCoveredByInsuranceUsd: bigint;
  cumulativeAbsorbedByLpUsd: bigint;
  /** Per market after the step: insurance fund (USD at the point's price), LP pool value, open interest. */
  insuranceFundUsd: bigint[];
  poolValueUsd: bigint[];
  openInterestUsd: bigint[];
}

/** The result of one step of the replay. */
export interface StressStep {
  step: number;
  timeMs: number;
  /** Bar index (per market series) of the step. */
  bar: number;
  /** Ids of the positions found liquidatable at this point (exactly the mirror's `isLiquidatable`). */
  detected: number[];
  /** Liquidations executed during this step. */
  liquidations: StressLiquidationEvent[];
  failed: StressFailedLiquidation[];
  timeline: StressTimelinePoint;
}

/** Per-market summary of a replay. */
export interface StressMarketReport {
  symbol: string;
  /** Positions open at the start, and their open interest (long + short). */
  positions: number;
  openInterestUsd: bigint;
  totals: StressTotals;
  /** Insurance fund at the start and the end (USD at those points' prices). */
  insuranceFundStartUsd: bigint;
  insuranceFundEndUsd: bigint;
  /** LP pool value (withdrawal side, PnL capped) at the first and last point. */
  poolValueStartUsd: bigint;
  poolValueEndUsd: bigint;
  /** Pool value change over the window, as a fraction of the start value. */
  lpReturn: number;
  /** What the start pool tokens would be worth at the end if simply held, and the LP return against that. */
  holdValueEndUsd: bigint;
  lpReturnVsHold: number;
  /** Smallest and largest maintenance factor in force, and the number of on-chain updates. */
  minMaintenanceMarginFactorE30: bigint;
  maxMaintenanceMarginFactorE30: bigint;
  maintenanceMarginUpdates: number;
  /** First price, lowest and highest path price, last price (USD per whole token). */
  startPrice: number;
  lowPrice: number;
  highPrice: number;
  endPrice: number;
}

/** Everything a replay produced. */
export interface StressReport {
  /** Start and end of the replayed window (Unix ms) and its number of bars and steps. */
  startMs: number;
  endMs: number;
  bars: number;
  steps: number;
  markets: StressMarketReport[];
  totals: StressTotals;
  events: StressLiquidationEvent[];
  failures: StressFailedLiquidation[];
  timeline: StressTimelinePoint[];
}
