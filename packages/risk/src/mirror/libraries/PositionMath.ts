/**
 * Mirror of `contracts/src/libraries/PositionMath.sol`: PnL, size-in-tokens changes, execution prices
 * and margin requirements. Every rounding favours the pool.
 * @module
 */
import { MirrorRevert } from "../errors.js";
import { addI, div, mul, subI } from "../evm.js";
import { divUp, mulDivDown, mulDivUp, mulUp, abs as signedAbs, toInt } from "./FixedPoint.js";

/**
 * PnL of a whole position at `indexPrice`: value of its tokens minus its size (long), or size minus
 * value (short). Exact: tokens x price is an integer.
 *
 * @example
 * // 1 ETH (1e18 wei) long opened for $3000, now at $3300 (3.3e15 USD(1e30) per wei): +$300
 * pnlUsd(true, 3000n * 10n ** 30n, 10n ** 18n, 33n * 10n ** 14n); // 300n * 10n ** 30n
 */
export function pnlUsd(isLong: boolean, sizeUsd: bigint, sizeInTokens: bigint, indexPrice: bigint): bigint {
  const value = toInt(mul(sizeInTokens, indexPrice));
  const size = toInt(sizeUsd);
  return isLong ? subI(value, size) : subI(size, value);
}

/** The part of `totalPnlUsd` realized by closing `sizeDeltaUsd` of `sizeUsd`: profit rounds down, loss rounds up. */
export function realizedPnlUsd(totalPnlUsd: bigint, sizeDeltaUsd: bigint, sizeUsd: bigint): bigint {
  if (sizeDeltaUsd === sizeUsd) return totalPnlUsd;
  if (totalPnlUsd >= 0n) return toInt(mulDivDown(totalPnlUsd, sizeDeltaUsd, sizeUsd));
  return -toInt(mulDivUp(signedAbs(totalPnlUsd), sizeDeltaUsd, sizeUsd));
}

/**
 * Execution price of an increase per index token unit: size delta / tokens, rounded against the
 * trader as the acceptable-price check is (up for longs, down for shorts); 0 without tokens.
 */
export function increaseExecutionPrice(
  isLong: boolean,
  sizeDeltaUsd: bigint,
  sizeDeltaInTokens: bigint,
): bigint {
  if (sizeDeltaInTokens === 0n) return 0n;
  return isLong ? divUp(sizeDeltaUsd, sizeDeltaInTokens) : sizeDeltaUsd / sizeDeltaInTokens;
}

/** Index tokens removed when `sizeDeltaUsd` of a position is closed: longs give up more (up), shorts keep more owed (down). */
export function sizeDeltaInTokensForDecrease(
  isLong: boolean,
  sizeInTokens: bigint,
  sizeDeltaUsd: bigint,
  sizeUsd: bigint,
): bigint {
  if (sizeDeltaUsd === sizeUsd) return sizeInTokens;
  return isLong
    ? mulDivUp(sizeInTokens, sizeDeltaUsd, sizeUsd)
    : mulDivDown(sizeInTokens, sizeDeltaUsd, sizeUsd);
}

/**
 * Index tokens bought (long) or sold (short) by an increase, impact embedded: long tokens =
 * (size + impact) / max price rounded down; short tokens = (size - impact) / min price rounded up.
 * Reverts `ImpactExceedsSize(sizeDeltaUsd, priceImpactUsd)` when the adjusted size is not positive.
 */
export function sizeDeltaInTokensForIncrease(
  isLong: boolean,
  sizeDeltaUsd: bigint,
  priceImpactUsd: bigint,
  indexPrice: bigint,
): bigint {
  const adjusted = isLong
    ? addI(toInt(sizeDeltaUsd), priceImpactUsd)
    : subI(toInt(sizeDeltaUsd), priceImpactUsd);
  if (adjusted <= 0n) throw new MirrorRevert("ImpactExceedsSize", { sizeDeltaUsd, priceImpactUsd });
  return isLong ? div(adjusted, indexPrice) : divUp(adjusted, indexPrice);
}

/** Whether an increase's execution price (size / tokens) is at most (long) or at least (short) the acceptable price. */
export function increaseRespectsAcceptablePrice(
  isLong: boolean,
  sizeDeltaUsd: bigint,
  sizeDeltaInTokens: bigint,
  acceptablePrice: bigint,
): boolean {
  if (sizeDeltaInTokens === 0n) return false;
  return isLong
    ? divUp(sizeDeltaUsd, sizeDeltaInTokens) <= acceptablePrice
    : sizeDeltaUsd / sizeDeltaInTokens >= acceptablePrice;
}

/** Whether a decrease's execution price, price x (1 +/- impact / size delta), is at least (long) or at most (short) the acceptable price. */
export function decreaseRespectsAcceptablePrice(
  isLong: boolean,
  indexPrice: bigint,
  sizeDeltaUsd: bigint,
  priceImpactUsd: bigint,
  acceptablePrice: bigint,
): boolean {
  let adjusted = isLong
    ? addI(toInt(sizeDeltaUsd), priceImpactUsd)
    : subI(toInt(sizeDeltaUsd), priceImpactUsd);
  if (adjusted < 0n) adjusted = 0n;
  return isLong
    ? mulDivDown(indexPrice, adjusted, sizeDeltaUsd) >= acceptablePrice
    : mulDivUp(indexPrice, adjusted, sizeDeltaUsd) <= acceptablePrice;
}

/**
 * Execution price of a decrease per index token unit: price x (size delta +/- impact) / size delta,
 * rounded against the trader as the acceptable-price check is (down for longs, up for shorts); 0 when
 * the adjusted size is not positive.
 */
export function decreaseExecutionPrice(
  isLong: boolean,
  indexPrice: bigint,
  sizeDeltaUsd: bigint,
  priceImpactUsd: bigint,
): bigint {
  if (sizeDeltaUsd === 0n) return indexPrice;
  const adjusted = isLong
    ? addI(toInt(sizeDeltaUsd), priceImpactUsd)
    : subI(toInt(sizeDeltaUsd), priceImpactUsd);
  if (adjusted <= 0n) return 0n;
  return isLong
    ? mulDivDown(indexPrice, adjusted, sizeDeltaUsd)
    : mulDivUp(indexPrice, adjusted, sizeDeltaUsd);
}

/** Margin requirement: max(minCollateralUsd, size x factor rounded up). */
export function marginRequirementUsd(sizeUsd: bigint, factor: bigint, minCollateralUsd: bigint): bigint {
  const required = mulUp(sizeUsd, factor);
  return required > minCollateralUsd ? required : minCollateralUsd;
}

/**
 * Remaining collateral if a position were closed now: collateral value + PnL - borrowing - funding -
 * close fee + negative price impact (positive impact is not counted).
 */
export function remainingCollateralUsd(
  collateralUsd: bigint,
  pnl: bigint,
  borrowingFee: bigint,
  fundingFee: bigint,
  closeFee: bigint,
  priceImpactUsd: bigint,
): bigint {
  const impactCost = priceImpactUsd < 0n ? priceImpactUsd : 0n;
  return addI(
    subI(subI(subI(addI(toInt(collateralUsd), pnl), toInt(borrowingFee)), fundingFee), toInt(closeFee)),
    impactCost,
  );
}
