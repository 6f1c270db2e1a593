/**
 * Mirror of `contracts/src/libraries/FeeMath.sol`: position, liquidity, liquidation and insurance
 * fees. Fees round up; shares paid out of a fee (to the insurance fund) round down.
 * @module
 */
import { mulDown, mulUp } from "./FixedPoint.js";

/** Open/close fee: size delta x the fee factor for the trade's impact direction (zero impact: negative factor). */
export function positionFeeUsd(
  sizeDeltaUsd: bigint,
  priceImpactUsd: bigint,
  factorPositive: bigint,
  factorNegative: bigint,
): bigint {
  return mulUp(sizeDeltaUsd, priceImpactUsd > 0n ? factorPositive : factorNegative);
}

/** A fee of `factor` on `usd`, rounded up. */
export function feeUsd(usd: bigint, factor: bigint): bigint {
  return mulUp(usd, factor);
}

/** The part of a fee that goes to the insurance fund, rounded down. */
export function insuranceShareOf(amount: bigint, insuranceShareFactor: bigint): bigint {
  return mulDown(amount, insuranceShareFactor);
}
