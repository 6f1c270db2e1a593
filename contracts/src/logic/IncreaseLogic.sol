// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../interfaces/IExchangeErrors.sol";
import {IExchangeEvents} from "../interfaces/IExchangeEvents.sol";
import {FeeMath} from "../libraries/FeeMath.sol";
import {FixedPoint} from "../libraries/FixedPoint.sol";
import {PositionMath} from "../libraries/PositionMath.sol";
import {ExchangeState} from "../state/ExchangeState.sol";
import {Market} from "../types/MarketTypes.sol";
import {Position, PositionChange, TradeAmounts} from "../types/PositionTypes.sol";
import {MarketPrices, PriceRange} from "../types/Price.sol";
import {MarketLogic} from "./MarketLogic.sol";
import {PositionHealth} from "./PositionHealth.sol";
import {VaultLogic} from "./VaultLogic.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

/// @title IncreaseLogic
/// @notice Opens or grows a position (or adds collateral to it): settles its accrued borrowing and
/// funding, charges the open fee, embeds price impact in the tokens bought, and checks the opening
/// requirement, open interest and reserve limits.
library IncreaseLogic {
    using EnumerableSet for EnumerableSet.Bytes32Set;

    struct IncreaseParams {
        uint256 orderId;
        address account;
        address market;
        address collateralToken;
        bool isLong;
        uint256 sizeDeltaUsd;
        /// @dev Escrowed collateral to add.
        uint256 collateralDeltaAmount;
        uint256 acceptablePrice;
    }

    struct IncreaseValues {
        bytes32 key;
        bool collateralIsLongToken;
        uint256 collateralAmount;
        uint256 sizeDeltaInTokens;
        uint256 executionPrice;
        int256 priceImpactUsd;
        uint256 positionFeeUsd;
        uint256 borrowingFeeUsd;
        int256 fundingFeeUsd;
        uint256 insuranceAmount;
    }

    function increase(ExchangeState storage s, IncreaseParams memory params, MarketPrices memory prices) internal {
        Market storage m = MarketLogic.get(s, params.market);
        // A paused market still accepts collateral that protects an existing position.
        if (m.paused && params.sizeDeltaUsd > 0) revert IExchangeErrors.MarketPaused(params.market);
        MarketLogic.accrue(m, prices);

        IncreaseValues memory v;
        v.key = PositionHealth.positionKey(params.account, params.market, params.collateralToken, params.isLong);
        v.collateralIsLongToken = VaultLogic.isLongToken(m, params.market, params.collateralToken);
        Position storage position = s.positions[v.key];
        Position memory before = position;
        if (before.account == address(0)) {
            if (params.sizeDeltaUsd == 0) revert IExchangeErrors.ZeroSizeDelta();
            position.account = params.account;
            position.market = params.market;
            position.collateralToken = params.collateralToken;
            position.isLong = params.isLong;
            s.positionKeys[params.market].add(v.key);
        }

        // Escrowed collateral becomes position collateral.
        VaultLogic.subEscrow(m.balances, v.collateralIsLongToken, params.collateralDeltaAmount);
        VaultLogic.addCollateral(m.balances, v.collateralIsLongToken, params.collateralDeltaAmount);
        v.collateralAmount = before.collateralAmount + params.collateralDeltaAmount;

        _priceTheIncrease(m, params, prices, before, v);
        _settleFees(m, prices, v);

        uint256 sizeAfter = before.sizeUsd + params.sizeDeltaUsd;
        uint256 tokensAfter = before.sizeInTokens + v.sizeDeltaInTokens;
        MarketLogic.updateOpenInterest(
            m,
            params.isLong,
            before.sizeUsd,
            before.sizeInTokens,
            before.borrowingFactorSnapshot,
            before.fundingPerSizeSnapshot,
            sizeAfter,
            tokensAfter
        );
        position.sizeUsd = sizeAfter;
        position.sizeInTokens = tokensAfter;
        position.collateralAmount = v.collateralAmount;
        position.borrowingFactorSnapshot =
            params.isLong ? m.rates.cumulativeBorrowingFactorLong : m.rates.cumulativeBorrowingFactorShort;
        position.fundingPerSizeSnapshot =
            params.isLong ? m.rates.cumulativeFundingPerSizeLong : m.rates.cumulativeFundingPerSizeShort;
        position.increasedAt = uint64(block.timestamp);

        if (params.sizeDeltaUsd > 0) _validateIncreasedPosition(m, position, prices, params.isLong);

        _emitIncrease(m, params, v, sizeAfter);
    }

    /// @dev Price impact, tokens bought or sold, execution price, acceptable price, fees.
    function _priceTheIncrease(
        Market storage m,
        IncreaseParams memory params,
        MarketPrices memory prices,
        Position memory before,
        IncreaseValues memory v
    ) private view {
        bool isLong = params.isLong;
        v.borrowingFeeUsd = PositionHealth.pendingBorrowingFeeUsd(before, m.rates);
        v.fundingFeeUsd = PositionHealth.pendingFundingFeeUsd(before, m.rates);
        if (params.sizeDeltaUsd == 0) return;

        v.priceImpactUsd = MarketLogic.priceImpactUsd(m, params.sizeDeltaUsd, isLong, true);
        v.sizeDeltaInTokens = PositionMath.sizeDeltaInTokensForIncrease(
            isLong, params.sizeDeltaUsd, v.priceImpactUsd, isLong ? prices.index.max : prices.index.min
        );
        if (v.sizeDeltaInTokens == 0) revert IExchangeErrors.ZeroSizeDelta();
        v.executionPrice = PositionMath.increaseExecutionPrice(isLong, params.sizeDeltaUsd, v.sizeDeltaInTokens);
        if (!PositionMath.increaseRespectsAcceptablePrice(
                isLong, params.sizeDeltaUsd, v.sizeDeltaInTokens, params.acceptablePrice
            )) {
            revert IExchangeErrors.AcceptablePriceNotMet(v.executionPrice, params.acceptablePrice);
        }
        v.positionFeeUsd = MarketLogic.positionFeeUsd(m, params.sizeDeltaUsd, v.priceImpactUsd);
    }

    /// @dev Open fee, borrowing and funding are settled against collateral: a net cost moves
    /// collateral to the pool (rounded up); net funding earned moves pool tokens into collateral
    /// (rounded down). The insurance share of the open fee then leaves the pool for the fund.
    function _settleFees(Market storage m, MarketPrices memory prices, IncreaseValues memory v) private {
        PriceRange memory collateralPrice = VaultLogic.tokenPrice(prices, v.collateralIsLongToken);
        int256 netCostUsd = FixedPoint.toInt(v.positionFeeUsd + v.borrowingFeeUsd) + v.fundingFeeUsd;
        if (netCostUsd > 0) {
            uint256 costAmount = FixedPoint.divUp(uint256(netCostUsd), collateralPrice.min);
            if (costAmount > v.collateralAmount) {
                revert IExchangeErrors.InsufficientCollateral(
                    FixedPoint.toInt(v.collateralAmount * collateralPrice.min) - netCostUsd, 0
                );
            }
            v.collateralAmount -= costAmount;
            VaultLogic.subCollateral(m.balances, v.collateralIsLongToken, costAmount);
            VaultLogic.addPool(m.balances, v.collateralIsLongToken, costAmount);
        } else if (netCostUsd < 0) {
            uint256 gainAmount = FixedPoint.abs(netCostUsd) / collateralPrice.max;
            VaultLogic.subPool(m, v.collateralIsLongToken, gainAmount);
            VaultLogic.addCollateral(m.balances, v.collateralIsLongToken, gainAmount);
            v.collateralAmount += gainAmount;
        }
        if (v.positionFeeUsd > 0 && VaultLogic.insuranceBelowTarget(m, prices)) {
            v.insuranceAmount = VaultLogic.poolToInsurance(
                m,
                v.collateralIsLongToken,
                FeeMath.insuranceShareOf(v.positionFeeUsd, m.config.fees.insuranceShareFactor) / collateralPrice.max
            );
        }
    }

    function _validateIncreasedPosition(
        Market storage m,
        Position memory position,
        MarketPrices memory prices,
        bool isLong
    ) private view {
        if (position.sizeUsd < m.config.risk.minPositionSizeUsd) {
            revert IExchangeErrors.PositionTooSmall(position.sizeUsd, m.config.risk.minPositionSizeUsd);
        }
        PositionHealth.Health memory h = PositionHealth.evaluate(m, position, m.rates, prices);
        uint256 required = PositionHealth.openingMarginUsd(m, position.sizeUsd);
        if (h.remainingCollateralUsd < FixedPoint.toInt(required)) {
            revert IExchangeErrors.InsufficientCollateral(h.remainingCollateralUsd, required);
        }
        MarketLogic.validateOpenInterest(m, isLong);
        MarketLogic.validateReserve(m, prices, isLong);
    }

    function _emitIncrease(Market storage m, IncreaseParams memory params, IncreaseValues memory v, uint256 sizeAfter)
        private
    {
        emit IExchangeEvents.PositionIncreased(
            v.key,
            params.account,
            params.market,
            params.orderId,
            params.collateralToken,
            params.isLong,
            PositionChange({
                sizeDeltaUsd: params.sizeDeltaUsd,
                sizeDeltaInTokens: v.sizeDeltaInTokens,
                executionPrice: v.executionPrice,
                collateralDeltaAmount: params.collateralDeltaAmount,
                sizeUsdAfter: sizeAfter,
                collateralAmountAfter: v.collateralAmount
            }),
            TradeAmounts({
                realizedPnlUsd: 0,
                priceImpactUsd: v.priceImpactUsd,
                positionFeeUsd: v.positionFeeUsd,
                borrowingFeeUsd: v.borrowingFeeUsd,
                fundingFeeUsd: v.fundingFeeUsd
            })
        );
        if (v.positionFeeUsd > 0 || v.borrowingFeeUsd > 0) {
            emit IExchangeEvents.FeesCollected(
                params.market, params.collateralToken, v.positionFeeUsd, v.borrowingFeeUsd, 0, v.insuranceAmount, 0
            );
        }
        MarketLogic.emitPoolState(m, params.market);
    }
}
