// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ExchangeSettings, MarketConfig, OpenInterest, PoolBalances, RateState} from "../types/MarketTypes.sol";
import {DecreaseKind, PositionChange, TradeAmounts} from "../types/PositionTypes.sol";
import {OrderType} from "../types/RequestTypes.sol";

/// @title IExchangeEvents
/// @notice Typed events for every state change an indexer needs. USD values and prices have 30
/// decimals; token amounts are in the token's own units.
interface IExchangeEvents {
    // --- configuration ---
    event MarketCreated(address indexed market, address indexed indexToken, address longToken, address shortToken);
    event MarketConfigUpdated(address indexed market, MarketConfig config);
    event MaintenanceMarginUpdated(address indexed market, uint256 previousFactor, uint256 newFactor);
    event MarketPauseUpdated(address indexed market, bool paused);
    event SettingsUpdated(ExchangeSettings settings);

    // --- requests ---
    event DepositCreated(
        uint256 indexed id,
        address indexed account,
        address indexed market,
        uint256 longTokenAmount,
        uint256 shortTokenAmount,
        uint256 minShares,
        uint256 executionFee
    );
    event WithdrawalCreated(
        uint256 indexed id,
        address indexed account,
        address indexed market,
        uint256 shares,
        uint256 minLongTokenAmount,
        uint256 minShortTokenAmount,
        uint256 executionFee
    );
    event OrderCreated(
        uint256 indexed id,
        address indexed account,
        address indexed market,
        OrderType orderType,
        address collateralToken,
        bool isLong,
        uint256 sizeDeltaUsd,
        uint256 collateralDeltaAmount,
        uint256 triggerPrice,
        uint256 acceptablePrice,
        uint256 executionFee
    );
    /// @notice A request left the queue without executing; escrow went back to its owner.
    /// @param reason the revert data of the failed execution, empty for a cancellation.
    event RequestCancelled(
        uint256 indexed id, address indexed account, address indexed market, address cancelledBy, bytes reason
    );

    // --- liquidity ---
    event DepositExecuted(
        uint256 indexed id,
        address indexed account,
        address indexed market,
        uint256 longTokenAmount,
        uint256 shortTokenAmount,
        uint256 sharesMinted,
        uint256 feeUsd,
        int256 poolValueUsd,
        uint256 totalSupplyBefore
    );
    event WithdrawalExecuted(
        uint256 indexed id,
        address indexed account,
        address indexed market,
        uint256 sharesBurned,
        uint256 longTokenAmount,
        uint256 shortTokenAmount,
        uint256 feeUsd,
        int256 poolValueUsd,
        uint256 totalSupplyBefore
    );

    // --- positions ---
    event PositionIncreased(
        bytes32 indexed positionKey,
        address indexed account,
        address indexed market,
        uint256 orderId,
        address collateralToken,
        bool isLong,
        PositionChange change,
        TradeAmounts amounts
    );
    /// @notice Profit is paid in the side's pool token (long token for longs), and in the other pool
    /// token for any part that token cannot cover.
    event PositionDecreased(
        bytes32 indexed positionKey,
        address indexed account,
        address indexed market,
        uint256 orderId,
        DecreaseKind kind,
        address collateralToken,
        bool isLong,
        PositionChange change,
        TradeAmounts amounts,
        uint256 profitLongTokenAmount,
        uint256 profitShortTokenAmount
    );
    /// @notice Fees a market collected in one execution, and where they went.
    event FeesCollected(
        address indexed market,
        address indexed token,
        uint256 positionFeeUsd,
        uint256 borrowingFeeUsd,
        uint256 liquidationFeeAmount,
        uint256 toInsuranceAmount,
        uint256 toLiquidatorAmount
    );
    event PositionLiquidated(
        bytes32 indexed positionKey,
        address indexed account,
        address indexed market,
        address liquidator,
        bool isPartial,
        uint256 sizeClosedUsd,
        uint256 indexPrice,
        int256 remainingCollateralUsd,
        uint256 maintenanceMarginUsd
    );
    /// @notice A loss the position's collateral could not cover, and who absorbed it.
    event ShortfallRecorded(
        address indexed market,
        bytes32 indexed positionKey,
        address indexed account,
        uint256 indexPrice,
        uint256 shortfallUsd,
        uint256 coveredByInsuranceUsd,
        uint256 absorbedByLpUsd,
        uint256 insuranceLongAmount,
        uint256 insuranceShortAmount
    );
    event AdlStateUpdated(address indexed market, bool indexed isLong, bool active, uint256 pnlToPoolFactor);

    // --- pool state (a full snapshot after every change, so indexers need no state reads) ---
    /// @notice A market's balances, open interest, rate indices and LP supply after a change.
    event PoolStateUpdated(
        address indexed market, PoolBalances balances, OpenInterest openInterest, RateState rates, uint256 totalSupply
    );

    // --- claims ---
    event TransferFailed(address indexed market, address indexed token, address indexed account, uint256 amount);
    event FundsClaimed(address indexed market, address indexed token, address indexed account, uint256 amount);
    event EthClaimable(address indexed account, uint256 amount);
    event EthClaimed(address indexed account, uint256 amount);
}
