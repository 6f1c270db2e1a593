// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice An isolated-margin position. Key: keccak256(account, market, collateralToken, isLong).
struct Position {
    address account;
    uint64 increasedAt;
    bool isLong;
    address market;
    uint64 lastPartialLiquidationAt;
    address collateralToken;
    uint256 sizeUsd;
    /// @dev Index token units bought (long) or sold (short), price impact included.
    uint256 sizeInTokens;
    uint256 collateralAmount;
    uint256 borrowingFactorSnapshot;
    int256 fundingPerSizeSnapshot;
}

/// @notice Why a position is being decreased.
enum DecreaseKind {
    Order,
    Liquidation,
    PartialLiquidation,
    Adl
}

/// @notice What a position change cost or paid, in USD with 30 decimals. Signed values are positive
/// in the trader's favour, except funding, which is positive when paid by the trader.
struct TradeAmounts {
    int256 realizedPnlUsd;
    int256 priceImpactUsd;
    uint256 positionFeeUsd;
    uint256 borrowingFeeUsd;
    /// @dev Positive = paid by the trader.
    int256 fundingFeeUsd;
}

/// @notice How a position changed in one execution.
struct PositionChange {
    uint256 sizeDeltaUsd;
    uint256 sizeDeltaInTokens;
    /// @dev Execution price with impact, USD (30 decimals) per index token unit.
    uint256 executionPrice;
    /// @dev Collateral added (increase) or paid out to the trader (decrease), collateral token units.
    uint256 collateralDeltaAmount;
    uint256 sizeUsdAfter;
    uint256 collateralAmountAfter;
}
