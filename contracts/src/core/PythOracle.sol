// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPriceOracle} from "../interfaces/IPriceOracle.sol";
import {OracleMath} from "../libraries/OracleMath.sol";
import {MarketPrices, PriceRange} from "../types/Price.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IPyth} from "@pythnetwork/pyth-sdk-solidity/IPyth.sol";
import {PythStructs} from "@pythnetwork/pyth-sdk-solidity/PythStructs.sol";

/// @title PythOracle
/// @notice The exchange's price oracle adapter over Pyth. See `IPriceOracle`.
contract PythOracle is IPriceOracle, AccessControl {
    /// @notice Configures feeds and settings (held by the timelock).
    bytes32 public constant CONFIG_ROLE = keccak256("CONFIG_ROLE");
    /// @notice May verify prices (the exchange).
    bytes32 public constant VERIFIER_ROLE = keccak256("VERIFIER_ROLE");

    uint256 private constant PCT = 1e28;

    IPyth public immutable pyth;

    OracleSettings private _settings;
    mapping(address token => FeedConfig) private _feeds;
    mapping(address token => uint256) private _multipliers;
    mapping(bytes32 feedId => StoredPrice) private _lastAccepted;
    mapping(bytes32 feedId => StoredPrice) private _pendingDeviation;

    /// @dev An `AcceptedPrice` in one storage slot: a mid price is a Pyth mantissa (below 2^63) times a
    /// multiplier of at most 1e30, so below 2^192; a publish time fits 64 bits.
    struct StoredPrice {
        uint192 price;
        uint64 publishTime;
    }

    constructor(IPyth pyth_, address admin, OracleSettings memory settings_) {
        pyth = pyth_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _setSettings(settings_);
    }

    /// @notice Sets the Pyth feed of `token`. Config role only.
    function setFeed(address token, bytes32 feedId, int32 expo, uint8 tokenDecimals) external onlyRole(CONFIG_ROLE) {
        if (token == address(0) || feedId == bytes32(0) || expo > 0 || expo < -18) {
            revert InvalidFeedConfig(token, feedId, expo, tokenDecimals);
        }
        _multipliers[token] = OracleMath.priceMultiplier(expo, tokenDecimals);
        _feeds[token] = FeedConfig({feedId: feedId, expo: expo, tokenDecimals: tokenDecimals});
        emit FeedConfigured(token, feedId, expo, tokenDecimals);
    }

    /// @notice Updates the oracle settings. Config role only.
    function setSettings(OracleSettings calldata settings_) external onlyRole(CONFIG_ROLE) {
        _setSettings(settings_);
    }

    /// @inheritdoc IPriceOracle
    function getUpdateFee(bytes[] calldata updateData) external view returns (uint256) {
        return pyth.getUpdateFee(updateData);
    }

    /// @inheritdoc IPriceOracle
    function verifyMarketPrices(
        address indexToken,
        address longToken,
        address shortToken,
        bytes[] calldata updateData,
        uint256 minPublishTime,
        uint256 maxPublishTime,
        bool guardDeviation
    ) external payable onlyRole(VERIFIER_ROLE) returns (MarketPrices memory prices, bool confirmed) {
        if (minPublishTime > maxPublishTime) revert InvalidPublishWindow(minPublishTime, maxPublishTime);
        maxPublishTime = _capToFutureSkew(maxPublishTime);
        address[3] memory tokens = [indexToken, longToken, shortToken];
        (bytes32[] memory feedIds, uint256[3] memory feedIndexOfToken) = _distinctFeeds(tokens);
        PythStructs.PriceFeed[] memory feeds = pyth.parsePriceFeedUpdates{value: msg.value}(
            updateData, feedIds, uint64(minPublishTime), uint64(maxPublishTime)
        );
        PriceRange[3] memory ranges;
        confirmed = true;
        for (uint256 i; i < 3; ++i) {
            // The long token is usually the index token: its price is verified once.
            if (i == 1 && tokens[1] == tokens[0]) {
                ranges[1] = ranges[0];
                continue;
            }
            bool accepted;
            (ranges[i], accepted) = _verify(tokens[i], feeds[feedIndexOfToken[i]].price, guardDeviation);
            if (!accepted) confirmed = false;
        }
        prices = MarketPrices({index: ranges[0], long: ranges[1], short: ranges[2]});
    }

    /// @dev The distinct feed ids of the tokens (index and long token often share one), and where each
    /// token's feed sits in that list.
    function _distinctFeeds(address[3] memory tokens)
        private
        view
        returns (bytes32[] memory feedIds, uint256[3] memory feedIndexOfToken)
    {
        feedIds = new bytes32[](3);
        uint256 feedCount;
        for (uint256 i; i < 3; ++i) {
            bytes32 feedId = _feeds[tokens[i]].feedId;
            if (feedId == bytes32(0)) revert FeedNotConfigured(tokens[i]);
            uint256 j;
            while (j < feedCount && feedIds[j] != feedId) ++j;
            if (j == feedCount) feedIds[feedCount++] = feedId;
            feedIndexOfToken[i] = j;
        }
        assembly ("memory-safe") {
            mstore(feedIds, feedCount)
        }
    }

    /// @dev Checks one token's parsed price and records it (see `_accept`).
    function _verify(address token, PythStructs.Price memory p, bool guardDeviation)
        private
        returns (PriceRange memory range, bool accepted)
    {
        FeedConfig memory feed = _feeds[token];
        uint256 maxPublishTime = block.timestamp + _settings.maxFutureSkew;
        if (p.publishTime > maxPublishTime) revert FuturePrice(feed.feedId, p.publishTime, maxPublishTime);
        uint256 multiplier = _multipliers[token];
        range = OracleMath.toPriceRange(
            feed.feedId,
            p.price,
            p.conf,
            p.expo,
            feed.expo,
            multiplier,
            _settings.confidenceMultiplier,
            _settings.maxConfidenceFactor
        );
        accepted = _accept(feed.feedId, uint256(int256(p.price)) * multiplier, p.publishTime, guardDeviation);
    }

    /// @inheritdoc IPriceOracle
    function feedConfig(address token) external view returns (FeedConfig memory) {
        return _feeds[token];
    }

    /// @inheritdoc IPriceOracle
    function settings() external view returns (OracleSettings memory) {
        return _settings;
    }

    /// @inheritdoc IPriceOracle
    function lastAcceptedPrice(bytes32 feedId) external view returns (AcceptedPrice memory) {
        return _unpack(_lastAccepted[feedId]);
    }

    /// @inheritdoc IPriceOracle
    function pendingDeviation(bytes32 feedId) external view returns (AcceptedPrice memory) {
        return _unpack(_pendingDeviation[feedId]);
    }

    /// @dev Records a verified price. An unguarded price (request executions) is used as it is, but
    /// becomes the reference only when it is within the deviation bound, so a single bad print used by
    /// an execution cannot become what liquidations are compared with. A guarded price that moved
    /// beyond the bound is accepted only when a pending price published before it agrees with it;
    /// otherwise it becomes the pending price and is not to be acted on.
    function _accept(bytes32 feedId, uint256 price, uint256 publishTime, bool guardDeviation) private returns (bool) {
        StoredPrice memory last = _lastAccepted[feedId];
        if (OracleMath.deviatesBeyond(price, last.price, _settings.maxDeviationFactor)) {
            if (!guardDeviation) return true;
            StoredPrice memory pending = _pendingDeviation[feedId];
            bool confirmedByPending = pending.publishTime != 0 && pending.publishTime < publishTime
                && !OracleMath.deviatesBeyond(price, pending.price, _settings.maxDeviationFactor);
            if (!confirmedByPending) {
                if (publishTime > pending.publishTime) {
                    _pendingDeviation[feedId] = _pack(price, publishTime);
                }
                emit PriceDeviationPending(feedId, price, publishTime, last.price);
                return false;
            }
        }
        if (publishTime > last.publishTime) {
            _lastAccepted[feedId] = _pack(price, publishTime);
            delete _pendingDeviation[feedId];
            emit PriceAccepted(feedId, price, publishTime);
        }
        return true;
    }

    /// @dev Never ask Pyth for a price published after now + maxFutureSkew.
    function _capToFutureSkew(uint256 maxPublishTime) private view returns (uint256) {
        uint256 latest = block.timestamp + _settings.maxFutureSkew;
        return maxPublishTime > latest ? latest : maxPublishTime;
    }

    function _pack(uint256 price, uint256 publishTime) private pure returns (StoredPrice memory) {
        return StoredPrice({price: SafeCast.toUint192(price), publishTime: SafeCast.toUint64(publishTime)});
    }

    function _unpack(StoredPrice memory stored) private pure returns (AcceptedPrice memory) {
        return AcceptedPrice({price: stored.price, publishTime: stored.publishTime});
    }

    function _setSettings(OracleSettings memory settings_) private {
        if (
            settings_.confidenceMultiplier > 10e30 || settings_.maxConfidenceFactor == 0
                || settings_.maxConfidenceFactor > 10 * PCT || settings_.maxFutureSkew > 1 minutes
                || settings_.maxDeviationFactor < PCT || settings_.maxDeviationFactor > 100 * PCT
                // The widest accepted spread, k x the widest confidence, stays within 10% of the price.
                || settings_.confidenceMultiplier * settings_.maxConfidenceFactor > 10 * PCT * 1e30
        ) revert InvalidOracleSettings();
        _settings = settings_;
        emit OracleSettingsUpdated(settings_);
    }
}
