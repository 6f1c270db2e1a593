// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MarketPrices} from "../../../src/types/Price.sol";
import {HandlerBase} from "./HandlerBase.sol";

/// @notice A liquidator: liquidates every position the health view reports as liquidatable, one by one
/// or in one `liquidatePositions` batch of the whole book. A print held back by the deviation guard
/// (false) is retried on a later call, with a later print. A revert on a liquidatable position is
/// counted, and so is a batch that liquidates other than the positions the view reports: neither may
/// ever happen.
contract LiquidatorHandler is HandlerBase {
    address public immutable liquidator;

    uint256 public attempts;
    uint256 public liquidated;
    uint256 public heldBack;
    uint256 public revertedWhileLiquidatable;
    uint256 public batches;
    uint256 public batchMismatches;

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

    function liquidateAllInOneBatch() external {
        _keeperTick();
        bytes32[] memory keys = _positionKeys();
        if (keys.length == 0) return;
        bytes[] memory update = _update();
        uint256 expected = _oneByOneCount(keys, update);
        ++attempts;
        _startRecording();
        vm.prank(liquidator);
        try exchange.liquidatePositions{value: PYTH_FEE}(market, keys, update) returns (bool confirmed, uint256 n) {
            _stopRecording();
            if (!confirmed) {
                ++heldBack;
                if (expected != 0) ++batchMismatches;
                return;
            }
            ++batches;
            liquidated += n;
            if (n != expected) ++batchMismatches;
        } catch {
            _discardRecording();
            ++revertedWhileLiquidatable;
        }
    }

    /// @dev How many liquidations `liquidatePosition` calls for `keys`, in order, would make, each
    /// only while the health view reports it liquidatable (closing one position moves the skew and so
    /// the others' price impact). Rolled back; the logs it emits are dropped when recording restarts.
    function _oneByOneCount(bytes32[] memory keys, bytes[] memory update) internal returns (uint256 n) {
        uint256 snapshot = vm.snapshotState();
        for (uint256 i; i < keys.length; ++i) {
            (,, bool liquidatable) = exchange.getPositionHealth(keys[i], _prices());
            if (!liquidatable) continue;
            vm.prank(liquidator);
            try exchange.liquidatePosition{value: PYTH_FEE}(keys[i], update) returns (bool ok) {
                if (!ok) break; // held back by the deviation guard: the batch is too
                ++n;
            } catch {}
        }
        vm.revertToState(snapshot);
    }
}
