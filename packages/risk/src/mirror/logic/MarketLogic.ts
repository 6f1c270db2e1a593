/**
 * Mirror of `contracts/src/logic/MarketLogic.sol`: rate accrual, pool value, reserves, open interest
 * and the PnL of a side, over a plain {@link MarketState}.
 * @module
 */
import { MirrorRevert } from "../errors.js";
import { add, addI, mul, mulI, sub, subI } from "../evm.js";
import { positionFeeUsd as feeMathPositionFeeUsd } from "../libraries/FeeMath.js";
import { mulDown, toInt } from "../libraries/FixedPoint.js";
import * as PoolMath from "../libraries/PoolMath.js";
import { pnlUsd } from "../libraries/PositionMath.js";
import { capImpactUsd, rawImpactUsd } from "../libraries/PriceImpactMath.js";
import * as RateMath from "../libraries/RateMath.js";
import type { MarketPrices, MarketState, OpenInterest, RateState } from "../types.js";

/**
 * The rate state accrued to `timestamp` without writing it (what the contract's views and its
 * `accrue` compute): borrowing by utilization at the given prices, funding from skew. Returns the
 * stored rates when `timestamp` is not after `lastAccruedAt`.
 *
 * @example
 * const block = await client.getBlock();
 * const rates = accruedRates(market, prices, block.timestamp);
 */
export function accruedRates(m: MarketState, prices: MarketPrices, timestamp: bigint): RateState {
  const rates = { ...m.rates };
  if (timestamp <= rates.lastAccruedAt) return rates;
  const elapsed = timestamp - rates.lastAccruedAt;
  const config = m.config.rates;
  const oi = m.openInterest;

  const utilizationLong = RateMath.utilizationFactor(
    reservedUsd(oi, prices, true),
    mul(m.balances.longAmount, prices.long.min),
  );
  const utilizationShort = RateMath.utilizationFactor(
    reservedUsd(oi, prices, false),
    mul(m.balances.shortAmount, prices.short.min),
  );
  rates.cumulativeBorrowingFactorLong = add(
    rates.cumulativeBorrowingFactorLong,
    mul(
      elapsed,
      RateMath.borrowingRatePerSecond(
        utilizationLong,
        config.borrowingBaseRatePerSecond,
        config.borrowingSlope1PerSecond,
        config.borrowingSlope2PerSecond,
        config.optimalUtilizationFactor,
      ),
    ),
  );
  rates.cumulativeBorrowingFactorShort = add(
    rates.cumulativeBorrowingFactorShort,
    mul(
      elapsed,
      RateMath.borrowingRatePerSecond(
        utilizationShort,
        config.borrowingBaseRatePerSecond,
        config.borrowingSlope1PerSecond,
        config.borrowingSlope2PerSecond,
        config.optimalUtilizationFactor,
      ),
    ),
  );
  const fundingRate = RateMath.fundingRatePerSecond(oi.longUsd, oi.shortUsd, config.fundingFactorPerSecond);
  const { deltaLong, deltaShort } = RateMath.fundingDeltas(oi.longUsd, oi.shortUsd, fundingRate, elapsed);
  rates.cumulativeFundingPerSizeLong = addI(rates.cumulativeFundingPerSizeLong, deltaLong);
  rates.cumulativeFundingPerSizeShort = addI(rates.cumulativeFundingPerSizeShort, deltaShort);
  rates.lastAccruedAt = timestamp;
  return rates;
}

/** `MarketLogic.accrue` on a cloned state: replaces `m.rates` with the rates accrued to `timestamp`. */
export function accrue(m: MarketState, prices: MarketPrices, timestamp: bigint): void {
  m.rates = accruedRates(m, prices, timestamp);
}

/** USD the pool has promised to a side: long tokens x max index price for longs, size for shorts. */
export function reservedUsd(oi: OpenInterest, prices: MarketPrices, isLong: boolean): bigint {
  return isLong ? mul(oi.longTokens, prices.index.max) : oi.shortUsd;
}

/** Value of the LP-owned pool token backing a side (long token for longs), at its min price. */
export function sidePoolUsd(m: MarketState, prices: MarketPrices, isLong: boolean): bigint {
  return isLong ? mul(m.balances.longAmount, prices.long.min) : mul(m.balances.shortAmount, prices.short.min);
}

/** Traders' PnL on a side at `indexPrice` (uncapped). */
export function sidePnlUsd(m: MarketState, isLong: boolean, indexPrice: bigint): bigint {
  return isLong
    ? pnlUsd(true, m.openInterest.longUsd, m.openInterest.longTokens, indexPrice)
    : pnlUsd(false, m.openInterest.shortUsd, m.openInterest.shortTokens, indexPrice);
}

/**
 * A side's PnL to pool factor (ADL trigger, withdrawal cap), at the index price that maximises the
 * traders' PnL (max for longs, min for shorts).
 */
export function pnlToPoolFactor(m: MarketState, prices: MarketPrices, isLong: boolean): bigint {
  const pnl = sidePnlUsd(m, isLong, isLong ? prices.index.max : prices.index.min);
  return PoolMath.pnlToPoolFactor(pnl, sidePoolUsd(m, prices, isLong));
}

/**
 * Pool value in USD with `rates` (already accrued). `maximize` values the pool tokens at max prices
 * and traders' PnL at the prices that minimise it (deposits); otherwise the reverse (withdrawals).
 * `capPnl` caps each side's profit at maxPnlFactor x the side's pool token value.
 *
 * @example
 * const rates = accruedRates(market, prices, timestamp);
 * const depositValue = poolValueUsd(market, rates, prices, true, true); // = getPoolValue(m, prices, true, true)
 */
export function poolValueUsd(
  m: MarketState,
  rates: RateState,
  prices: MarketPrices,
  maximize: boolean,
  capPnl: boolean,
): bigint {
  const oi = m.openInterest;
  const longPrice = maximize ? prices.long.max : prices.long.min;
  const shortPrice = maximize ? prices.short.max : prices.short.min;
  const longTokenUsd = mul(m.balances.longAmount, longPrice);
  const shortTokenUsd = mul(m.balances.shortAmount, shortPrice);
  const pendingBorrowingUsd = add(
    RateMath.pendingBorrowingUsd(
      oi.longUsd,
      rates.cumulativeBorrowingFactorLong,
      rates.borrowingSnapshotSumLong,
    ),
    RateMath.pendingBorrowingUsd(
      oi.shortUsd,
      rates.cumulativeBorrowingFactorShort,
      rates.borrowingSnapshotSumShort,
    ),
  );
  const pendingFundingUsd = addI(
    RateMath.pendingFundingUsd(oi.longUsd, rates.cumulativeFundingPerSizeLong, rates.fundingSnapshotSumLong),
    RateMath.pendingFundingUsd(
      oi.shortUsd,
      rates.cumulativeFundingPerSizeShort,
      rates.fundingSnapshotSumShort,
    ),
  );
  const maxPnlFactor = capPnl ? m.config.risk.maxPnlFactor : 0n;
  const longPnlUsd = PoolMath.cappedPnlUsd(
    pnlUsd(true, oi.longUsd, oi.longTokens, maximize ? prices.index.min : prices.index.max),
    longTokenUsd,
    maxPnlFactor,
  );
  const shortPnlUsd = PoolMath.cappedPnlUsd(
    pnlUsd(false, oi.shortUsd, oi.shortTokens, maximize ? prices.index.max : prices.index.min),
    shortTokenUsd,
    maxPnlFactor,
  );
  return PoolMath.poolValueUsd({
    longTokenUsd,
    shortTokenUsd,
    pendingBorrowingUsd,
    pendingFundingUsd,
    longPnlUsd,
    shortPnlUsd,
  });
}

/**
 * Price impact of changing a side's open interest by `sizeDeltaUsd` (0 for a zero delta). Positive
 * impact is always capped; negative impact only on decreases (an open split in slices pays the same
 * impact as one open).
 */
export function priceImpactUsd(
  m: MarketState,
  sizeDeltaUsd: bigint,
  isLong: boolean,
  isIncrease: boolean,
): bigint {
  if (sizeDeltaUsd === 0n) return 0n;
  const impact = m.config.impact;
  const raw = rawImpactUsd(
    m.openInterest.longUsd,
    m.openInterest.shortUsd,
    sizeDeltaUsd,
    isLong,
    isIncrease,
    impact.positiveImpactFactor,
    impact.negativeImpactFactor,
  );
  if (isIncrease && raw < 0n) return raw;
  return capImpactUsd(raw, sizeDeltaUsd, impact.maxPositiveImpactFactor, impact.maxNegativeImpactFactor);
}

/** Open/close fee of a size change with the given price impact. */
export function positionFeeUsd(m: MarketState, sizeDeltaUsd: bigint, impactUsd: bigint): bigint {
  return feeMathPositionFeeUsd(
    sizeDeltaUsd,
    impactUsd,
    m.config.fees.positionFeeFactorPositiveImpact,
    m.config.fees.positionFeeFactorNegativeImpact,
  );
}

/** Reverts `ReserveExceeded(reserved, maxReserved)` unless the side's reserved USD is within reserveFactor x its pool value. */
export function validateReserve(m: MarketState, prices: MarketPrices, isLong: boolean): void {
  const reserved = reservedUsd(m.openInterest, prices, isLong);
  const maxReserved = mulDown(sidePoolUsd(m, prices, isLong), m.config.risk.reserveFactor);
  if (reserved > maxReserved)
    throw new MirrorRevert("ReserveExceeded", { reservedUsd: reserved, maxReservedUsd: maxReserved });
}

/** Replaces one position's contribution to its side's open interest and snapshot sums (mutates `m`). */
export function updateOpenInterest(
  m: MarketState,
  isLong: boolean,
  sizeBefore: bigint,
  tokensBefore: bigint,
  borrowingSnapshotBefore: bigint,
  fundingSnapshotBefore: bigint,
  sizeAfter: bigint,
  tokensAfter: bigint,
): void {
  const oi = m.openInterest;
  const rates = m.rates;
  if (isLong) {
    oi.longUsd = add(sub(oi.longUsd, sizeBefore), sizeAfter);
    oi.longTokens = add(sub(oi.longTokens, tokensBefore), tokensAfter);
    rates.borrowingSnapshotSumLong = add(
      sub(rates.borrowingSnapshotSumLong, mul(sizeBefore, borrowingSnapshotBefore)),
      mul(sizeAfter, rates.cumulativeBorrowingFactorLong),
    );
    rates.fundingSnapshotSumLong = addI(
      subI(rates.fundingSnapshotSumLong, mulI(toInt(sizeBefore), fundingSnapshotBefore)),
      mulI(toInt(sizeAfter), rates.cumulativeFundingPerSizeLong),
    );
  } else {
    oi.shortUsd = add(sub(oi.shortUsd, sizeBefore), sizeAfter);
    oi.shortTokens = add(sub(oi.shortTokens, tokensBefore), tokensAfter);
    rates.borrowingSnapshotSumShort = add(
      sub(rates.borrowingSnapshotSumShort, mul(sizeBefore, borrowingSnapshotBefore)),
      mul(sizeAfter, rates.cumulativeBorrowingFactorShort),
    );
    rates.fundingSnapshotSumShort = addI(
      subI(rates.fundingSnapshotSumShort, mulI(toInt(sizeBefore), fundingSnapshotBefore)),
      mulI(toInt(sizeAfter), rates.cumulativeFundingPerSizeShort),
    );
  }
}

/** Reverts `MaxOpenInterestExceeded` when a side's open interest exceeds its maximum. */
export function validateOpenInterest(m: MarketState, isLong: boolean): void {
  const openInterest = isLong ? m.openInterest.longUsd : m.openInterest.shortUsd;
  const maxOpenInterest = isLong
    ? m.config.risk.maxOpenInterestLongUsd
    : m.config.risk.maxOpenInterestShortUsd;
  if (openInterest > maxOpenInterest) {
    throw new MirrorRevert("MaxOpenInterestExceeded", {
      openInterestUsd: openInterest,
      maxOpenInterestUsd: maxOpenInterest,
    });
  }
}
