import { ModelIntegrityError } from "../errors.js";
import type { MarketPrices, MarketState, RateState } from "../model/market-types.js";
import { cappedPnlUsd, pendingBorrowingUsd, pendingFundingUsd, pnlUsd, poolValueUsd } from "./mirror.js";

/**
 * The terms of a pool's value at one price per token (the oracle's mid price: `min = max`), as
 * `MarketLogic.poolValueUsd` adds them up: `longTokenUsd + shortTokenUsd + pendingBorrowingUsd +
 * pendingFundingUsd - longPnlUsd - shortPnlUsd = valueUsd`. USD with 30 decimals.
 */
export interface PoolValueTerms {
  /** LP-owned long tokens at the long token's price. */
  readonly longTokenUsd: bigint;
  /** LP-owned short tokens at the short token's price. */
  readonly shortTokenUsd: bigint;
  /** Borrowing fees accrued by open positions and not yet paid (owed to the pool). */
  readonly pendingBorrowingUsd: bigint;
  /** Net funding accrued by open positions and not yet settled (positive: owed to the pool). */
  readonly pendingFundingUsd: bigint;
  /** Longs' PnL at the index price, profit capped at `maxPnlFactor` x the long side's pool USD. */
  readonly longPnlUsd: bigint;
  /** Shorts' PnL, capped the same way against the short side's pool USD. */
  readonly shortPnlUsd: bigint;
  /** The pool value: what the LP shares are worth together. */
  readonly valueUsd: bigint;
}

/** Market prices with `min = max` from one price per token. */
export function exactPrices(indexPrice: bigint, longPrice: bigint, shortPrice: bigint): MarketPrices {
  return {
    index: { min: indexPrice, max: indexPrice },
    long: { min: longPrice, max: longPrice },
    short: { min: shortPrice, max: shortPrice },
  };
}

/**
 * Values a pool's state with the given rates at exact prices, term by term, with the mirror's
 * formulas in the order `MarketLogic.poolValueUsd(state, rates, prices, false, true)` uses them
 * (what `getPoolValue(market, prices, false, true)` returns on chain when min = max), and adds them
 * up with the mirror's `PoolMath.poolValueUsd`.
 */
export function poolValueTerms(
  state: MarketState,
  prices: MarketPrices,
  rates: RateState = state.rates,
): PoolValueTerms {
  const oi = state.openInterest;
  const longTokenUsd = state.balances.longAmount * prices.long.min;
  const shortTokenUsd = state.balances.shortAmount * prices.short.min;
  const borrowing =
    pendingBorrowingUsd(oi.longUsd, rates.cumulativeBorrowingFactorLong, rates.borrowingSnapshotSumLong) +
    pendingBorrowingUsd(oi.shortUsd, rates.cumulativeBorrowingFactorShort, rates.borrowingSnapshotSumShort);
  const funding =
    pendingFundingUsd(oi.longUsd, rates.cumulativeFundingPerSizeLong, rates.fundingSnapshotSumLong) +
    pendingFundingUsd(oi.shortUsd, rates.cumulativeFundingPerSizeShort, rates.fundingSnapshotSumShort);
  const maxPnlFactor = state.config.risk.maxPnlFactor;
  const longPnl = cappedPnlUsd(
    pnlUsd(true, oi.longUsd, oi.longTokens, prices.index.max),
    longTokenUsd,
    maxPnlFactor,
  );
  const shortPnl = cappedPnlUsd(
    pnlUsd(false, oi.shortUsd, oi.shortTokens, prices.index.min),
    shortTokenUsd,
    maxPnlFactor,
  );
  const valueUsd = poolValueUsd(state, rates, prices, false, true);
  if (longTokenUsd + shortTokenUsd + borrowing + funding - longPnl - shortPnl !== valueUsd) {
    throw new ModelIntegrityError(
      `pool value terms do not add up to the mirror's poolValueUsd (${valueUsd})`,
    );
  }
  return {
    longTokenUsd,
    shortTokenUsd,
    pendingBorrowingUsd: borrowing,
    pendingFundingUsd: funding,
    longPnlUsd: longPnl,
    shortPnlUsd: shortPnl,
    valueUsd,
  };
}
