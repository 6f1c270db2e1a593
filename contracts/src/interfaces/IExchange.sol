// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ExchangeSettings, Market, MarketConfig} from "../types/MarketTypes.sol";
import {Position} from "../types/PositionTypes.sol";
import {MarketPrices} from "../types/Price.sol";
import {CreateOrderParams, Deposit, Order, Withdrawal} from "../types/RequestTypes.sol";
import {IExchangeErrors} from "./IExchangeErrors.sol";
import {IExchangeEvents} from "./IExchangeEvents.sol";
import {IPriceOracle} from "./IPriceOracle.sol";

/// @title IExchange
/// @notice Bastion: isolated pool-based perpetual markets priced by Pyth. LPs deposit into a market's
/// pool, which is the synthetic counterparty to every trader of that market. Every request is two-step:
/// the user creates it (escrowing funds and an ETH execution fee), a keeper executes it with a Pyth
/// update published after its creation. Losses beyond a position's collateral go through a waterfall
/// (collateral, then the pool's insurance fund, then its LPs) and are recorded in a bad-debt ledger.
/// @dev Units: USD values and prices have 30 decimals; prices are USD per smallest token unit, so
/// `amount * price` is a USD value. Factors have 30 decimals (1e30 = 100%).
interface IExchange is IExchangeErrors, IExchangeEvents {
    /// @notice Assets and liabilities of one pool, in USD (30 decimals), at given prices.
    struct Solvency {
        /// @dev Tokens the pool vault holds (its real balances), at min prices.
        uint256 assetsUsd;
        /// @dev Traders' collateral at min prices.
        uint256 traderCollateralUsd;
        /// @dev Traders' net PnL with profit capped (positive = owed to traders).
        int256 traderPnlUsd;
        /// @dev Borrowing and funding traders owe the pool (negative = owed to traders).
        int256 pendingFeesUsd;
        /// @dev Escrow of pending requests and failed transfers owed to accounts.
        uint256 escrowAndClaimsUsd;
        uint256 insuranceFundUsd;
        /// @dev Value owned by LPs (pool value with capped PnL).
        int256 lpValueUsd;
        /// @dev Collateral + positive PnL + escrow and claims - pending fees owed to the pool.
        uint256 liabilitiesUsd;
        /// @dev Assets minus liabilities: what backs insurance and LPs (negative = deficit).
        int256 surplusUsd;
    }

    // ------------------------------------------------------------------ LP requests

    /// @notice Requests a deposit of pool tokens for LP shares. Escrows the tokens (approve the
    /// exchange first) and `msg.value` as the keeper's execution fee.
    /// @param minShares the least shares to accept; the request is cancelled and refunded otherwise.
    /// @return id the request id
    function createDeposit(address market, uint256 longTokenAmount, uint256 shortTokenAmount, uint256 minShares)
        external
        payable
        returns (uint256 id);

    /// @notice Requests a withdrawal of `shares` for pool tokens in proportion to the pool's holdings.
    /// Escrows the shares (no approval needed) and `msg.value` as the execution fee.
    function createWithdrawal(address market, uint256 shares, uint256 minLongTokenAmount, uint256 minShortTokenAmount)
        external
        payable
        returns (uint256 id);

    // ------------------------------------------------------------------ trader requests

    /// @notice Requests a position change. Increases escrow `collateralDeltaAmount` of the collateral
    /// token (approve first); decreases withdraw it. `acceptablePrice` bounds the execution price (a
    /// maximum for long increases and short decreases, a minimum otherwise). Limit, take-profit and
    /// stop-loss orders execute when the index price crosses `triggerPrice`.
    function createOrder(CreateOrderParams calldata params) external payable returns (uint256 id);

    /// @notice Cancels a pending request and returns its escrow and execution fee to its owner. The
    /// owner may cancel after `cancelDelay`; anyone may cancel a market request once it has expired.
    function cancelDeposit(uint256 id) external;

    /// @notice See `cancelDeposit`.
    function cancelWithdrawal(uint256 id) external;

    /// @notice See `cancelDeposit`.
    function cancelOrder(uint256 id) external;

    // ------------------------------------------------------------------ keeper executions

    /// @notice Executes a deposit with Pyth `priceUpdate` published after its creation and before it
    /// expires. `msg.value` pays the Pyth fee (the excess is refunded). A deposit that fails its own
    /// conditions (min shares, paused market) is cancelled and refunded; the keeper still earns the fee.
    function executeDeposit(uint256 id, bytes[] calldata priceUpdate) external payable;

    /// @notice Executes a withdrawal; see `executeDeposit`.
    function executeWithdrawal(uint256 id, bytes[] calldata priceUpdate) external payable;

    /// @notice Executes an order; see `executeDeposit`. Trigger orders revert with
    /// `TriggerPriceNotReached` (and stay pending) while the price has not crossed the trigger.
    function executeOrder(uint256 id, bytes[] calldata priceUpdate) external payable;

    /// @notice Liquidates a position below maintenance margin with a price no older than
    /// `maxPriceAge`. Anyone may call; the caller earns the liquidation fee. Large positions are closed
    /// in slices. Returns false (and changes nothing but the oracle's pending price) when a price moved
    /// beyond the deviation bound and awaits a confirming update.
    function liquidatePosition(bytes32 positionKey, bytes[] calldata priceUpdate)
        external
        payable
        returns (bool liquidated);

    /// @notice Liquidates, with one price update, every listed position of `market` that is below
    /// maintenance margin, and skips the others (already closed, of another market, or healthy), so a
    /// batch does not fail because another liquidator was faster. Each liquidation is the one
    /// `liquidatePosition` would make in this block and emits `PositionLiquidated`. Anyone may call.
    /// Reverts with `EmptyLiquidationBatch` for no keys and `MarketNotFound` for an unknown market.
    /// @return confirmed False (and nothing liquidated) when a price moved beyond the deviation bound
    /// and awaits a confirming update.
    /// @return liquidated How many liquidations were made.
    function liquidatePositions(address market, bytes32[] calldata positionKeys, bytes[] calldata priceUpdate)
        external
        payable
        returns (bool confirmed, uint256 liquidated);

    /// @notice Auto-deleverages a profitable position while its side's PnL to pool factor is above the
    /// trigger (and until it is back below the target), at the oracle price with no negative impact.
    /// Returns false, deleveraging nothing, when the price awaits confirmation, or when ADL was active
    /// and the factor is back at or below the target: the episode then ends (AdlStateUpdated with
    /// active = false) and the trigger applies again.
    function executeAdl(bytes32 positionKey, uint256 sizeDeltaUsd, bytes[] calldata priceUpdate)
        external
        payable
        returns (bool executed);

    /// @notice Claims tokens a failed transfer left owed to the caller.
    function claimFunds(address market, address token) external returns (uint256 amount);

    /// @notice Claims ETH (refunds, fees) a failed transfer left owed to the caller.
    function claimEth() external returns (uint256 amount);

    // ------------------------------------------------------------------ administration

    /// @notice Creates a market and its pool token. Market admin only.
    function createMarket(
        address indexToken,
        address longToken,
        address shortToken,
        MarketConfig calldata config,
        uint256 maintenanceMarginFactor,
        string calldata name,
        string calldata symbol
    ) external returns (address market);

    /// @notice Replaces a market's configuration; every parameter is checked against hard bounds.
    /// Config role only (held by the timelock).
    function setMarketConfig(address market, MarketConfig calldata config) external;

    /// @notice Exchange-wide settings. Config role only (held by the timelock).
    function setSettings(ExchangeSettings calldata settings) external;

    /// @notice Moves a market's maintenance margin factor within its bounds, by at most `maxStep`, at
    /// most once per `minInterval`, and always below the opening requirement. Risk keeper only.
    function setMaintenanceMarginFactor(address market, uint256 factor) external;

    /// @notice Pauses or resumes new deposits and position increases of a market. Withdrawals,
    /// decreases, added collateral, cancellations and liquidations always stay open. Pauser only.
    function setMarketPaused(address market, bool paused) external;

    // ------------------------------------------------------------------ views

    /// @notice The price oracle adapter.
    function oracle() external view returns (IPriceOracle);

    /// @notice Exchange-wide settings.
    function settings() external view returns (ExchangeSettings memory);

    /// @notice Every market id (pool token address), in creation order.
    function getMarkets() external view returns (address[] memory);

    /// @notice A market's configuration and state.
    function getMarket(address market) external view returns (Market memory);

    /// @notice The key of the position of `account` in `market` with `collateralToken` on a side.
    function positionKey(address account, address market, address collateralToken, bool isLong)
        external
        pure
        returns (bytes32);

    /// @notice A position (all zero when none).
    function getPosition(bytes32 key) external view returns (Position memory);

    /// @notice Number of open positions in a market.
    function getPositionCount(address market) external view returns (uint256);

    /// @notice Keys of open positions in a market, paginated.
    function getPositionKeys(address market, uint256 start, uint256 count) external view returns (bytes32[] memory);

    /// @notice A pending deposit (account zero when none).
    function getDeposit(uint256 id) external view returns (Deposit memory);

    /// @notice A pending withdrawal (account zero when none).
    function getWithdrawal(uint256 id) external view returns (Withdrawal memory);

    /// @notice A pending order (account zero when none).
    function getOrder(uint256 id) external view returns (Order memory);

    /// @notice Ids of pending requests: 0 deposits, 1 withdrawals, 2 orders; paginated.
    function getPendingRequestIds(uint8 kind, uint256 start, uint256 count) external view returns (uint256[] memory);

    /// @notice Number of pending requests of a kind (0 deposits, 1 withdrawals, 2 orders).
    function getPendingRequestCount(uint8 kind) external view returns (uint256);

    /// @notice Pool value in USD at `prices`, accrued to now. `maximize` picks prices that maximise
    /// it (as deposits do); `capPnl` caps traders' profit (deposits and display) or not (withdrawals).
    function getPoolValue(address market, MarketPrices calldata prices, bool maximize, bool capPnl)
        external
        view
        returns (int256 poolValueUsd);

    /// @notice Remaining collateral and maintenance margin of a position at `prices`, accrued to now,
    /// and whether it can be liquidated.
    function getPositionHealth(bytes32 key, MarketPrices calldata prices)
        external
        view
        returns (int256 remainingCollateralUsd, uint256 maintenanceMarginUsd, bool liquidatable);

    /// @notice The pool's assets, liabilities and surplus at `prices`.
    function getSolvency(address market, MarketPrices calldata prices) external view returns (Solvency memory);

    /// @notice Tokens owed to `account` after a failed transfer.
    function claimableFunds(address market, address token, address account) external view returns (uint256);

    /// @notice ETH owed to `account` after a failed transfer.
    function claimableEth(address account) external view returns (uint256);
}
