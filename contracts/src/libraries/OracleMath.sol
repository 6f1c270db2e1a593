// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {PriceRange} from "../types/Price.sol";
import {FixedPoint} from "./FixedPoint.sol";

/// @title OracleMath
/// @notice Turns a Pyth price (integer mantissa, exponent, confidence) into a min/max price range in
/// USD with 30 decimals per smallest token unit.
library OracleMath {
    using FixedPoint for uint256;

    error ExponentOutOfRange(int32 expo, uint8 tokenDecimals);
    error NonPositivePrice(bytes32 feedId, int64 price);
    error UnexpectedExponent(bytes32 feedId, int32 expo, int32 expectedExpo);
    error ConfidenceTooWide(bytes32 feedId, uint64 conf, int64 price, uint256 maxConfidenceFactor);

    /// @notice The multiplier that converts a Pyth mantissa with exponent `expo` into USD with 30
    /// decimals per smallest unit of a token with `tokenDecimals` decimals: 10^(30 + expo - decimals).
    /// @dev Reverts unless 0 <= 30 + expo - decimals <= 30 (checked when a feed is configured).
    function priceMultiplier(int32 expo, uint8 tokenDecimals) internal pure returns (uint256) {
        int256 power = 30 + int256(expo) - int256(uint256(tokenDecimals));
        if (power < 0 || power > 30) revert ExponentOutOfRange(expo, tokenDecimals);
        return 10 ** uint256(power);
    }

    /// @notice Price range from a Pyth price: mantissa -/+ k x confidence, scaled by `multiplier`.
    /// @param confidenceMultiplier k with 30 decimals (the spread is rounded up: a wider range).
    /// @param maxConfidenceFactor the largest accepted conf / price, 30 decimals.
    function toPriceRange(
        bytes32 feedId,
        int64 price,
        uint64 conf,
        int32 expo,
        int32 expectedExpo,
        uint256 multiplier,
        uint256 confidenceMultiplier,
        uint256 maxConfidenceFactor
    ) internal pure returns (PriceRange memory range) {
        if (price <= 0) revert NonPositivePrice(feedId, price);
        if (expo != expectedExpo) revert UnexpectedExponent(feedId, expo, expectedExpo);
        uint256 mantissa = uint256(int256(price));
        // conf / price <= maxConfidenceFactor, checked without division.
        if (uint256(conf) * FixedPoint.ONE > mantissa * maxConfidenceFactor) {
            revert ConfidenceTooWide(feedId, conf, price, maxConfidenceFactor);
        }
        uint256 spread = uint256(conf).mulUp(confidenceMultiplier);
        if (spread >= mantissa) revert ConfidenceTooWide(feedId, conf, price, maxConfidenceFactor);
        range.min = (mantissa - spread) * multiplier;
        range.max = (mantissa + spread) * multiplier;
    }

    /// @notice Whether `price` moved from `referencePrice` by more than `maxDeviationFactor` (30 decimals).
    function deviatesBeyond(uint256 price, uint256 referencePrice, uint256 maxDeviationFactor)
        internal
        pure
        returns (bool)
    {
        if (referencePrice == 0) return false;
        uint256 diff = price > referencePrice ? price - referencePrice : referencePrice - price;
        return diff * FixedPoint.ONE > referencePrice * maxDeviationFactor;
    }
}
