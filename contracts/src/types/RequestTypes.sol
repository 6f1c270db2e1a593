// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice Order types. Market orders execute with the first prices after creation; limit, take-profit
/// and stop-loss orders execute when the index price crosses `triggerPrice`.
enum OrderType {
    MarketIncrease,
    MarketDecrease,
    LimitIncrease,
    LimitDecrease,
    StopLossDecrease
}

/// @notice A pending LP deposit. Tokens are escrowed in the market's pool vault.
struct Deposit {
    address account;
    uint64 createdAt;
    address market;
    uint256 longTokenAmount;
    uint256 shortTokenAmount;
    uint256 minShares;
    uint256 executionFee;
}

/// @notice A pending LP withdrawal. Shares are escrowed in the pool token contract.
struct Withdrawal {
    address account;
    uint64 createdAt;
    address market;
    uint256 shares;
    uint256 minLongTokenAmount;
    uint256 minShortTokenAmount;
    uint256 executionFee;
}

/// @notice A pending order. For increases, `collateralDeltaAmount` is escrowed collateral; for
/// decreases it is the collateral to withdraw. Prices have 30 decimals per index token unit.
struct Order {
    address account;
    uint64 createdAt;
    OrderType orderType;
    bool isLong;
    address market;
    address collateralToken;
    uint256 sizeDeltaUsd;
    uint256 collateralDeltaAmount;
    uint256 triggerPrice;
    uint256 acceptablePrice;
    uint256 executionFee;
}

/// @notice Parameters of `createOrder`.
struct CreateOrderParams {
    address market;
    address collateralToken;
    bool isLong;
    OrderType orderType;
    uint256 sizeDeltaUsd;
    uint256 collateralDeltaAmount;
    uint256 triggerPrice;
    uint256 acceptablePrice;
}
