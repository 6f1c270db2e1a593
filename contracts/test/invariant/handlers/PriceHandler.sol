// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MarketDefaults} from "../../../script/MarketDefaults.sol";
import {MarketPrices, PriceRange} from "../../../src/types/Price.sol";
import {MockPyth} from "@pythnetwork/pyth-sdk-solidity/MockPyth.sol";
import {CommonBase} from "forge-std/Base.sol";
import {StdUtils} from "forge-std/StdUtils.sol";

/// @notice The market: ETH moves by random walk, gaps and crashes, within what the oracle accepts
/// (positive, confidence at most 0.5% against a 2% limit); time moves with it. Every price change moves
/// time by at least a second, so a feed never has two prices for one publish time. The other handlers
/// read the current prices from here.
contract PriceHandler is CommonBase, StdUtils {
    int64 internal constant MIN_PRICE = 300e8;
    int64 internal constant MAX_PRICE = 20_000e8;

    MockPyth public immutable pyth;
    int64 public ethPrice = 3000e8;
    int64 public constant USDC_PRICE = 1e8;
    int64 public constant BTC_PRICE = 60_000e8;
    uint64 public confBps = 1;

    uint256 public moves;
    uint256 public crashes;
    uint256 public longWarps;

    constructor(MockPyth pyth_) {
        pyth = pyth_;
    }

    // ------------------------------------------------------------------ actions

    /// @dev A minute or less of ordinary trading: up to 3% either way; the confidence moves too.
    function randomWalk(int256 bpsSeed, uint256 secondsSeed, uint256 confSeed) external {
        _warp(_bound(secondsSeed, 1, 60));
        _move(_bound(bpsSeed, -300, 300));
        confBps = uint64(_bound(confSeed, 0, 50));
    }

    /// @dev A gap within seconds: 5% to 30% up, or 5% to 45% down (a crash beyond 20%).
    function gap(int256 bpsSeed, uint256 secondsSeed) external {
        _warp(_bound(secondsSeed, 1, 30));
        int256 bps = _bound(bpsSeed, -4000, 2500);
        bps = bps >= 0 ? bps + 500 : bps - 500;
        if (bps <= -2000) ++crashes;
        _move(bps);
    }

    /// @dev Hours to days without a trade: borrowing and funding accrue.
    function warpLong(uint256 secondsSeed) external {
        _warp(_bound(secondsSeed, 1 hours, 10 days));
        ++longWarps;
    }

    // ------------------------------------------------------------------ views

    /// @dev ETH, BTC and USDC updates at the current prices, published at `publishTime`.
    function update(uint256 publishTime) external view returns (bytes[] memory data) {
        data = new bytes[](3);
        data[0] = _feedUpdate(MarketDefaults.ETH_USD_FEED, ethPrice, publishTime);
        data[1] = _feedUpdate(MarketDefaults.BTC_USD_FEED, BTC_PRICE, publishTime);
        data[2] = _feedUpdate(MarketDefaults.USDC_USD_FEED, USDC_PRICE, publishTime);
    }

    /// @dev The ETH market prices the oracle produces from the current update.
    function marketPrices() external view returns (MarketPrices memory p) {
        p.index = _range(ethPrice, 1e4);
        p.long = p.index;
        p.short = _range(USDC_PRICE, 1e16);
    }

    /// @dev Mid price of one WETH wei in USD-30.
    function ethMid() external view returns (uint256) {
        return uint256(int256(ethPrice)) * 1e4;
    }

    // ------------------------------------------------------------------ internals

    function _warp(uint256 seconds_) internal {
        vm.warp(block.timestamp + seconds_);
    }

    function _move(int256 bps) internal {
        int256 next = int256(ethPrice) * (10_000 + bps) / 10_000;
        if (next < MIN_PRICE) next = MIN_PRICE;
        if (next > MAX_PRICE) next = MAX_PRICE;
        ethPrice = int64(next);
        ++moves;
    }

    function _feedUpdate(bytes32 feedId, int64 price, uint256 publishTime) internal view returns (bytes memory) {
        uint64 conf = uint64(uint256(int256(price))) * confBps / 10_000;
        return pyth.createPriceFeedUpdateData(
            feedId, price, conf, -8, price, conf, uint64(publishTime), uint64(publishTime > 0 ? publishTime - 1 : 0)
        );
    }

    function _range(int64 price, uint256 multiplier) internal view returns (PriceRange memory r) {
        uint256 mantissa = uint256(int256(price));
        uint256 conf = mantissa * confBps / 10_000;
        r.min = (mantissa - conf) * multiplier;
        r.max = (mantissa + conf) * multiplier;
    }
}
