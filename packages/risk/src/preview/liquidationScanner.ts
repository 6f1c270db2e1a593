import { max } from "../mirror/evm.js";
import { mulUp, toInt } from "../mirror/libraries/FixedPoint.js";
import { marginRequirementUsd, pnlUsd } from "../mirror/libraries/PositionMath.js";
import { borrowingFeeUsd, fundingFeeUsd } from "../mirror/libraries/RateMath.js";
import { accruedRates } from "../mirror/logic/MarketLogic.js";
import { maintenanceMarginUsd, positionHealth } from "../mirror/logic/PositionHealth.js";
import {
  type MarketPrices,
  type MarketState,
  type PositionState,
  type RateState,
  sameAddress,
} from "../mirror/types.js";

/** One position's liquidation check, as `getPositionHealth` returns it. */
export interface LiquidationCheck {
  remainingCollateralUsd: bigint;
  maintenanceMarginUsd: bigint;
  liquidatable: boolean;
}

/** A market evaluated once per price update, checking positions one by one. */
export interface LiquidationScanner {
  /** The rates accrued to the scanner's timestamp at its prices (computed once). */
  readonly rates: RateState;
  /** Whether the position can be liquidated (= `getPositionHealth(key, prices).liquidatable`). */
  isLiquidatable(position: PositionState): boolean;
  /** Remaining collateral, maintenance margin and the flag (= `getPositionHealth(key, prices)`), always in full. */
  check(position: PositionState): LiquidationCheck;
  /** The positions (of this market) that can be liquidated, in input order. */
  scan<P extends PositionState>(positions: Iterable<P>): P[];
}

/**
 * Exact liquidation checks at one price update for a keeper. Per market, once: the rates accrued to
 * `timestamp` at `prices`, the prices each side closes at, and the largest close cost per USD of size
 * (the larger position fee factor + the cap on negative close impact). Per position,
 * `isLiquidatable` computes the part of the remaining collateral that depends on the price and time
 * (collateral value + PnL - borrowing - funding: two multiplications, two `mulDiv`) and decides
 * with one more `mulDiv` when that part clears the maintenance margin plus the largest close cost
 * (healthy) or falls short of the maintenance margin alone (liquidatable: the close fee and impact
 * only subtract); only positions in between are evaluated in full with the mirror's
 * `positionHealth`. The answers are exactly the contract's `getPositionHealth(...).liquidatable` at a
 * block with this timestamp (in the ranges where the contract's arithmetic does not revert).
 *
 * @example
 * const scanner = createLiquidationScanner(snapshot.state, prices, snapshot.timestamp + 1n);
 * for (const position of scanner.scan(positions)) await liquidate(position);
 */
export function createLiquidationScanner(
  market: MarketState,
  prices: MarketPrices,
  timestamp: bigint,
): LiquidationScanner {
  const rates = accruedRates(market, prices, timestamp);
  const { fees, impact, risk } = market.config;
  const maxFeeFactor = max(fees.positionFeeFactorPositiveImpact, fees.positionFeeFactorNegativeImpact);
  // fee + |negative close impact| <= mulUp(size, maxFee) + mulUp(size, maxNegativeImpact)
  //   <= mulUp(size, maxFee + maxNegativeImpact) + 1; maintenance <= mulUp(size, mm) + minCollateral.
  const healthyFactor = maxFeeFactor + impact.maxNegativeImpactFactor + market.maintenanceMarginFactor;
  const healthySlack = 2n + risk.minCollateralUsd;
  const longToken = market.longToken;
  const shortToken = market.shortToken;

  const check = (position: PositionState): LiquidationCheck => {
    const remaining = positionHealth(market, position, rates, prices).remainingCollateralUsd;
    const maintenance = maintenanceMarginUsd(market, position.sizeUsd);
    return {
      remainingCollateralUsd: remaining,
      maintenanceMarginUsd: maintenance,
      liquidatable: remaining < toInt(maintenance),
    };
  };

  const isLiquidatable = (position: PositionState): boolean => {
    const isLong = position.isLong;
    const collateral = position.collateralToken;
    const collateralIsLong =
      collateral === longToken
        ? true
        : collateral === shortToken
          ? false
          : sameAddress(collateral, longToken);
    const sizeUsd = position.sizeUsd;
    const base =
      position.collateralAmount * (collateralIsLong ? prices.long.min : prices.short.min) +
      pnlUsd(isLong, sizeUsd, position.sizeInTokens, isLong ? prices.index.min : prices.index.max) -
      borrowingFeeUsd(
        sizeUsd,
        isLong ? rates.cumulativeBorrowingFactorLong : rates.cumulativeBorrowingFactorShort,
        position.borrowingFactorSnapshot,
      ) -
      fundingFeeUsd(
        sizeUsd,
        isLong ? rates.cumulativeFundingPerSizeLong : rates.cumulativeFundingPerSizeShort,
        position.fundingPerSizeSnapshot,
      );
    // Healthy whatever the close fee and impact are.
    if (base >= mulUp(sizeUsd, healthyFactor) + healthySlack) return false;
    // Liquidatable before the close fee and impact are even counted.
    if (base < marginRequirementUsd(sizeUsd, market.maintenanceMarginFactor, risk.minCollateralUsd))
      return true;
    return check(position).liquidatable;
  };

  return {
    rates,
    isLiquidatable,
    check,
    scan(positions) {
      const out = [];
      for (const position of positions) if (isLiquidatable(position)) out.push(position);
      return out;
    },
  };
}
