// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MarketPrices} from "../../../src/types/Price.sol";
import {HandlerBase} from "./HandlerBase.sol";

/// @notice A liquidator: liquidates every position the health view reports as liquidatable. A print
/// held back by the deviation guard (false) is retried on a later call, with a later print. A revert
/// on a liquidatable position is counted: it must never happen.
contract LiquidatorHandler is HandlerBase {
    address public immutable liquidator;

    uint256 public attempts;
    uint256 public liquidated;
    uint256 public heldBack;
    uint256 public revertedWhileLiquidatable;

    constructor(Deployment memory d) HandlerBase(d) {
        liquidator = address(uint160(0x11D0000));
        vm.deal(liquidator, 1000 ether);
    }

    function liquidateAll() external {
        _keeperTick();
        bytes32[] memory keys = _positionKeys();
        MarketPrices memory p = _prices();
        for (uint256 i; i < keys.length; ++i) {
            (,, bool liquidatable) = exchange.getPositionHealth(keys[i], p);
            if (!liquidatable) continue;
            bytes[] memory update = _update();
            ++attempts;
            _startRecording();
            vm.prank(liquidator);
            try exchange.liquidatePosition{value: PYTH_FEE}(keys[i], update) returns (bool ok) {
                _stopRecording();
                if (!ok) {
                    ++heldBack;
                    return; // the same print cannot confirm itself: wait for the next one
                }
                ++liquidated;
            } catch {
                _discardRecording();
                ++revertedWhileLiquidatable;
            }
        }
    }
}
