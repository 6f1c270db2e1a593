// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {FixedPoint} from "./FixedPoint.sol";

/// @title PositionMath
/// @notice Position PnL, size-in-tokens changes, execution prices and margin requirements. Every
/// rounding favours the pool.
library PositionMath {
    using FixedPoint for uint256;

    error ImpactExceedsSize(uint256 sizeDeltaUsd, int256 priceImpactUsd);

    /// @notice PnL of a whole position at `indexPrice`: value of its tokens minus its size (long),
    /// or size minus value (short). Exact: tokens x price is an integer.
    function pnlUsd(bool isLong, uint256 sizeUsd, uint256 sizeInTokens, uint256 indexPrice)
        internal
        pure
        returns (int256)
    {
        int256 value = FixedPoint.toInt(sizeInTokens * indexPrice);
        int256 size = FixedPoint.toInt(sizeUsd);
        return isLong ? value - size : size - value;
    }

    /// @notice The part of `totalPnlUsd` realized by closing `sizeDeltaUsd` of `sizeUsd`: profit
    /// rounds down, loss rounds up.
    function realizedPnlUsd(int256 totalPnlUsd, uint256 sizeDeltaUsd, uint256 sizeUsd) internal pure returns (int256) {
        if (sizeDeltaUsd == sizeUsd) return totalPnlUsd;
        if (totalPnlUsd >= 0) return FixedPoint.toInt(uint256(totalPnlUsd).mulDivDown(sizeDeltaUsd, sizeUsd));
        return -FixedPoint.toInt(FixedPoint.abs(totalPnlUsd).mulDivUp(sizeDeltaUsd, sizeUsd));
    }

    /// @notice Execution price of an increase in USD (30 decimals) per index token unit: size delta /
    /// tokens, rounded against the trader as the acceptable-price check is (up for longs, down for shorts).
    function increaseExecutionPrice(bool isLong, uint256 sizeDeltaUsd, uint256 sizeDeltaInTokens)
        internal
        pure
        returns (uint256)
    {
        if (sizeDeltaInTokens == 0) return 0;
        return isLong ? FixedPoint.divUp(sizeDeltaUsd, sizeDeltaInTokens) : sizeDeltaUsd / sizeDeltaInTokens;
    }

    /// @notice Index tokens removed from a position when `sizeDeltaUsd` of it is closed: longs give up
    /// more (rounded up), shorts keep more owed (rounded down).
    function sizeDeltaInTokensForDecrease(bool isLong, uint256 sizeInTokens, uint256 sizeDeltaUsd, uint256 sizeUsd)
        internal
        pure
        returns (uint256)
    {
        if (sizeDeltaUsd == sizeUsd) return sizeInTokens;
        return isLong ? sizeInTokens.mulDivUp(sizeDeltaUsd, sizeUsd) : sizeInTokens.mulDivDown(sizeDeltaUsd, sizeUsd);
    }

    /// @notice Index tokens bought (long) or sold (short) by an increase, with price impact embedded:
    /// long tokens = (size + impact) / max price, rounded down; short tokens = (size - impact) / min
    /// price, rounded up. The impact is capped below the size delta, so the numerator stays positive.
    function sizeDeltaInTokensForIncrease(bool isLong, uint256 sizeDeltaUsd, int256 priceImpactUsd, uint256 indexPrice)
        internal
        pure
        returns (uint256)
    {
        int256 adjusted =
            isLong ? FixedPoint.toInt(sizeDeltaUsd) + priceImpactUsd : FixedPoint.toInt(sizeDeltaUsd) - priceImpactUsd;
        if (adjusted <= 0) revert ImpactExceedsSize(sizeDeltaUsd, priceImpactUsd);
        return isLong ? uint256(adjusted) / indexPrice : FixedPoint.divUp(uint256(adjusted), indexPrice);
    }

    /// @notice Whether an increase's execution price (size delta / tokens) respects the acceptable
    /// price: at most it for longs, at least it for shorts. Exact, and safe for any acceptable price.
    function increaseRespectsAcceptablePrice(
        bool isLong,
        uint256 sizeDeltaUsd,
        uint256 sizeDeltaInTokens,
        uint256 acceptablePrice
    ) internal pure returns (bool) {
        if (sizeDeltaInTokens == 0) return false;
        // size <= acceptable x tokens  <=>  ceil(size / tokens) <= acceptable (and the mirror for shorts).
        return isLong
            ? FixedPoint.divUp(sizeDeltaUsd, sizeDeltaInTokens) <= acceptablePrice
            : sizeDeltaUsd / sizeDeltaInTokens >= acceptablePrice;
    }

    /// @notice Whether a decrease's execution price, price x (1 +/- impact / size delta), respects the
    /// acceptable price: at least it for longs, at most it for shorts. Exact.
    function decreaseRespectsAcceptablePrice(
        bool isLong,
        uint256 indexPrice,
        uint256 sizeDeltaUsd,
        int256 priceImpactUsd,
        uint256 acceptablePrice
    ) internal pure returns (bool) {
        int256 adjusted = isLong
            ? FixedPoint.toInt(sizeDeltaUsd) + priceImpactUsd
            : FixedPoint.toInt(sizeDeltaUsd) - priceImpactUsd;
        if (adjusted < 0) adjusted = 0;
        return isLong
            ? indexPrice.mulDivDown(uint256(adjusted), sizeDeltaUsd) >= acceptablePrice
            : indexPrice.mulDivUp(uint256(adjusted), sizeDeltaUsd) <= acceptablePrice;
    }

    /// @notice Execution price of a decrease in USD (30 decimals) per index token unit, for events and
    /// previews: price x (size delta + impact) / size delta for longs, (size delta - impact) for shorts;
    /// rounded against the trader, as the acceptable-price check is (down for longs, up for shorts).
    function decreaseExecutionPrice(bool isLong, uint256 indexPrice, uint256 sizeDeltaUsd, int256 priceImpactUsd)
        internal
        pure
        returns (uint256)
    {
        if (sizeDeltaUsd == 0) return indexPrice;
        int256 adjusted =
            isLong ? FixedPoint.toInt(sizeDeltaUsd) + priceImpactUsd : FixedPoint.toInt(sizeDeltaUsd) - priceImpactUsd;
        if (adjusted <= 0) return 0;
        return isLong
            ? indexPrice.mulDivDown(uint256(adjusted), sizeDeltaUsd)
            : indexPrice.mulDivUp(uint256(adjusted), sizeDeltaUsd);
    }

    /// @notice Maintenance margin: max(minCollateralUsd, size x factor rounded up).
    function marginRequirementUsd(uint256 sizeUsd, uint256 factor, uint256 minCollateralUsd)
        internal
        pure
        returns (uint256)
    {
        uint256 required = sizeUsd.mulUp(factor);
        return required > minCollateralUsd ? required : minCollateralUsd;
    }

    /// @notice Remaining collateral of a position if it were closed now: collateral value plus PnL,
    /// minus accrued borrowing and funding, the close fee and any negative price impact.
    function remainingCollateralUsd(
        uint256 collateralUsd,
        int256 pnl,
        uint256 borrowingFee,
        int256 fundingFee,
        uint256 closeFee,
        int256 priceImpactUsd
    ) internal pure returns (int256) {
        int256 impactCost = priceImpactUsd < 0 ? priceImpactUsd : int256(0);
        return FixedPoint.toInt(collateralUsd) + pnl - FixedPoint.toInt(borrowingFee) - fundingFee
            - FixedPoint.toInt(closeFee) + impactCost;
    }
}
