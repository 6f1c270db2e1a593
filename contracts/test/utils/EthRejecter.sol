// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchange} from "../../src/interfaces/IExchange.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice A contract account (user or keeper) whose `receive` refuses ETH until told otherwise, to test
/// that refunds and fees owed to it become claimable instead of blocking the exchange.
contract EthRejecter {
    error EthRefused();

    IExchange public immutable exchange;
    bool public acceptsEth;

    constructor(IExchange exchange_) {
        exchange = exchange_;
    }

    function setAcceptsEth(bool accepts) external {
        acceptsEth = accepts;
    }

    function approve(IERC20 token) external {
        token.approve(address(exchange), type(uint256).max);
    }

    function createDeposit(address market, uint256 longAmount, uint256 shortAmount) external payable returns (uint256) {
        return exchange.createDeposit{value: msg.value}(market, longAmount, shortAmount, 0);
    }

    function cancelDeposit(uint256 id) external {
        exchange.cancelDeposit(id);
    }

    function executeDeposit(uint256 id, bytes[] calldata priceUpdate) external payable {
        exchange.executeDeposit{value: msg.value}(id, priceUpdate);
    }

    function claimEth() external returns (uint256) {
        return exchange.claimEth();
    }

    receive() external payable {
        if (!acceptsEth) revert EthRefused();
    }
}
