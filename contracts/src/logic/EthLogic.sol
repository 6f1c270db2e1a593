// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeEvents} from "../interfaces/IExchangeEvents.sol";
import {ExchangeState} from "../state/ExchangeState.sol";

/// @title EthLogic
/// @notice ETH payments (execution fees, refunds) with a gas cap; a failed payment becomes a claim, so
/// a receiver that reverts cannot block a keeper's execution.
library EthLogic {
    /// @dev Enough for a smart-contract wallet's receive hook, not enough to do harm.
    uint256 internal constant ETH_TRANSFER_GAS = 50_000;

    function send(ExchangeState storage s, address to, uint256 amount) internal {
        if (amount == 0) return;
        (bool ok,) = payable(to).call{value: amount, gas: ETH_TRANSFER_GAS}("");
        if (ok) return;
        s.claimableEth[to] += amount;
        emit IExchangeEvents.EthClaimable(to, amount);
    }
}
