// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {FixedPoint} from "./FixedPoint.sol";

/// @title PoolMath
/// @notice Pool value, LP share conversions, traders' PnL caps and the ADL ratio.
/// Pool value = token balances at oracle prices + pending fees owed to the pool - traders' net PnL
/// (profit capped). It is computed from open interest (tokens x price vs. USD), never from a running
/// average a trade can move.
library PoolMath {
    using FixedPoint for uint256;

    /// @dev Virtual shares and USD (one share worth $1) against first-depositor share inflation.
    uint256 internal constant VIRTUAL_SHARES = 1e18;
    uint256 internal constant VIRTUAL_USD = 1e30;

    /// @notice Inputs of `poolValueUsd`, already priced by the caller on the side it needs.
    struct PoolValueInputs {
        uint256 longTokenUsd;
        uint256 shortTokenUsd;
        uint256 pendingBorrowingUsd;
        int256 pendingFundingUsd;
        int256 longPnlUsd;
        int256 shortPnlUsd;
    }

    /// @notice Traders' PnL on a side with profit capped at maxPnlFactor x the side's pool USD.
    /// A factor of 0 means no cap (used when valuing the pool for withdrawals).
    function cappedPnlUsd(int256 pnl, uint256 sidePoolUsd, uint256 maxPnlFactor) internal pure returns (int256) {
        if (pnl <= 0 || maxPnlFactor == 0) return pnl;
        uint256 cap = sidePoolUsd.mulDown(maxPnlFactor);
        return uint256(pnl) > cap ? FixedPoint.toInt(cap) : pnl;
    }

    /// @notice Pool value in USD; may be negative when traders' gains exceed the pool.
    function poolValueUsd(PoolValueInputs memory inputs) internal pure returns (int256) {
        return FixedPoint.toInt(inputs.longTokenUsd + inputs.shortTokenUsd + inputs.pendingBorrowingUsd)
            + inputs.pendingFundingUsd - inputs.longPnlUsd - inputs.shortPnlUsd;
    }

    /// @notice Shares minted for `depositUsd`, rounded down: depositUsd x (supply + virtual shares) /
    /// (pool value + virtual USD). A negative pool value counts as zero.
    function sharesForDepositUsd(uint256 depositUsd, int256 poolValue, uint256 totalSupply)
        internal
        pure
        returns (uint256)
    {
        uint256 value = poolValue > 0 ? uint256(poolValue) : 0;
        return depositUsd.mulDivDown(totalSupply + VIRTUAL_SHARES, value + VIRTUAL_USD);
    }

    /// @notice USD value of `shares`, rounded down.
    function usdForShares(uint256 shares, int256 poolValue, uint256 totalSupply) internal pure returns (uint256) {
        uint256 value = poolValue > 0 ? uint256(poolValue) : 0;
        return shares.mulDivDown(value + VIRTUAL_USD, totalSupply + VIRTUAL_SHARES);
    }

    /// @notice Splits a withdrawal's USD between the pool tokens in proportion to their value; the long
    /// part rounds down and the short part takes the rest.
    function splitWithdrawalUsd(uint256 usd, uint256 longTokenUsd, uint256 shortTokenUsd)
        internal
        pure
        returns (uint256 longUsd, uint256 shortUsd)
    {
        uint256 total = longTokenUsd + shortTokenUsd;
        if (total == 0) return (0, 0);
        longUsd = usd.mulDivDown(longTokenUsd, total);
        shortUsd = usd - longUsd;
    }

    /// @notice Traders' PnL on a side as a factor of the side's pool USD (30 decimals), rounded down;
    /// zero when the side is not in profit. Used by the ADL trigger and the withdrawal cap.
    function pnlToPoolFactor(int256 sidePnlUsd, uint256 sidePoolUsd) internal pure returns (uint256) {
        if (sidePnlUsd <= 0) return 0;
        if (sidePoolUsd == 0) return type(uint256).max;
        return uint256(sidePnlUsd).mulDivDown(FixedPoint.ONE, sidePoolUsd);
    }

    /// @notice Scales a trader's realized profit down when the side's PnL exceeds its cap (GMX's
    /// max-PnL-for-traders rule): profit x capped side PnL / side PnL, rounded down.
    function capRealizedProfit(int256 realizedPnl, int256 sidePnl, int256 cappedSidePnl)
        internal
        pure
        returns (int256)
    {
        if (realizedPnl <= 0 || sidePnl <= 0 || cappedSidePnl >= sidePnl) return realizedPnl;
        if (cappedSidePnl <= 0) return 0;
        return FixedPoint.toInt(uint256(realizedPnl).mulDivDown(uint256(cappedSidePnl), uint256(sidePnl)));
    }
}
