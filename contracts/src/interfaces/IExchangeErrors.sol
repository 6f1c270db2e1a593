// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IExchangeErrors
/// @notice Every error the exchange raises, with the values that failed. USD and prices have 30 decimals.
interface IExchangeErrors {
    // --- markets and configuration ---
    error MarketNotFound(address market);
    error MarketPaused(address market);
    error InvalidMarketTokens(address indexToken, address longToken, address shortToken);
    error ParameterOutOfBounds(bytes32 parameter, uint256 value, uint256 min, uint256 max);
    error MaintenanceMarginNotBelowOpening(uint256 maintenanceMarginFactor, uint256 minCollateralFactor);
    error MaintenanceMarginStepTooLarge(uint256 current, uint256 proposed, uint256 maxStep);
    error MaintenanceMarginUpdateTooSoon(uint256 nextUpdateAt);

    // --- requests ---
    error InsufficientExecutionFee(uint256 provided, uint256 required);
    error EmptyDeposit();
    error ZeroShares();
    error ZeroSizeDelta();
    error ZeroCollateral();
    error InvalidCollateralToken(address market, address token);
    error InvalidOrder(uint8 orderType, uint256 triggerPrice, uint256 acceptablePrice);
    error RequestNotFound(uint256 id);
    error RequestNotCancellableYet(uint256 id, uint256 cancellableAt);
    error NotRequestOwner(uint256 id, address owner);
    error RequestExpired(uint256 id, uint256 expiredAt);
    error TokenTransferMismatch(address token, uint256 expected, uint256 received);

    // --- execution ---
    error InsufficientOracleFee(uint256 provided, uint256 required);
    error InsufficientExecutionGas(uint256 gasLeft, uint256 required);
    error ExecutionOutOfGas(uint256 id);
    error OnlySelf();
    error AcceptablePriceNotMet(uint256 executionPrice, uint256 acceptablePrice);
    error TriggerPriceNotReached(uint256 price, uint256 triggerPrice);
    error PositionNotFound(bytes32 positionKey);
    error PositionTooSmall(uint256 sizeUsd, uint256 minPositionSizeUsd);
    error InsufficientCollateral(int256 remainingCollateralUsd, uint256 requiredUsd);
    error CollateralWithdrawalTooLarge(uint256 requested, uint256 available);
    error MaxOpenInterestExceeded(uint256 openInterestUsd, uint256 maxOpenInterestUsd);
    error ReserveExceeded(uint256 reservedUsd, uint256 maxReservedUsd);
    error InsufficientPoolLiquidity(address token, uint256 requested, uint256 available);
    error MinSharesNotMet(uint256 shares, uint256 minShares);
    error MinTokensNotMet(
        uint256 longTokenAmount, uint256 minLongTokenAmount, uint256 shortTokenAmount, uint256 minShortTokenAmount
    );
    error PoolValueNotPositive(address market, int256 poolValueUsd);
    error PnlFactorExceededForWithdrawals(bool isLong, uint256 pnlToPoolFactor, uint256 maxFactor);

    // --- liquidation and ADL ---
    error PositionNotLiquidatable(bytes32 positionKey, int256 remainingCollateralUsd, uint256 maintenanceMarginUsd);
    error EmptyLiquidationBatch();
    error AdlNotTriggered(address market, bool isLong, uint256 pnlToPoolFactor, uint256 triggerFactor);
    error PositionNotInProfit(bytes32 positionKey, int256 pnlUsd);

    // --- claims ---
    error NothingToClaim();
    error ClaimTransferFailed(address token, address account, uint256 amount);
}
