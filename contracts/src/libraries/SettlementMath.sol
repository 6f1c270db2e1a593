// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {TradeAmounts} from "../types/PositionTypes.sol";
import {FixedPoint} from "./FixedPoint.sol";

/// @title SettlementMath
/// @notice Settles a decrease between a position and its pool, and splits a shortfall along the loss
/// waterfall: position collateral, then the pool's insurance fund, then the pool's LPs.
library SettlementMath {
    using FixedPoint for uint256;

    /// @notice Token movements of a decrease.
    struct Settlement {
        /// @dev Collateral token amount moved from the position's collateral to the pool.
        uint256 collateralToPoolAmount;
        /// @dev Net gain the pool pays the trader, in USD.
        uint256 profitUsd;
        /// @dev What the trader owed the pool beyond the collateral, in USD.
        uint256 shortfallUsd;
    }

    /// @notice Gains (PnL, positive impact, funding earned) and costs (losses, negative impact, funding
    /// owed, borrowing and position fees) of a decrease, in USD.
    function gainsAndCosts(TradeAmounts memory amounts) internal pure returns (uint256 gainsUsd, uint256 costsUsd) {
        gainsUsd = FixedPoint.positivePart(amounts.realizedPnlUsd) + FixedPoint.positivePart(amounts.priceImpactUsd)
            + FixedPoint.negativePart(amounts.fundingFeeUsd);
        costsUsd = FixedPoint.negativePart(amounts.realizedPnlUsd) + FixedPoint.negativePart(amounts.priceImpactUsd)
            + FixedPoint.positivePart(amounts.fundingFeeUsd) + amounts.borrowingFeeUsd + amounts.positionFeeUsd;
    }

    /// @notice Nets gains against costs. A net gain is owed to the trader by the pool; a net cost is
    /// taken from collateral at the collateral token's min price (rounded up); what collateral cannot
    /// cover is the shortfall, exact in USD.
    function settleDecrease(TradeAmounts memory amounts, uint256 collateralAmount, uint256 collateralPriceMin)
        internal
        pure
        returns (Settlement memory result)
    {
        (uint256 gainsUsd, uint256 costsUsd) = gainsAndCosts(amounts);
        if (gainsUsd >= costsUsd) {
            result.profitUsd = gainsUsd - costsUsd;
            return result;
        }
        uint256 netCostUsd = costsUsd - gainsUsd;
        uint256 costAmount = FixedPoint.divUp(netCostUsd, collateralPriceMin);
        if (costAmount <= collateralAmount) {
            result.collateralToPoolAmount = costAmount;
        } else {
            result.collateralToPoolAmount = collateralAmount;
            result.shortfallUsd = netCostUsd - collateralAmount * collateralPriceMin;
        }
    }

    /// @notice Liquidation fee in collateral tokens: size closed x factor, converted at the collateral's
    /// min price (rounded up), never more than the collateral left.
    function liquidationFeeAmount(
        uint256 sizeDeltaUsd,
        uint256 liquidationFeeFactor,
        uint256 collateralPriceMin,
        uint256 collateralLeft
    ) internal pure returns (uint256) {
        uint256 fee = FixedPoint.divUp(sizeDeltaUsd.mulUp(liquidationFeeFactor), collateralPriceMin);
        return fee < collateralLeft ? fee : collateralLeft;
    }

    /// @notice How the insurance fund covers a shortfall: short (stable) token first, then long token,
    /// each at its min price and rounded down, never beyond the fund. The rest is absorbed by LPs.
    function coverShortfall(
        uint256 shortfallUsd,
        uint256 insuranceShortAmount,
        uint256 shortPriceMin,
        uint256 insuranceLongAmount,
        uint256 longPriceMin
    ) internal pure returns (uint256 fromShortAmount, uint256 fromLongAmount, uint256 coveredUsd) {
        fromShortAmount = shortfallUsd / shortPriceMin;
        if (fromShortAmount > insuranceShortAmount) fromShortAmount = insuranceShortAmount;
        coveredUsd = fromShortAmount * shortPriceMin;
        fromLongAmount = (shortfallUsd - coveredUsd) / longPriceMin;
        if (fromLongAmount > insuranceLongAmount) fromLongAmount = insuranceLongAmount;
        coveredUsd += fromLongAmount * longPriceMin;
    }
}
