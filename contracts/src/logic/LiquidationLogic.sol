// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../interfaces/IExchangeErrors.sol";
import {IExchangeEvents} from "../interfaces/IExchangeEvents.sol";
import {FixedPoint} from "../libraries/FixedPoint.sol";
import {PositionMath} from "../libraries/PositionMath.sol";
import {ExchangeState} from "../state/ExchangeState.sol";
import {Market, RateState} from "../types/MarketTypes.sol";
import {DecreaseKind, Position} from "../types/PositionTypes.sol";
import {MarketPrices} from "../types/Price.sol";
import {DecreaseLogic} from "./DecreaseLogic.sol";
import {MarketLogic} from "./MarketLogic.sol";
import {PositionHealth} from "./PositionHealth.sol";

/// @title LiquidationLogic
/// @notice Liquidation (full, or in slices for large positions) and auto-deleveraging.
/// A position below maintenance margin can always be liquidated: no pause, fee, rounding or empty
/// insurance fund stops it. One at or above maintenance never can.
library LiquidationLogic {
    /// @notice Liquidates one position; reverts unless it is below maintenance margin.
    function liquidate(ExchangeState storage s, bytes32 key, MarketPrices memory prices, address liquidator) external {
        Position memory position = s.positions[key];
        if (position.account == address(0)) revert IExchangeErrors.PositionNotFound(key);
        Market storage m = s.markets[position.market];
        MarketLogic.accrue(m, prices);

        Check memory check = _check(m, position, m.rates, prices);
        if (!check.liquidatable) {
            revert IExchangeErrors.PositionNotLiquidatable(key, check.remainingUsd, check.maintenanceUsd);
        }
        _liquidate(s, m, key, position, check, prices, liquidator);
    }

    /// @notice Liquidates, at one price, every position of `market` listed in `keys` that is below
    /// maintenance margin, and skips the others (closed already, of another market, or healthy), so a
    /// batch never fails because another liquidator was faster. The result is exactly that of
    /// liquidating the listed positions one by one in this block, in order: a skipped position changes
    /// nothing (its health is read from rates accrued in memory), and a key listed twice is handled twice.
    /// @return liquidated How many liquidations were made (`PositionLiquidated` names each).
    function liquidateBatch(
        ExchangeState storage s,
        address market,
        bytes32[] calldata keys,
        MarketPrices memory prices,
        address liquidator
    ) external returns (uint256 liquidated) {
        for (uint256 i; i < keys.length; ++i) {
            if (_liquidateIfDue(s, market, keys[i], prices, liquidator)) ++liquidated;
        }
    }

    /// @dev Remaining collateral (after PnL, fees and impact) against maintenance margin.
    struct Check {
        int256 remainingUsd;
        uint256 maintenanceUsd;
        bool liquidatable;
    }

    function _check(Market storage m, Position memory position, RateState memory rates, MarketPrices memory prices)
        private
        view
        returns (Check memory check)
    {
        PositionHealth.Health memory h = PositionHealth.evaluate(m, position, rates, prices);
        check.remainingUsd = h.remainingCollateralUsd;
        check.maintenanceUsd = PositionHealth.maintenanceMarginUsd(m, position.sizeUsd);
        check.liquidatable = check.remainingUsd < FixedPoint.toInt(check.maintenanceUsd);
    }

    /// @dev Liquidates `key` if it is a position of `market` below maintenance margin. Rates are written
    /// only when it is: a healthy position is judged on rates accrued in memory.
    function _liquidateIfDue(
        ExchangeState storage s,
        address market,
        bytes32 key,
        MarketPrices memory prices,
        address liquidator
    ) private returns (bool) {
        Position memory position = s.positions[key];
        if (position.account == address(0) || position.market != market) return false;
        Market storage m = s.markets[market];
        Check memory check = _check(m, position, MarketLogic.accruedRates(m, prices, block.timestamp), prices);
        if (!check.liquidatable) return false;
        MarketLogic.accrue(m, prices);
        _liquidate(s, m, key, position, check, prices, liquidator);
        return true;
    }

    /// @dev Closes the position, or a slice of it, through the loss waterfall and pays the liquidator.
    function _liquidate(
        ExchangeState storage s,
        Market storage m,
        bytes32 key,
        Position memory position,
        Check memory check,
        MarketPrices memory prices,
        address liquidator
    ) private {
        uint256 sizeDeltaUsd = _liquidationSize(m, position, check.remainingUsd);
        bool isPartial = sizeDeltaUsd < position.sizeUsd;
        DecreaseLogic.decrease(
            s,
            m,
            DecreaseLogic.DecreaseParams({
                orderId: 0,
                key: key,
                kind: isPartial ? DecreaseKind.PartialLiquidation : DecreaseKind.Liquidation,
                sizeDeltaUsd: sizeDeltaUsd,
                collateralWithdrawAmount: 0,
                acceptablePrice: 0,
                liquidator: liquidator
            }),
            prices
        );
        if (isPartial) s.positions[key].lastPartialLiquidationAt = uint64(block.timestamp);
        emit IExchangeEvents.PositionLiquidated(
            key,
            position.account,
            position.market,
            liquidator,
            isPartial,
            sizeDeltaUsd,
            position.isLong ? prices.index.min : prices.index.max,
            check.remainingUsd,
            check.maintenanceUsd
        );
    }

    /// @dev Large, still-solvent positions lose a slice, unless one was taken within the cooldown (then
    /// the rest goes at once) or the slice would leave less than the minimum size.
    function _liquidationSize(Market storage m, Position memory position, int256 remainingCollateralUsd)
        private
        view
        returns (uint256)
    {
        uint256 threshold = m.config.safety.partialLiquidationThresholdUsd;
        if (threshold == 0 || position.sizeUsd < threshold || remainingCollateralUsd <= 0) return position.sizeUsd;
        if (
            position.lastPartialLiquidationAt != 0
                && block.timestamp < position.lastPartialLiquidationAt + m.config.safety.partialLiquidationCooldown
        ) return position.sizeUsd;
        uint256 slice = FixedPoint.mulDown(position.sizeUsd, m.config.safety.partialLiquidationFactor);
        if (slice == 0 || position.sizeUsd - slice < m.config.risk.minPositionSizeUsd) return position.sizeUsd;
        return slice;
    }

    /// @notice Reduces a profitable position while its side's PnL to pool factor is above the trigger,
    /// or above the target once ADL is active for the side; deactivates ADL when the target is reached.
    /// Returns false when ADL was active but the factor is back at or below the target (the price took
    /// it there): the episode ends without deleveraging, so ADL cannot stay armed.
    function adl(ExchangeState storage s, bytes32 key, uint256 sizeDeltaUsd, MarketPrices memory prices)
        external
        returns (bool)
    {
        Position memory position = s.positions[key];
        if (position.account == address(0)) revert IExchangeErrors.PositionNotFound(key);
        address market = position.market;
        Market storage m = s.markets[market];
        bool isLong = position.isLong;
        MarketLogic.accrue(m, prices);

        if (!_adlTriggered(m, market, isLong, prices)) return false;

        int256 pnl = PositionMath.pnlUsd(
            isLong, position.sizeUsd, position.sizeInTokens, isLong ? prices.index.min : prices.index.max
        );
        if (pnl <= 0) revert IExchangeErrors.PositionNotInProfit(key, pnl);

        DecreaseLogic.decrease(
            s,
            m,
            DecreaseLogic.DecreaseParams({
                orderId: 0,
                key: key,
                kind: DecreaseKind.Adl,
                sizeDeltaUsd: sizeDeltaUsd,
                collateralWithdrawAmount: 0,
                acceptablePrice: 0,
                liquidator: address(0)
            }),
            prices
        );

        uint256 factorAfter = MarketLogic.pnlToPoolFactor(m, prices, isLong);
        bool stillActive = factorAfter > m.config.safety.adlTargetFactor;
        if (isLong) m.adlActiveLong = stillActive;
        else m.adlActiveShort = stillActive;
        emit IExchangeEvents.AdlStateUpdated(market, isLong, stillActive, factorAfter);
        return true;
    }

    /// @dev Whether ADL may run on a side: above the trigger, or above the target while active. An
    /// active side back at or below the target is deactivated instead (false); otherwise below the
    /// threshold reverts with `AdlNotTriggered`.
    function _adlTriggered(Market storage m, address market, bool isLong, MarketPrices memory prices)
        private
        returns (bool)
    {
        uint256 factor = MarketLogic.pnlToPoolFactor(m, prices, isLong);
        bool active = isLong ? m.adlActiveLong : m.adlActiveShort;
        if (active && factor <= m.config.safety.adlTargetFactor) {
            if (isLong) m.adlActiveLong = false;
            else m.adlActiveShort = false;
            emit IExchangeEvents.AdlStateUpdated(market, isLong, false, factor);
            return false;
        }
        uint256 threshold = active ? m.config.safety.adlTargetFactor : m.config.safety.adlTriggerFactor;
        if (factor <= threshold) revert IExchangeErrors.AdlNotTriggered(market, isLong, factor, threshold);
        return true;
    }
}
