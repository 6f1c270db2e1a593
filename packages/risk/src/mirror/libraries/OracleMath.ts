/**
 * Mirror of `contracts/src/libraries/OracleMath.sol`: a Pyth price (mantissa, exponent, confidence)
 * as a min/max range in USD with 30 decimals per smallest token unit.
 * @module
 */
import type { Hex } from "viem";
import { MirrorRevert } from "../errors.js";
import { add, mul, sub } from "../evm.js";
import type { PriceRange } from "../types.js";
import { mulUp, ONE } from "./FixedPoint.js";

/**
 * 10^(30 + expo - tokenDecimals): converts a Pyth mantissa with exponent `expo` into USD with 30
 * decimals per smallest unit of a token with `tokenDecimals` decimals. Reverts
 * `ExponentOutOfRange(expo, tokenDecimals)` unless 0 <= 30 + expo - decimals <= 30.
 *
 * @example
 * priceMultiplier(-8, 18); // 10_000n: ETH at mantissa 3000e8 -> 3e15 USD(1e30) per wei
 */
export function priceMultiplier(expo: number, tokenDecimals: number): bigint {
  const power = 30 + expo - tokenDecimals;
  if (power < 0 || power > 30) throw new MirrorRevert("ExponentOutOfRange", { expo, tokenDecimals });
  return 10n ** BigInt(power);
}

/**
 * Price range from a Pyth price: mantissa -/+ k x confidence (the spread rounded up), scaled by
 * `multiplier`. Reverts `NonPositivePrice`, `UnexpectedExponent` or `ConfidenceTooWide` as the
 * contract does.
 *
 * @param confidenceMultiplier k, 30 decimals
 * @param maxConfidenceFactor the largest accepted conf / price, 30 decimals
 */
export function toPriceRange(
  feedId: Hex,
  price: bigint,
  conf: bigint,
  expo: number,
  expectedExpo: number,
  multiplier: bigint,
  confidenceMultiplier: bigint,
  maxConfidenceFactor: bigint,
): PriceRange {
  if (price <= 0n) throw new MirrorRevert("NonPositivePrice", { feedId, price });
  if (expo !== expectedExpo) throw new MirrorRevert("UnexpectedExponent", { feedId, expo, expectedExpo });
  const mantissa = price;
  // conf / price <= maxConfidenceFactor, checked without division.
  if (mul(conf, ONE) > mul(mantissa, maxConfidenceFactor)) {
    throw new MirrorRevert("ConfidenceTooWide", { feedId, conf, price, maxConfidenceFactor });
  }
  const spread = mulUp(conf, confidenceMultiplier);
  if (spread >= mantissa)
    throw new MirrorRevert("ConfidenceTooWide", { feedId, conf, price, maxConfidenceFactor });
  return { min: mul(sub(mantissa, spread), multiplier), max: mul(add(mantissa, spread), multiplier) };
}

/** Whether `price` moved from `referencePrice` by more than `maxDeviationFactor` (30 decimals). */
export function deviatesBeyond(price: bigint, referencePrice: bigint, maxDeviationFactor: bigint): boolean {
  if (referencePrice === 0n) return false;
  const diff = price > referencePrice ? price - referencePrice : referencePrice - price;
  return mul(diff, ONE) > mul(referencePrice, maxDeviationFactor);
}
