// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchange} from "../../src/interfaces/IExchange.sol";

/// @notice A liquidator contract without `receive`: every ETH refund to it fails.
contract EthRejectingLiquidator {
    function liquidate(IExchange exchange, bytes32 key, bytes[] calldata update) external payable returns (bool) {
        return exchange.liquidatePosition{value: msg.value}(key, update);
    }

    function claimFunds(IExchange exchange, address market, address token) external returns (uint256) {
        return exchange.claimFunds(market, token);
    }
}
