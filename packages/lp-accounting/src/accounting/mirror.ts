/**
 * The on-chain formulas the accounting needs, from the exact TypeScript mirror of the contracts
 * (`@bastion/risk`): same units, same rounding, same reverts. Nothing here re-implements them.
 *
 * @module
 */
import { MarketLogic, PoolMath, PositionMath, RateMath } from "@bastion/risk";

/** `MarketLogic.accruedRates`: the rate state accrued to a timestamp at given prices. */
export const accruedRates = MarketLogic.accruedRates;
/** `MarketLogic.poolValueUsd`: pool value with already-accrued rates. */
export const poolValueUsd = MarketLogic.poolValueUsd;
/** `PoolMath.poolValueUsd`: the pool value from its priced inputs (the sum `MarketLogic.poolValueUsd` ends with). */
export const poolValueFromInputs = PoolMath.poolValueUsd;
/** `MarketLogic.reservedUsd`: USD the pool has promised to a side. */
export const reservedUsd = MarketLogic.reservedUsd;
/** `PoolMath.cappedPnlUsd`: a side's PnL with profit capped at maxPnlFactor x the side's pool USD. */
export const cappedPnlUsd = PoolMath.cappedPnlUsd;
/** `PositionMath.pnlUsd`: PnL of a position (or a whole side) at an index price. */
export const pnlUsd = PositionMath.pnlUsd;
/** `RateMath.pendingBorrowingUsd`: borrowing fees pending on a side. */
export const pendingBorrowingUsd = RateMath.pendingBorrowingUsd;
/** `RateMath.pendingFundingUsd`: net funding pending on a side. */
export const pendingFundingUsd = RateMath.pendingFundingUsd;
/** `RateMath.utilizationFactor`: reserved / pool USD, rounded up, capped at 1. */
export const utilizationFactor = RateMath.utilizationFactor;
