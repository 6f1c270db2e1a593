// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MarketDefaults} from "../../script/MarketDefaults.sol";
import {RequestFixture} from "./RequestFixture.sol";

/// @notice Builds Pyth updates with chosen fields (price, confidence, exponent, publish time, feeds)
/// for oracle tests, and sets MockPyth's per-update fee.
abstract contract OracleFixture is RequestFixture {
    bytes32 internal constant ETH_FEED = MarketDefaults.ETH_USD_FEED;
    bytes32 internal constant BTC_FEED = MarketDefaults.BTC_USD_FEED;
    bytes32 internal constant USDC_FEED = MarketDefaults.USDC_USD_FEED;

    /// @dev One feed's update: `price` and `conf` are Pyth mantissas with exponent `expo`.
    function feedUpdate(bytes32 feedId, int64 price, uint64 conf, int32 expo, uint256 publishTime)
        internal
        view
        returns (bytes memory)
    {
        return pyth.createPriceFeedUpdateData(
            feedId, price, conf, expo, price, conf, uint64(publishTime), uint64(publishTime - 1)
        );
    }

    /// @dev An ETH-market update (ETH and USDC) where the ETH feed is replaced by `ethUpdate`.
    function withEth(bytes memory ethUpdate, uint256 publishTime) internal view returns (bytes[] memory data) {
        data = new bytes[](2);
        data[0] = ethUpdate;
        data[1] =
            feedUpdate(USDC_FEED, usdcPrice, uint64(uint256(int256(usdcPrice))) * confBps / 10_000, -8, publishTime);
    }

    /// @dev MockPyth keeps its per-update fee in storage slot 1 and has no setter.
    function setPythFeePerUpdate(uint256 feeWei) internal {
        vm.store(address(pyth), bytes32(uint256(1)), bytes32(feeWei));
        bytes[] memory one = new bytes[](1);
        assertEq(pyth.getUpdateFee(one), feeWei, "MockPyth fee slot");
    }
}
