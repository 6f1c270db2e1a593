// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {FeeMath} from "../libraries/FeeMath.sol";
import {FixedPoint, SignedMathAbs} from "../libraries/FixedPoint.sol";
import {OracleMath} from "../libraries/OracleMath.sol";
import {PoolMath} from "../libraries/PoolMath.sol";
import {PositionMath} from "../libraries/PositionMath.sol";
import {PriceImpactMath} from "../libraries/PriceImpactMath.sol";
import {RateMath} from "../libraries/RateMath.sol";
import {SettlementMath} from "../libraries/SettlementMath.sol";
import {TriggerMath} from "../libraries/TriggerMath.sol";
import {TradeAmounts} from "../types/PositionTypes.sol";
import {PriceRange} from "../types/Price.sol";
import {OrderType} from "../types/RequestTypes.sol";

/// @title MathHarness
/// @notice TEST HARNESS, NOT DEPLOYED IN PRODUCTION. Exposes every formula of `src/libraries/` as an
/// `external pure` function named `<library>_<function>`, with the library's parameters in the same
/// order (structs flattened into their fields, in declaration order). The TypeScript differential
/// tests deploy it on anvil and compare the TypeScript mirror of each formula against it; the forge
/// suite `test/libraries/` uses it to call library functions at a lower call depth (reverts).
/// @dev Pure pass-through: no logic of its own. Library errors propagate unchanged.
contract MathHarness {
    // ------------------------------------------------------------------ FixedPoint

    /// @notice `FixedPoint.ONE` (1e30).
    function fixedPoint_one() external pure returns (uint256) {
        return FixedPoint.ONE;
    }

    /// @notice `FixedPoint.mulDown`.
    function fixedPoint_mulDown(uint256 a, uint256 factor) external pure returns (uint256) {
        return FixedPoint.mulDown(a, factor);
    }

    /// @notice `FixedPoint.mulUp`.
    function fixedPoint_mulUp(uint256 a, uint256 factor) external pure returns (uint256) {
        return FixedPoint.mulUp(a, factor);
    }

    /// @notice `FixedPoint.mulDivDown`.
    function fixedPoint_mulDivDown(uint256 a, uint256 b, uint256 d) external pure returns (uint256) {
        return FixedPoint.mulDivDown(a, b, d);
    }

    /// @notice `FixedPoint.mulDivUp`.
    function fixedPoint_mulDivUp(uint256 a, uint256 b, uint256 d) external pure returns (uint256) {
        return FixedPoint.mulDivUp(a, b, d);
    }

    /// @notice `FixedPoint.divUp`.
    function fixedPoint_divUp(uint256 a, uint256 b) external pure returns (uint256) {
        return FixedPoint.divUp(a, b);
    }

    /// @notice `FixedPoint.abs`.
    function fixedPoint_abs(int256 a) external pure returns (uint256) {
        return FixedPoint.abs(a);
    }

    /// @notice `FixedPoint.toInt`.
    function fixedPoint_toInt(uint256 a) external pure returns (int256) {
        return FixedPoint.toInt(a);
    }

    /// @notice `FixedPoint.positivePart`.
    function fixedPoint_positivePart(int256 a) external pure returns (uint256) {
        return FixedPoint.positivePart(a);
    }

    /// @notice `FixedPoint.negativePart`.
    function fixedPoint_negativePart(int256 a) external pure returns (uint256) {
        return FixedPoint.negativePart(a);
    }

    /// @notice `SignedMathAbs.abs`.
    function signedMathAbs_abs(int256 a) external pure returns (uint256) {
        return SignedMathAbs.abs(a);
    }

    // ------------------------------------------------------------------ OracleMath

    /// @notice `OracleMath.priceMultiplier`.
    function oracleMath_priceMultiplier(int32 expo, uint8 tokenDecimals) external pure returns (uint256) {
        return OracleMath.priceMultiplier(expo, tokenDecimals);
    }

    /// @notice `OracleMath.toPriceRange`, the returned `PriceRange` flattened to (min, max).
    function oracleMath_toPriceRange(
        bytes32 feedId,
        int64 price,
        uint64 conf,
        int32 expo,
        int32 expectedExpo,
        uint256 multiplier,
        uint256 confidenceMultiplier,
        uint256 maxConfidenceFactor
    ) external pure returns (uint256 min, uint256 max) {
        PriceRange memory range = OracleMath.toPriceRange(
            feedId, price, conf, expo, expectedExpo, multiplier, confidenceMultiplier, maxConfidenceFactor
        );
        return (range.min, range.max);
    }

    /// @notice `OracleMath.deviatesBeyond`.
    function oracleMath_deviatesBeyond(uint256 price, uint256 referencePrice, uint256 maxDeviationFactor)
        external
        pure
        returns (bool)
    {
        return OracleMath.deviatesBeyond(price, referencePrice, maxDeviationFactor);
    }

    // ------------------------------------------------------------------ PriceImpactMath

    /// @notice `PriceImpactMath.skewCostUsd`.
    function priceImpactMath_skewCostUsd(uint256 x, uint256 factor, bool roundUp) external pure returns (uint256) {
        return PriceImpactMath.skewCostUsd(x, factor, roundUp);
    }

    /// @notice `PriceImpactMath.rawImpactUsd`.
    function priceImpactMath_rawImpactUsd(
        uint256 longOpenInterestUsd,
        uint256 shortOpenInterestUsd,
        uint256 sizeDeltaUsd,
        bool isLong,
        bool isIncrease,
        uint256 positiveFactor,
        uint256 negativeFactor
    ) external pure returns (int256) {
        return PriceImpactMath.rawImpactUsd(
            longOpenInterestUsd, shortOpenInterestUsd, sizeDeltaUsd, isLong, isIncrease, positiveFactor, negativeFactor
        );
    }

    /// @notice `PriceImpactMath.capImpactUsd`.
    function priceImpactMath_capImpactUsd(
        int256 impactUsd,
        uint256 sizeDeltaUsd,
        uint256 maxPositiveFactor,
        uint256 maxNegativeFactor
    ) external pure returns (int256) {
        return PriceImpactMath.capImpactUsd(impactUsd, sizeDeltaUsd, maxPositiveFactor, maxNegativeFactor);
    }

    // ------------------------------------------------------------------ FeeMath

    /// @notice `FeeMath.positionFeeUsd`.
    function feeMath_positionFeeUsd(
        uint256 sizeDeltaUsd,
        int256 priceImpactUsd,
        uint256 factorPositive,
        uint256 factorNegative
    ) external pure returns (uint256) {
        return FeeMath.positionFeeUsd(sizeDeltaUsd, priceImpactUsd, factorPositive, factorNegative);
    }

    /// @notice `FeeMath.feeUsd`.
    function feeMath_feeUsd(uint256 usd, uint256 factor) external pure returns (uint256) {
        return FeeMath.feeUsd(usd, factor);
    }

    /// @notice `FeeMath.insuranceShareOf`.
    function feeMath_insuranceShareOf(uint256 amount, uint256 insuranceShareFactor) external pure returns (uint256) {
        return FeeMath.insuranceShareOf(amount, insuranceShareFactor);
    }

    // ------------------------------------------------------------------ RateMath

    /// @notice `RateMath.utilizationFactor`.
    function rateMath_utilizationFactor(uint256 reservedUsd, uint256 poolUsd) external pure returns (uint256) {
        return RateMath.utilizationFactor(reservedUsd, poolUsd);
    }

    /// @notice `RateMath.borrowingRatePerSecond`.
    function rateMath_borrowingRatePerSecond(
        uint256 utilization,
        uint256 baseRate,
        uint256 slope1,
        uint256 slope2,
        uint256 optimalUtilization
    ) external pure returns (uint256) {
        return RateMath.borrowingRatePerSecond(utilization, baseRate, slope1, slope2, optimalUtilization);
    }

    /// @notice `RateMath.fundingRatePerSecond`.
    function rateMath_fundingRatePerSecond(
        uint256 longOpenInterestUsd,
        uint256 shortOpenInterestUsd,
        uint256 fundingFactor
    ) external pure returns (uint256) {
        return RateMath.fundingRatePerSecond(longOpenInterestUsd, shortOpenInterestUsd, fundingFactor);
    }

    /// @notice `RateMath.MAX_FUNDING_RECEIVER_MULTIPLE`.
    function rateMath_MAX_FUNDING_RECEIVER_MULTIPLE() external pure returns (uint256) {
        return RateMath.MAX_FUNDING_RECEIVER_MULTIPLE;
    }

    /// @notice `RateMath.fundingDeltas`.
    function rateMath_fundingDeltas(
        uint256 longOpenInterestUsd,
        uint256 shortOpenInterestUsd,
        uint256 ratePerSecond,
        uint256 elapsed
    ) external pure returns (int256 deltaLong, int256 deltaShort) {
        return RateMath.fundingDeltas(longOpenInterestUsd, shortOpenInterestUsd, ratePerSecond, elapsed);
    }

    /// @notice `RateMath.borrowingFeeUsd`.
    function rateMath_borrowingFeeUsd(uint256 sizeUsd, uint256 cumulativeFactor, uint256 snapshot)
        external
        pure
        returns (uint256)
    {
        return RateMath.borrowingFeeUsd(sizeUsd, cumulativeFactor, snapshot);
    }

    /// @notice `RateMath.fundingFeeUsd`.
    function rateMath_fundingFeeUsd(uint256 sizeUsd, int256 cumulativePerSize, int256 snapshot)
        external
        pure
        returns (int256)
    {
        return RateMath.fundingFeeUsd(sizeUsd, cumulativePerSize, snapshot);
    }

    /// @notice `RateMath.pendingBorrowingUsd`.
    function rateMath_pendingBorrowingUsd(uint256 openInterestUsd, uint256 cumulativeFactor, uint256 snapshotSum)
        external
        pure
        returns (uint256)
    {
        return RateMath.pendingBorrowingUsd(openInterestUsd, cumulativeFactor, snapshotSum);
    }

    /// @notice `RateMath.pendingFundingUsd`.
    function rateMath_pendingFundingUsd(uint256 openInterestUsd, int256 cumulativePerSize, int256 snapshotSum)
        external
        pure
        returns (int256)
    {
        return RateMath.pendingFundingUsd(openInterestUsd, cumulativePerSize, snapshotSum);
    }

    // ------------------------------------------------------------------ PositionMath

    /// @notice `PositionMath.pnlUsd`.
    function positionMath_pnlUsd(bool isLong, uint256 sizeUsd, uint256 sizeInTokens, uint256 indexPrice)
        external
        pure
        returns (int256)
    {
        return PositionMath.pnlUsd(isLong, sizeUsd, sizeInTokens, indexPrice);
    }

    /// @notice `PositionMath.realizedPnlUsd`.
    function positionMath_realizedPnlUsd(int256 totalPnlUsd, uint256 sizeDeltaUsd, uint256 sizeUsd)
        external
        pure
        returns (int256)
    {
        return PositionMath.realizedPnlUsd(totalPnlUsd, sizeDeltaUsd, sizeUsd);
    }

    /// @notice `PositionMath.sizeDeltaInTokensForDecrease`.
    function positionMath_sizeDeltaInTokensForDecrease(
        bool isLong,
        uint256 sizeInTokens,
        uint256 sizeDeltaUsd,
        uint256 sizeUsd
    ) external pure returns (uint256) {
        return PositionMath.sizeDeltaInTokensForDecrease(isLong, sizeInTokens, sizeDeltaUsd, sizeUsd);
    }

    /// @notice `PositionMath.sizeDeltaInTokensForIncrease`.
    function positionMath_sizeDeltaInTokensForIncrease(
        bool isLong,
        uint256 sizeDeltaUsd,
        int256 priceImpactUsd,
        uint256 indexPrice
    ) external pure returns (uint256) {
        return PositionMath.sizeDeltaInTokensForIncrease(isLong, sizeDeltaUsd, priceImpactUsd, indexPrice);
    }

    /// @notice `PositionMath.increaseRespectsAcceptablePrice`.
    function positionMath_increaseRespectsAcceptablePrice(
        bool isLong,
        uint256 sizeDeltaUsd,
        uint256 sizeDeltaInTokens,
        uint256 acceptablePrice
    ) external pure returns (bool) {
        return PositionMath.increaseRespectsAcceptablePrice(isLong, sizeDeltaUsd, sizeDeltaInTokens, acceptablePrice);
    }

    /// @notice `PositionMath.decreaseRespectsAcceptablePrice`.
    function positionMath_decreaseRespectsAcceptablePrice(
        bool isLong,
        uint256 indexPrice,
        uint256 sizeDeltaUsd,
        int256 priceImpactUsd,
        uint256 acceptablePrice
    ) external pure returns (bool) {
        return PositionMath.decreaseRespectsAcceptablePrice(
            isLong, indexPrice, sizeDeltaUsd, priceImpactUsd, acceptablePrice
        );
    }

    /// @notice `PositionMath.increaseExecutionPrice`.
    function positionMath_increaseExecutionPrice(bool isLong, uint256 sizeDeltaUsd, uint256 sizeDeltaInTokens)
        external
        pure
        returns (uint256)
    {
        return PositionMath.increaseExecutionPrice(isLong, sizeDeltaUsd, sizeDeltaInTokens);
    }

    /// @notice `PositionMath.decreaseExecutionPrice`.
    function positionMath_decreaseExecutionPrice(
        bool isLong,
        uint256 indexPrice,
        uint256 sizeDeltaUsd,
        int256 priceImpactUsd
    ) external pure returns (uint256) {
        return PositionMath.decreaseExecutionPrice(isLong, indexPrice, sizeDeltaUsd, priceImpactUsd);
    }

    /// @notice `PositionMath.marginRequirementUsd`.
    function positionMath_marginRequirementUsd(uint256 sizeUsd, uint256 factor, uint256 minCollateralUsd)
        external
        pure
        returns (uint256)
    {
        return PositionMath.marginRequirementUsd(sizeUsd, factor, minCollateralUsd);
    }

    /// @notice `PositionMath.remainingCollateralUsd`.
    function positionMath_remainingCollateralUsd(
        uint256 collateralUsd,
        int256 pnl,
        uint256 borrowingFee,
        int256 fundingFee,
        uint256 closeFee,
        int256 priceImpactUsd
    ) external pure returns (int256) {
        return PositionMath.remainingCollateralUsd(
            collateralUsd, pnl, borrowingFee, fundingFee, closeFee, priceImpactUsd
        );
    }

    // ------------------------------------------------------------------ PoolMath

    /// @notice `PoolMath.VIRTUAL_SHARES`.
    function poolMath_virtualShares() external pure returns (uint256) {
        return PoolMath.VIRTUAL_SHARES;
    }

    /// @notice `PoolMath.VIRTUAL_USD`.
    function poolMath_virtualUsd() external pure returns (uint256) {
        return PoolMath.VIRTUAL_USD;
    }

    /// @notice `PoolMath.cappedPnlUsd`.
    function poolMath_cappedPnlUsd(int256 pnl, uint256 sidePoolUsd, uint256 maxPnlFactor)
        external
        pure
        returns (int256)
    {
        return PoolMath.cappedPnlUsd(pnl, sidePoolUsd, maxPnlFactor);
    }

    /// @notice `PoolMath.poolValueUsd`, the `PoolValueInputs` struct flattened.
    function poolMath_poolValueUsd(
        uint256 longTokenUsd,
        uint256 shortTokenUsd,
        uint256 pendingBorrowingUsd,
        int256 pendingFundingUsd,
        int256 longPnlUsd,
        int256 shortPnlUsd
    ) external pure returns (int256) {
        return PoolMath.poolValueUsd(
            PoolMath.PoolValueInputs({
                longTokenUsd: longTokenUsd,
                shortTokenUsd: shortTokenUsd,
                pendingBorrowingUsd: pendingBorrowingUsd,
                pendingFundingUsd: pendingFundingUsd,
                longPnlUsd: longPnlUsd,
                shortPnlUsd: shortPnlUsd
            })
        );
    }

    /// @notice `PoolMath.sharesForDepositUsd`.
    function poolMath_sharesForDepositUsd(uint256 depositUsd, int256 poolValue, uint256 totalSupply)
        external
        pure
        returns (uint256)
    {
        return PoolMath.sharesForDepositUsd(depositUsd, poolValue, totalSupply);
    }

    /// @notice `PoolMath.usdForShares`.
    function poolMath_usdForShares(uint256 shares, int256 poolValue, uint256 totalSupply)
        external
        pure
        returns (uint256)
    {
        return PoolMath.usdForShares(shares, poolValue, totalSupply);
    }

    /// @notice `PoolMath.splitWithdrawalUsd`.
    function poolMath_splitWithdrawalUsd(uint256 usd, uint256 longTokenUsd, uint256 shortTokenUsd)
        external
        pure
        returns (uint256 longUsd, uint256 shortUsd)
    {
        return PoolMath.splitWithdrawalUsd(usd, longTokenUsd, shortTokenUsd);
    }

    /// @notice `PoolMath.pnlToPoolFactor`.
    function poolMath_pnlToPoolFactor(int256 sidePnlUsd, uint256 sidePoolUsd) external pure returns (uint256) {
        return PoolMath.pnlToPoolFactor(sidePnlUsd, sidePoolUsd);
    }

    /// @notice `PoolMath.capRealizedProfit`.
    function poolMath_capRealizedProfit(int256 realizedPnl, int256 sidePnl, int256 cappedSidePnl)
        external
        pure
        returns (int256)
    {
        return PoolMath.capRealizedProfit(realizedPnl, sidePnl, cappedSidePnl);
    }

    // ------------------------------------------------------------------ SettlementMath

    /// @notice `SettlementMath.gainsAndCosts`, the `TradeAmounts` struct flattened.
    function settlementMath_gainsAndCosts(
        int256 realizedPnlUsd,
        int256 priceImpactUsd,
        uint256 positionFeeUsd,
        uint256 borrowingFeeUsd,
        int256 fundingFeeUsd
    ) external pure returns (uint256 gainsUsd, uint256 costsUsd) {
        return SettlementMath.gainsAndCosts(
            _tradeAmounts(realizedPnlUsd, priceImpactUsd, positionFeeUsd, borrowingFeeUsd, fundingFeeUsd)
        );
    }

    /// @notice `SettlementMath.settleDecrease`, the `TradeAmounts` struct and the returned
    /// `Settlement` flattened.
    function settlementMath_settleDecrease(
        int256 realizedPnlUsd,
        int256 priceImpactUsd,
        uint256 positionFeeUsd,
        uint256 borrowingFeeUsd,
        int256 fundingFeeUsd,
        uint256 collateralAmount,
        uint256 collateralPriceMin
    ) external pure returns (uint256 collateralToPoolAmount, uint256 profitUsd, uint256 shortfallUsd) {
        SettlementMath.Settlement memory result = SettlementMath.settleDecrease(
            _tradeAmounts(realizedPnlUsd, priceImpactUsd, positionFeeUsd, borrowingFeeUsd, fundingFeeUsd),
            collateralAmount,
            collateralPriceMin
        );
        return (result.collateralToPoolAmount, result.profitUsd, result.shortfallUsd);
    }

    /// @notice `SettlementMath.liquidationFeeAmount`.
    function settlementMath_liquidationFeeAmount(
        uint256 sizeDeltaUsd,
        uint256 liquidationFeeFactor,
        uint256 collateralPriceMin,
        uint256 collateralLeft
    ) external pure returns (uint256) {
        return SettlementMath.liquidationFeeAmount(
            sizeDeltaUsd, liquidationFeeFactor, collateralPriceMin, collateralLeft
        );
    }

    /// @notice `SettlementMath.coverShortfall`.
    function settlementMath_coverShortfall(
        uint256 shortfallUsd,
        uint256 insuranceShortAmount,
        uint256 shortPriceMin,
        uint256 insuranceLongAmount,
        uint256 longPriceMin
    ) external pure returns (uint256 fromShortAmount, uint256 fromLongAmount, uint256 coveredUsd) {
        return SettlementMath.coverShortfall(
            shortfallUsd, insuranceShortAmount, shortPriceMin, insuranceLongAmount, longPriceMin
        );
    }

    // ------------------------------------------------------------------ TriggerMath

    /// @notice `TriggerMath.triggerReached`, the index `PriceRange` flattened to (min, max).
    function triggerMath_triggerReached(
        OrderType orderType,
        bool isLong,
        uint256 triggerPrice,
        uint256 indexMin,
        uint256 indexMax
    ) external pure returns (bool reached, uint256 price) {
        return TriggerMath.triggerReached(orderType, isLong, triggerPrice, PriceRange({min: indexMin, max: indexMax}));
    }

    // ------------------------------------------------------------------ helpers

    function _tradeAmounts(
        int256 realizedPnlUsd,
        int256 priceImpactUsd,
        uint256 positionFeeUsd,
        uint256 borrowingFeeUsd,
        int256 fundingFeeUsd
    ) private pure returns (TradeAmounts memory) {
        return TradeAmounts({
            realizedPnlUsd: realizedPnlUsd,
            priceImpactUsd: priceImpactUsd,
            positionFeeUsd: positionFeeUsd,
            borrowingFeeUsd: borrowingFeeUsd,
            fundingFeeUsd: fundingFeeUsd
        });
    }
}
