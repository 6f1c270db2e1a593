// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../interfaces/IExchangeErrors.sol";
import {IExchangeEvents} from "../interfaces/IExchangeEvents.sol";
import {FeeMath} from "../libraries/FeeMath.sol";
import {FixedPoint} from "../libraries/FixedPoint.sol";
import {PoolMath} from "../libraries/PoolMath.sol";
import {PositionMath} from "../libraries/PositionMath.sol";
import {SettlementMath} from "../libraries/SettlementMath.sol";
import {ExchangeState} from "../state/ExchangeState.sol";
import {BadDebtLedger, Market} from "../types/MarketTypes.sol";
import {DecreaseKind, Position, PositionChange, TradeAmounts} from "../types/PositionTypes.sol";
import {MarketPrices, PriceRange} from "../types/Price.sol";
import {MarketLogic} from "./MarketLogic.sol";
import {PositionHealth} from "./PositionHealth.sol";
import {VaultLogic} from "./VaultLogic.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

/// @title DecreaseLogic
/// @notice Closes part or all of a position (user order, liquidation, ADL): realizes PnL and price
/// impact, settles fees, pays profit from the pool, and runs the loss waterfall when collateral is
/// not enough: collateral, then the insurance fund, then LPs, every shortfall recorded in the ledger.
/// @dev The caller accrues the market first.
library DecreaseLogic {
    using EnumerableSet for EnumerableSet.Bytes32Set;

    struct DecreaseParams {
        uint256 orderId;
        bytes32 key;
        DecreaseKind kind;
        uint256 sizeDeltaUsd;
        /// @dev Collateral to withdraw on a partial user decrease.
        uint256 collateralWithdrawAmount;
        /// @dev Only for user orders: the worst acceptable execution price.
        uint256 acceptablePrice;
        /// @dev Receives the liquidation fee.
        address liquidator;
    }

    struct DecreaseValues {
        address market;
        bool collateralIsLongToken;
        bool isFull;
        uint256 indexPrice;
        uint256 sizeDeltaInTokens;
        uint256 executionPrice;
        TradeAmounts amounts;
        SettlementMath.Settlement settlement;
        uint256 collateralAmount;
        uint256 collateralOutAmount;
        uint256 profitLongAmount;
        uint256 profitShortAmount;
        uint256 liquidationFeeAmount;
        uint256 insuranceAmount;
        uint256 liquidatorAmount;
    }

    /// @return sizeClosedUsd the size actually closed
    function decrease(
        ExchangeState storage s,
        Market storage m,
        DecreaseParams memory params,
        MarketPrices memory prices
    ) internal returns (uint256 sizeClosedUsd) {
        Position memory position = s.positions[params.key];
        if (position.account == address(0)) revert IExchangeErrors.PositionNotFound(params.key);
        DecreaseValues memory v;
        v.market = position.market;
        v.collateralIsLongToken = position.collateralToken == m.longToken;
        sizeClosedUsd = params.sizeDeltaUsd > position.sizeUsd ? position.sizeUsd : params.sizeDeltaUsd;
        if (sizeClosedUsd == 0 && params.collateralWithdrawAmount == 0) revert IExchangeErrors.ZeroSizeDelta();
        v.isFull = sizeClosedUsd == position.sizeUsd;

        _computeAmounts(m, position, params, prices, sizeClosedUsd, v);
        _settle(s, m, position, prices, v);
        _chargeLiquidationFee(s, m, params, prices, sizeClosedUsd, v);
        _updatePosition(s, m, position, params, prices, sizeClosedUsd, v);
        _payOut(s, m, position, v);
        _emitDecrease(m, position, params, sizeClosedUsd, v);
    }

    /// @dev Realized PnL (capped for the side), price impact, fees, funding, execution price.
    function _computeAmounts(
        Market storage m,
        Position memory position,
        DecreaseParams memory params,
        MarketPrices memory prices,
        uint256 sizeDeltaUsd,
        DecreaseValues memory v
    ) private view {
        bool isLong = position.isLong;
        v.indexPrice = isLong ? prices.index.min : prices.index.max;
        TradeAmounts memory a = v.amounts;
        if (sizeDeltaUsd > 0) {
            int256 totalPnl = PositionMath.pnlUsd(isLong, position.sizeUsd, position.sizeInTokens, v.indexPrice);
            a.realizedPnlUsd = PositionMath.realizedPnlUsd(totalPnl, sizeDeltaUsd, position.sizeUsd);
            if (a.realizedPnlUsd > 0) {
                int256 sidePnl = MarketLogic.sidePnlUsd(m, isLong, v.indexPrice);
                int256 cappedSidePnl = PoolMath.cappedPnlUsd(
                    sidePnl, MarketLogic.sidePoolUsd(m, prices, isLong), m.config.risk.maxPnlFactor
                );
                a.realizedPnlUsd = PoolMath.capRealizedProfit(a.realizedPnlUsd, sidePnl, cappedSidePnl);
            }
            a.priceImpactUsd = MarketLogic.priceImpactUsd(m, sizeDeltaUsd, isLong, false);
            // ADL closes at the oracle price: no negative impact against the deleveraged trader.
            if (params.kind == DecreaseKind.Adl && a.priceImpactUsd < 0) a.priceImpactUsd = 0;
            v.executionPrice = PositionMath.decreaseExecutionPrice(isLong, v.indexPrice, sizeDeltaUsd, a.priceImpactUsd);
            if (
                params.kind == DecreaseKind.Order
                    && !PositionMath.decreaseRespectsAcceptablePrice(
                        isLong, v.indexPrice, sizeDeltaUsd, a.priceImpactUsd, params.acceptablePrice
                    )
            ) revert IExchangeErrors.AcceptablePriceNotMet(v.executionPrice, params.acceptablePrice);
            // ADL is not the trader's choice: it pays the lower fee rate.
            a.positionFeeUsd = params.kind == DecreaseKind.Adl
                ? FeeMath.feeUsd(sizeDeltaUsd, m.config.fees.positionFeeFactorPositiveImpact)
                : MarketLogic.positionFeeUsd(m, sizeDeltaUsd, a.priceImpactUsd);
            v.sizeDeltaInTokens = PositionMath.sizeDeltaInTokensForDecrease(
                isLong, position.sizeInTokens, sizeDeltaUsd, position.sizeUsd
            );
        }
        a.borrowingFeeUsd = PositionHealth.pendingBorrowingFeeUsd(position, m.rates);
        a.fundingFeeUsd = PositionHealth.pendingFundingFeeUsd(position, m.rates);
    }

    /// @dev Moves the net cost from collateral to the pool, or computes the profit the pool pays;
    /// runs the waterfall on a shortfall; pays the insurance share of the position fee.
    function _settle(
        ExchangeState storage s,
        Market storage m,
        Position memory position,
        MarketPrices memory prices,
        DecreaseValues memory v
    ) private {
        PriceRange memory collateralPrice = VaultLogic.tokenPrice(prices, v.collateralIsLongToken);
        v.settlement = SettlementMath.settleDecrease(v.amounts, position.collateralAmount, collateralPrice.min);
        v.collateralAmount = position.collateralAmount - v.settlement.collateralToPoolAmount;
        VaultLogic.subCollateral(m.balances, v.collateralIsLongToken, v.settlement.collateralToPoolAmount);
        VaultLogic.addPool(m.balances, v.collateralIsLongToken, v.settlement.collateralToPoolAmount);

        if (v.settlement.profitUsd > 0) _reserveProfit(m, prices, position.isLong, v);
        if (v.settlement.shortfallUsd > 0) {
            _absorbShortfall(s, m, position, prices, v);
        } else if (v.amounts.positionFeeUsd > 0 && VaultLogic.insuranceBelowTarget(m, prices)) {
            // The fee was paid out of collateral (net cost) or netted from profit (net gain); either way
            // the share moves in the collateral token, the token `FeesCollected` reports it in.
            bool feeTokenIsLong = v.collateralIsLongToken;
            uint256 feeTokenPrice = VaultLogic.tokenPrice(prices, feeTokenIsLong).max;
            v.insuranceAmount = VaultLogic.poolToInsurance(
                m,
                feeTokenIsLong,
                FeeMath.insuranceShareOf(v.amounts.positionFeeUsd, m.config.fees.insuranceShareFactor) / feeTokenPrice
            );
        }
    }

    /// @dev Profit is paid in the side's backing token (long token for longs) at its max price; what
    /// that token cannot cover is paid in the other pool token.
    function _reserveProfit(Market storage m, MarketPrices memory prices, bool isLong, DecreaseValues memory v)
        private
    {
        uint256 profitUsd = v.settlement.profitUsd;
        PriceRange memory primaryPrice = VaultLogic.tokenPrice(prices, isLong);
        uint256 primaryAvailable = isLong ? m.balances.longAmount : m.balances.shortAmount;
        uint256 primaryAmount = profitUsd / primaryPrice.max;
        uint256 secondaryAmount;
        if (primaryAmount > primaryAvailable) {
            primaryAmount = primaryAvailable;
            uint256 remainingUsd = profitUsd - primaryAmount * primaryPrice.max;
            secondaryAmount = remainingUsd / VaultLogic.tokenPrice(prices, !isLong).max;
        }
        VaultLogic.subPool(m, isLong, primaryAmount);
        VaultLogic.subPool(m, !isLong, secondaryAmount);
        if (isLong) {
            v.profitLongAmount = primaryAmount;
            v.profitShortAmount = secondaryAmount;
        } else {
            v.profitShortAmount = primaryAmount;
            v.profitLongAmount = secondaryAmount;
        }
    }

    /// @dev The loss waterfall after collateral: the insurance fund (short token first), then LPs.
    function _absorbShortfall(
        ExchangeState storage,
        Market storage m,
        Position memory position,
        MarketPrices memory prices,
        DecreaseValues memory v
    ) private {
        uint256 shortfallUsd = v.settlement.shortfallUsd;
        (uint256 fromShort, uint256 fromLong, uint256 coveredUsd) = SettlementMath.coverShortfall(
            shortfallUsd,
            m.balances.insuranceShortAmount,
            prices.short.min,
            m.balances.insuranceLongAmount,
            prices.long.min
        );
        m.balances.insuranceShortAmount -= fromShort;
        m.balances.insuranceLongAmount -= fromLong;
        m.balances.shortAmount += fromShort;
        m.balances.longAmount += fromLong;

        uint256 absorbedUsd = shortfallUsd - coveredUsd;
        BadDebtLedger storage ledger = m.ledger;
        ledger.totalShortfallUsd += shortfallUsd;
        ledger.coveredByInsuranceUsd += coveredUsd;
        ledger.absorbedByLpUsd += absorbedUsd;
        ledger.shortfallCount += 1;
        emit IExchangeEvents.ShortfallRecorded(
            v.market,
            PositionHealth.positionKey(position.account, position.market, position.collateralToken, position.isLong),
            position.account,
            v.indexPrice,
            shortfallUsd,
            coveredUsd,
            absorbedUsd,
            fromLong,
            fromShort
        );
    }

    /// @dev Liquidations pay a fee from what collateral is left: a share to the insurance fund (while
    /// below target; otherwise to LPs), the rest to the liquidator.
    function _chargeLiquidationFee(
        ExchangeState storage s,
        Market storage m,
        DecreaseParams memory params,
        MarketPrices memory prices,
        uint256 sizeDeltaUsd,
        DecreaseValues memory v
    ) private {
        if (params.kind != DecreaseKind.Liquidation && params.kind != DecreaseKind.PartialLiquidation) return;
        if (v.collateralAmount == 0) return;
        PriceRange memory collateralPrice = VaultLogic.tokenPrice(prices, v.collateralIsLongToken);
        v.liquidationFeeAmount = SettlementMath.liquidationFeeAmount(
            sizeDeltaUsd, m.config.fees.liquidationFeeFactor, collateralPrice.min, v.collateralAmount
        );
        uint256 protocolShare = FeeMath.insuranceShareOf(v.liquidationFeeAmount, m.config.fees.insuranceShareFactor);
        v.liquidatorAmount = v.liquidationFeeAmount - protocolShare;
        v.collateralAmount -= v.liquidationFeeAmount;
        VaultLogic.subCollateral(m.balances, v.collateralIsLongToken, v.liquidationFeeAmount);
        if (VaultLogic.insuranceBelowTarget(m, prices)) {
            VaultLogic.addInsurance(m.balances, v.collateralIsLongToken, protocolShare);
            v.insuranceAmount += protocolShare;
        } else {
            VaultLogic.addPool(m.balances, v.collateralIsLongToken, protocolShare);
        }
        VaultLogic.sendOut(
            s, m, v.market, v.collateralIsLongToken ? m.longToken : m.shortToken, params.liquidator, v.liquidatorAmount
        );
    }

    /// @dev New size, tokens, collateral and snapshots; open interest; deletion when fully closed;
    /// validation of what is left after a user decrease.
    function _updatePosition(
        ExchangeState storage s,
        Market storage m,
        Position memory position,
        DecreaseParams memory params,
        MarketPrices memory prices,
        uint256 sizeDeltaUsd,
        DecreaseValues memory v
    ) private {
        uint256 sizeAfter = position.sizeUsd - sizeDeltaUsd;
        uint256 tokensAfter = position.sizeInTokens - v.sizeDeltaInTokens;
        MarketLogic.updateOpenInterest(
            m,
            position.isLong,
            position.sizeUsd,
            position.sizeInTokens,
            position.borrowingFactorSnapshot,
            position.fundingPerSizeSnapshot,
            sizeAfter,
            tokensAfter
        );
        if (v.isFull) {
            v.collateralOutAmount = v.collateralAmount;
            v.collateralAmount = 0;
            delete s.positions[params.key];
            s.positionKeys[v.market].remove(params.key);
            return;
        }
        if (params.collateralWithdrawAmount > v.collateralAmount) {
            revert IExchangeErrors.CollateralWithdrawalTooLarge(params.collateralWithdrawAmount, v.collateralAmount);
        }
        v.collateralOutAmount = params.collateralWithdrawAmount;
        v.collateralAmount -= params.collateralWithdrawAmount;

        Position storage stored = s.positions[params.key];
        stored.sizeUsd = sizeAfter;
        stored.sizeInTokens = tokensAfter;
        stored.collateralAmount = v.collateralAmount;
        stored.borrowingFactorSnapshot =
            position.isLong ? m.rates.cumulativeBorrowingFactorLong : m.rates.cumulativeBorrowingFactorShort;
        stored.fundingPerSizeSnapshot =
            position.isLong ? m.rates.cumulativeFundingPerSizeLong : m.rates.cumulativeFundingPerSizeShort;

        if (params.kind != DecreaseKind.Order) return;
        if (sizeAfter < m.config.risk.minPositionSizeUsd) {
            revert IExchangeErrors.PositionTooSmall(sizeAfter, m.config.risk.minPositionSizeUsd);
        }
        // What is left must not be liquidatable, and withdrawing collateral needs the opening margin.
        PositionHealth.Health memory h = PositionHealth.evaluate(m, stored, m.rates, prices);
        uint256 required = params.collateralWithdrawAmount > 0
            ? PositionHealth.openingMarginUsd(m, sizeAfter)
            : PositionHealth.maintenanceMarginUsd(m, sizeAfter);
        if (h.remainingCollateralUsd < FixedPoint.toInt(required)) {
            revert IExchangeErrors.InsufficientCollateral(h.remainingCollateralUsd, required);
        }
    }

    function _payOut(ExchangeState storage s, Market storage m, Position memory position, DecreaseValues memory v)
        private
    {
        VaultLogic.subCollateral(m.balances, v.collateralIsLongToken, v.collateralOutAmount);
        VaultLogic.sendOut(s, m, v.market, position.collateralToken, position.account, v.collateralOutAmount);
        VaultLogic.sendOut(s, m, v.market, m.longToken, position.account, v.profitLongAmount);
        VaultLogic.sendOut(s, m, v.market, m.shortToken, position.account, v.profitShortAmount);
    }

    function _emitDecrease(
        Market storage m,
        Position memory position,
        DecreaseParams memory params,
        uint256 sizeDeltaUsd,
        DecreaseValues memory v
    ) private {
        PositionChange memory change = PositionChange({
            sizeDeltaUsd: sizeDeltaUsd,
            sizeDeltaInTokens: v.sizeDeltaInTokens,
            executionPrice: v.executionPrice,
            collateralDeltaAmount: v.collateralOutAmount,
            sizeUsdAfter: position.sizeUsd - sizeDeltaUsd,
            collateralAmountAfter: v.collateralAmount
        });
        emit IExchangeEvents.PositionDecreased(
            params.key,
            position.account,
            v.market,
            params.orderId,
            params.kind,
            position.collateralToken,
            position.isLong,
            change,
            v.amounts,
            v.profitLongAmount,
            v.profitShortAmount
        );
        if (v.amounts.positionFeeUsd > 0 || v.amounts.borrowingFeeUsd > 0 || v.liquidationFeeAmount > 0) {
            emit IExchangeEvents.FeesCollected(
                v.market,
                position.collateralToken,
                v.amounts.positionFeeUsd,
                v.amounts.borrowingFeeUsd,
                v.liquidationFeeAmount,
                v.insuranceAmount,
                v.liquidatorAmount
            );
        }
        MarketLogic.emitPoolState(m, v.market);
    }
}
