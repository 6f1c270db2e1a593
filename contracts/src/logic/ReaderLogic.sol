// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchange} from "../interfaces/IExchange.sol";
import {FixedPoint} from "../libraries/FixedPoint.sol";
import {PoolMath} from "../libraries/PoolMath.sol";
import {RateMath} from "../libraries/RateMath.sol";
import {ExchangeState} from "../state/ExchangeState.sol";
import {Market, PoolBalances, RateState} from "../types/MarketTypes.sol";
import {Position} from "../types/PositionTypes.sol";
import {MarketPrices} from "../types/Price.sol";
import {MarketLogic} from "./MarketLogic.sol";
import {PositionHealth} from "./PositionHealth.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title ReaderLogic
/// @notice Views that evaluate a market or position at given prices, accrued to the current block.
library ReaderLogic {
    function poolValue(
        ExchangeState storage s,
        address market,
        MarketPrices calldata prices,
        bool maximize,
        bool capPnl
    ) external view returns (int256) {
        Market storage m = MarketLogic.get(s, market);
        return
            MarketLogic.poolValueUsd(m, MarketLogic.accruedRates(m, prices, block.timestamp), prices, maximize, capPnl);
    }

    function positionHealth(ExchangeState storage s, bytes32 key, MarketPrices calldata prices)
        external
        view
        returns (int256 remainingCollateralUsd, uint256 maintenanceMarginUsd, bool liquidatable)
    {
        Position memory position = s.positions[key];
        if (position.account == address(0)) return (0, 0, false);
        Market storage m = s.markets[position.market];
        RateState memory rates = MarketLogic.accruedRates(m, prices, block.timestamp);
        remainingCollateralUsd = PositionHealth.evaluate(m, position, rates, prices).remainingCollateralUsd;
        maintenanceMarginUsd = PositionHealth.maintenanceMarginUsd(m, position.sizeUsd);
        liquidatable = remainingCollateralUsd < FixedPoint.toInt(maintenanceMarginUsd);
    }

    function solvency(ExchangeState storage s, address market, MarketPrices calldata prices)
        external
        view
        returns (IExchange.Solvency memory v)
    {
        Market storage m = MarketLogic.get(s, market);
        PoolBalances memory b = m.balances;
        RateState memory rates = MarketLogic.accruedRates(m, prices, block.timestamp);
        uint256 longPrice = prices.long.min;
        uint256 shortPrice = prices.short.min;

        v.assetsUsd =
            IERC20(m.longToken).balanceOf(market) * longPrice + IERC20(m.shortToken).balanceOf(market) * shortPrice;
        v.traderCollateralUsd = b.collateralLongTokenAmount * longPrice + b.collateralShortTokenAmount * shortPrice;
        v.traderPnlUsd = PoolMath.cappedPnlUsd(
            MarketLogic.sidePnlUsd(m, true, prices.index.max), b.longAmount * longPrice, m.config.risk.maxPnlFactor
        )
        + PoolMath.cappedPnlUsd(
            MarketLogic.sidePnlUsd(m, false, prices.index.min), b.shortAmount * shortPrice, m.config.risk.maxPnlFactor
        );
        v.pendingFeesUsd = FixedPoint.toInt(
            RateMath.pendingBorrowingUsd(
                m.openInterest.longUsd, rates.cumulativeBorrowingFactorLong, rates.borrowingSnapshotSumLong
            )
            + RateMath.pendingBorrowingUsd(
                m.openInterest.shortUsd, rates.cumulativeBorrowingFactorShort, rates.borrowingSnapshotSumShort
            )
        )
        + RateMath.pendingFundingUsd(
            m.openInterest.longUsd, rates.cumulativeFundingPerSizeLong, rates.fundingSnapshotSumLong
        )
        + RateMath.pendingFundingUsd(
            m.openInterest.shortUsd, rates.cumulativeFundingPerSizeShort, rates.fundingSnapshotSumShort
        );
        v.escrowAndClaimsUsd = (b.escrowLongTokenAmount + b.claimableLongTokenAmount) * longPrice
            + (b.escrowShortTokenAmount + b.claimableShortTokenAmount) * shortPrice;
        v.insuranceFundUsd = b.insuranceLongAmount * longPrice + b.insuranceShortAmount * shortPrice;
        v.lpValueUsd = MarketLogic.poolValueUsd(m, rates, prices, false, true);

        int256 liabilities =
            FixedPoint.toInt(v.traderCollateralUsd + v.escrowAndClaimsUsd) + v.traderPnlUsd - v.pendingFeesUsd;
        v.liabilitiesUsd = liabilities > 0 ? uint256(liabilities) : 0;
        v.surplusUsd = FixedPoint.toInt(v.assetsUsd) - FixedPoint.toInt(v.liabilitiesUsd);
    }
}
