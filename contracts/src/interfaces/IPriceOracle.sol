// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MarketPrices} from "../types/Price.sol";

/// @title IPriceOracle
/// @notice Verifies Pyth price updates for a market's tokens and turns them into min/max price ranges
/// (USD with 30 decimals per smallest token unit). Only the exchange may verify: verification
/// updates the last accepted prices that guard liquidations against single bad prints.
interface IPriceOracle {
    /// @notice A token's Pyth feed. `expo` is the exponent every update must carry.
    struct FeedConfig {
        bytes32 feedId;
        int32 expo;
        uint8 tokenDecimals;
    }

    /// @notice Oracle-wide settings. Factors have 30 decimals.
    struct OracleSettings {
        /// @dev k: the price range is price -/+ k x confidence.
        uint256 confidenceMultiplier;
        /// @dev Largest accepted confidence / price. k x this factor may not exceed 10%.
        uint256 maxConfidenceFactor;
        /// @dev A price may be published at most this many seconds after the block's timestamp.
        uint256 maxFutureSkew;
        /// @dev For liquidations: a move larger than this from the last accepted price must be
        /// confirmed by a second, later, consistent update before it is used.
        uint256 maxDeviationFactor;
    }

    /// @notice The last price accepted for a feed (mid price, 30 decimals per token unit).
    struct AcceptedPrice {
        uint256 price;
        uint256 publishTime;
    }

    error FeedNotConfigured(address token);
    error InvalidFeedConfig(address token, bytes32 feedId, int32 expo, uint8 tokenDecimals);
    error InvalidOracleSettings();
    error FuturePrice(bytes32 feedId, uint256 publishTime, uint256 maxPublishTime);
    error InvalidPublishWindow(uint256 minPublishTime, uint256 maxPublishTime);

    event FeedConfigured(address indexed token, bytes32 indexed feedId, int32 expo, uint8 tokenDecimals);
    event OracleSettingsUpdated(OracleSettings settings);
    event PriceAccepted(bytes32 indexed feedId, uint256 price, uint256 publishTime);
    /// @notice A price that moved beyond the deviation bound was held back until confirmed.
    event PriceDeviationPending(bytes32 indexed feedId, uint256 price, uint256 publishTime, uint256 lastAcceptedPrice);

    /// @notice The fee the Pyth contract charges for `updateData` (what `verifyMarketPrices` must be sent).
    function getUpdateFee(bytes[] calldata updateData) external view returns (uint256);

    /// @notice Verifies `updateData` through Pyth's `parsePriceFeedUpdates` for the feeds of the
    /// three tokens, with publish times inside [minPublishTime, maxPublishTime] and not in the future:
    /// the window is capped at now + `maxFutureSkew`.
    /// Rejects non-positive prices, unexpected exponents and too-wide confidence.
    /// @param guardDeviation when true (liquidations, ADL), a price that moved more than
    /// `maxDeviationFactor` from the last accepted one is recorded as pending and `confirmed` is false
    /// until a later, consistent update confirms it.
    /// @return prices the price ranges of the index, long and short tokens
    /// @return confirmed false when a guarded price is pending confirmation (do not act on it)
    function verifyMarketPrices(
        address indexToken,
        address longToken,
        address shortToken,
        bytes[] calldata updateData,
        uint256 minPublishTime,
        uint256 maxPublishTime,
        bool guardDeviation
    ) external payable returns (MarketPrices memory prices, bool confirmed);

    /// @notice The feed configured for `token` (feedId zero when none).
    function feedConfig(address token) external view returns (FeedConfig memory);

    /// @notice The oracle's settings.
    function settings() external view returns (OracleSettings memory);

    /// @notice The last accepted mid price of `feedId`: the reference of the deviation guard. Request
    /// executions update it only with prices within the deviation bound.
    function lastAcceptedPrice(bytes32 feedId) external view returns (AcceptedPrice memory);

    /// @notice The price held back for confirmation for `feedId`, if any.
    function pendingDeviation(bytes32 feedId) external view returns (AcceptedPrice memory);
}
