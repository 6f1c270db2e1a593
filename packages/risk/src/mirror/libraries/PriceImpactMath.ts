/**
 * Mirror of `contracts/src/libraries/PriceImpactMath.sol`: price impact from open-interest skew
 * (GMX v2 model, exponent 2), positive impact rounded down, negative rounded up in magnitude.
 * @module
 */
import { add, negI, sub, subI } from "../evm.js";
import { abs, mulDown, mulUp, toInt } from "./FixedPoint.js";

/** Skew cost of `x` USD of skew: x^2 * factor, all 30 decimals. */
export function skewCostUsd(x: bigint, factor: bigint, roundUp: boolean): bigint {
  if (roundUp) return mulUp(mulUp(x, x), factor);
  return mulDown(mulDown(x, x), factor);
}

/**
 * Price impact in USD (positive = in the trader's favour) of changing one side's open interest by
 * `sizeDeltaUsd`, before caps.
 *
 * @param isIncrease true when the side's open interest grows by the delta
 */
export function rawImpactUsd(
  longOpenInterestUsd: bigint,
  shortOpenInterestUsd: bigint,
  sizeDeltaUsd: bigint,
  isLong: boolean,
  isIncrease: boolean,
  positiveFactor: bigint,
  negativeFactor: bigint,
): bigint {
  let nextLong = longOpenInterestUsd;
  let nextShort = shortOpenInterestUsd;
  if (isLong) nextLong = isIncrease ? add(nextLong, sizeDeltaUsd) : sub(nextLong, sizeDeltaUsd);
  else nextShort = isIncrease ? add(nextShort, sizeDeltaUsd) : sub(nextShort, sizeDeltaUsd);

  const longHeavyBefore = longOpenInterestUsd >= shortOpenInterestUsd;
  const longHeavyAfter = nextLong >= nextShort;
  const skewBefore = longHeavyBefore
    ? longOpenInterestUsd - shortOpenInterestUsd
    : shortOpenInterestUsd - longOpenInterestUsd;
  const skewAfter = longHeavyAfter ? nextLong - nextShort : nextShort - nextLong;

  const crossesOver = longHeavyBefore !== longHeavyAfter && skewBefore !== 0n && skewAfter !== 0n;
  if (crossesOver) {
    // Reducing the old skew to zero is rewarded; building the new skew is charged.
    const gain = skewCostUsd(skewBefore, positiveFactor, false);
    const cost = skewCostUsd(skewAfter, negativeFactor, true);
    return subI(toInt(gain), toInt(cost));
  }
  if (skewAfter <= skewBefore) {
    // (b^2 - a^2) = (b - a)(b + a), computed without overflow and rounded down.
    const improvement = mulDown(mulDown(skewBefore - skewAfter, add(skewBefore, skewAfter)), positiveFactor);
    return toInt(improvement);
  }
  const worsening = mulUp(mulUp(skewAfter - skewBefore, add(skewAfter, skewBefore)), negativeFactor);
  return negI(toInt(worsening));
}

/**
 * Caps an impact: positive at maxPositiveFactor x size delta (rounded down), negative at
 * maxNegativeFactor x size delta (rounded up).
 */
export function capImpactUsd(
  impactUsd: bigint,
  sizeDeltaUsd: bigint,
  maxPositiveFactor: bigint,
  maxNegativeFactor: bigint,
): bigint {
  if (impactUsd > 0n) {
    const cap = mulDown(sizeDeltaUsd, maxPositiveFactor);
    return impactUsd > cap ? toInt(cap) : impactUsd;
  }
  const negativeCap = mulUp(sizeDeltaUsd, maxNegativeFactor);
  return abs(impactUsd) > negativeCap ? negI(toInt(negativeCap)) : impactUsd;
}
