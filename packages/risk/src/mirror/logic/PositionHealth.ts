/**
 * Mirror of `contracts/src/logic/PositionHealth.sol`: what a position would keep if it were closed
 * now, the one quantity behind the opening requirement, the liquidation condition and the
 * liquidation price.
 * @module
 */
import { type Address, encodeAbiParameters, type Hex, keccak256 } from "viem";
import { mul } from "../evm.js";
import { marginRequirementUsd, pnlUsd, remainingCollateralUsd } from "../libraries/PositionMath.js";
import { borrowingFeeUsd, fundingFeeUsd } from "../libraries/RateMath.js";
import {
  type Health,
  type MarketPrices,
  type MarketState,
  type PositionState,
  type RateState,
  sameAddress,
} from "../types.js";
import { positionFeeUsd, priceImpactUsd } from "./MarketLogic.js";

const POSITION_KEY_PARAMETERS = [
  { type: "address" },
  { type: "address" },
  { type: "address" },
  { type: "bool" },
] as const;

/** The key of a position: keccak256(abi.encode(account, market, collateralToken, isLong)). */
export function positionKey(
  account: Address,
  market: Address,
  collateralToken: Address,
  isLong: boolean,
): Hex {
  return keccak256(encodeAbiParameters(POSITION_KEY_PARAMETERS, [account, market, collateralToken, isLong]));
}

/**
 * Remaining collateral if `position` were fully closed at `prices` with `rates` (`PositionHealth.evaluate`):
 * collateral at its min price + PnL at the closing price (min for longs, max for shorts) - accrued
 * borrowing and funding - close fee - negative close impact (positive impact is not counted).
 *
 * @example
 * const rates = accruedRates(market, prices, block.timestamp);
 * const health = positionHealth(market, position, rates, prices);
 * health.remainingCollateralUsd; // = getPositionHealth(key, prices).remainingCollateralUsd at that block
 */
export function positionHealth(
  m: MarketState,
  position: PositionState,
  rates: RateState,
  prices: MarketPrices,
): Health {
  const isLong = position.isLong;
  const collateralUsd = mul(
    position.collateralAmount,
    sameAddress(position.collateralToken, m.longToken) ? prices.long.min : prices.short.min,
  );
  const pnl = pnlUsd(
    isLong,
    position.sizeUsd,
    position.sizeInTokens,
    isLong ? prices.index.min : prices.index.max,
  );
  const borrowingFeeUsd = pendingBorrowingFeeUsd(position, rates);
  const fundingFeeUsd = pendingFundingFeeUsd(position, rates);
  const closeImpactUsd = priceImpactUsd(m, position.sizeUsd, isLong, false);
  const closeFeeUsd = positionFeeUsd(m, position.sizeUsd, closeImpactUsd);
  return {
    collateralUsd,
    pnlUsd: pnl,
    borrowingFeeUsd,
    fundingFeeUsd,
    closeFeeUsd,
    closeImpactUsd,
    remainingCollateralUsd: remainingCollateralUsd(
      collateralUsd,
      pnl,
      borrowingFeeUsd,
      fundingFeeUsd,
      closeFeeUsd,
      closeImpactUsd,
    ),
  };
}

/** The Solidity name of {@link positionHealth}. */
export const evaluate = positionHealth;

/** Borrowing fee a position has accrued since its last update. */
export function pendingBorrowingFeeUsd(position: PositionState, rates: RateState): bigint {
  return borrowingFeeUsd(
    position.sizeUsd,
    position.isLong ? rates.cumulativeBorrowingFactorLong : rates.cumulativeBorrowingFactorShort,
    position.borrowingFactorSnapshot,
  );
}

/** Funding a position has accrued since its last update (positive = owed). */
export function pendingFundingFeeUsd(position: PositionState, rates: RateState): bigint {
  return fundingFeeUsd(
    position.sizeUsd,
    position.isLong ? rates.cumulativeFundingPerSizeLong : rates.cumulativeFundingPerSizeShort,
    position.fundingPerSizeSnapshot,
  );
}

/** Maintenance margin of a position: max(minCollateralUsd, size x maintenance factor, rounded up). */
export function maintenanceMarginUsd(m: MarketState, sizeUsd: bigint): bigint {
  return marginRequirementUsd(sizeUsd, m.maintenanceMarginFactor, m.config.risk.minCollateralUsd);
}

/** Opening requirement: max(minCollateralUsd, size x min collateral factor, rounded up). */
export function openingMarginUsd(m: MarketState, sizeUsd: bigint): bigint {
  return marginRequirementUsd(sizeUsd, m.config.risk.minCollateralFactor, m.config.risk.minCollateralUsd);
}
