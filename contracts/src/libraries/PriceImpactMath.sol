// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {FixedPoint} from "./FixedPoint.sol";

/// @title PriceImpactMath
/// @notice Price impact from open-interest skew (GMX v2 model, exponent 2):
/// impact = f(skew before) - f(skew after), f(x) = factor * x^2, with a smaller factor for trades that
/// reduce skew than for trades that increase it, capped as a factor of the size delta. Positive impact
/// is rounded down and negative impact rounded up (in magnitude): always in the pool's favour.
library PriceImpactMath {
    using FixedPoint for uint256;

    /// @notice Skew cost of `x` USD of skew: x^2 * factor, all 30 decimals.
    function skewCostUsd(uint256 x, uint256 factor, bool roundUp) internal pure returns (uint256) {
        if (roundUp) return x.mulUp(x).mulUp(factor);
        return x.mulDown(x).mulDown(factor);
    }

    /// @notice Price impact in USD (positive = in the trader's favour) of changing one side's open
    /// interest by `sizeDeltaUsd`, before caps.
    /// @param isIncrease true when the side's open interest grows by the delta.
    function rawImpactUsd(
        uint256 longOpenInterestUsd,
        uint256 shortOpenInterestUsd,
        uint256 sizeDeltaUsd,
        bool isLong,
        bool isIncrease,
        uint256 positiveFactor,
        uint256 negativeFactor
    ) internal pure returns (int256) {
        uint256 nextLong = longOpenInterestUsd;
        uint256 nextShort = shortOpenInterestUsd;
        if (isLong) nextLong = isIncrease ? nextLong + sizeDeltaUsd : nextLong - sizeDeltaUsd;
        else nextShort = isIncrease ? nextShort + sizeDeltaUsd : nextShort - sizeDeltaUsd;

        bool longHeavyBefore = longOpenInterestUsd >= shortOpenInterestUsd;
        bool longHeavyAfter = nextLong >= nextShort;
        uint256 skewBefore =
            longHeavyBefore ? longOpenInterestUsd - shortOpenInterestUsd : shortOpenInterestUsd - longOpenInterestUsd;
        uint256 skewAfter = longHeavyAfter ? nextLong - nextShort : nextShort - nextLong;

        bool crossesOver = longHeavyBefore != longHeavyAfter && skewBefore != 0 && skewAfter != 0;
        if (crossesOver) {
            // Reducing the old skew to zero is rewarded; building the new skew is charged.
            uint256 gain = skewCostUsd(skewBefore, positiveFactor, false);
            uint256 cost = skewCostUsd(skewAfter, negativeFactor, true);
            return FixedPoint.toInt(gain) - FixedPoint.toInt(cost);
        }
        if (skewAfter <= skewBefore) {
            // (b^2 - a^2) = (b - a)(b + a), computed without overflow and rounded down.
            uint256 improvement = (skewBefore - skewAfter).mulDown(skewBefore + skewAfter).mulDown(positiveFactor);
            return FixedPoint.toInt(improvement);
        }
        uint256 worsening = (skewAfter - skewBefore).mulUp(skewAfter + skewBefore).mulUp(negativeFactor);
        return -FixedPoint.toInt(worsening);
    }

    /// @notice Caps an impact: positive at maxPositiveFactor x size delta (rounded down), negative at
    /// maxNegativeFactor x size delta (rounded up).
    function capImpactUsd(int256 impactUsd, uint256 sizeDeltaUsd, uint256 maxPositiveFactor, uint256 maxNegativeFactor)
        internal
        pure
        returns (int256)
    {
        if (impactUsd > 0) {
            uint256 cap = sizeDeltaUsd.mulDown(maxPositiveFactor);
            return uint256(impactUsd) > cap ? FixedPoint.toInt(cap) : impactUsd;
        }
        uint256 negativeCap = sizeDeltaUsd.mulUp(maxNegativeFactor);
        return FixedPoint.abs(impactUsd) > negativeCap ? -FixedPoint.toInt(negativeCap) : impactUsd;
    }
}
