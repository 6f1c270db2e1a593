// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MarketDefaults} from "../../script/MarketDefaults.sol";
import {ExchangeFixture} from "../utils/ExchangeFixture.sol";
import {console} from "forge-std/console.sol";

/// @notice Measures keeper executions as transactions: run with `--isolate`, every call is its own
/// transaction with cold storage, as on chain, and `vm.lastCallGas().gasTotalUsed` is the transaction's
/// gas (base and calldata cost included, refunds deducted); the Pyth update is measured on its own so
/// an execution's own cost is the difference. See contracts/GAS.md.
abstract contract GasMeter is ExchangeFixture {
    /// @dev The Pyth fee the gas suites pay (MockPyth: one wei per update).
    uint256 internal constant METER_PYTH_FEE = 3;

    // ------------------------------------------------------------------ measuring

    function _lastCallGas() internal view returns (uint256) {
        return vm.lastCallGas().gasTotalUsed;
    }

    /// @dev Whether calls run as their own transactions (`--isolate`): a trivial call then costs at
    /// least the 21,000 transaction base.
    function _isolated() internal returns (bool isolated) {
        uint256 snap = vm.snapshotState();
        weth.approve(address(0xdead), 0);
        isolated = _lastCallGas() >= 21_000;
        vm.revertToState(snap);
    }

    /// @dev The last call's gas after refunds: `--isolate` reports the transaction's gas with refunds
    /// already deducted; otherwise deduct them here, capped at a fifth of the gas as on chain (EIP-3529;
    /// inside one test transaction the refund counter can exceed what a real transaction would get).
    function _lastCallGasAfterRefund(bool isolated) internal view returns (uint256) {
        if (isolated) return _lastCallGas();
        uint256 used = _lastCallGas();
        uint256 refunded = uint256(int256(vm.lastCallGas().gasRefunded));
        return used - (refunded < used / 5 ? refunded : used / 5);
    }

    /// @dev Gas of MockPyth's `parsePriceFeedUpdates` on `update` for the ETH market's feeds, in the
    /// current state (rolled back afterwards).
    function _pythGas(bytes[] memory update) internal returns (uint256 gasUsed) {
        bytes32[] memory feedIds = new bytes32[](2);
        feedIds[0] = MarketDefaults.ETH_USD_FEED;
        feedIds[1] = MarketDefaults.USDC_USD_FEED;
        uint256 snap = vm.snapshotState();
        pyth.parsePriceFeedUpdates{value: METER_PYTH_FEE}(
            update, feedIds, uint64(block.timestamp - 1), uint64(block.timestamp + 10)
        );
        gasUsed = _lastCallGas();
        vm.revertToState(snap);
    }

    function _report(string memory operation, uint256 gasUsed) internal pure {
        console.log(string.concat(operation, ": ", vm.toString(gasUsed)));
    }

    /// @dev Logs an execution's gas and checks it, without the Pyth update, against `budget`.
    function _checkExecution(string memory operation, bool isolated, uint256 pythGas, uint256 budget) internal view {
        uint256 gasUsed = _lastCallGasAfterRefund(isolated);
        console.log(
            string.concat(
                operation,
                ": ",
                vm.toString(gasUsed),
                " (Pyth ",
                vm.toString(pythGas),
                ", excluding Pyth ",
                vm.toString(gasUsed - pythGas),
                isolated ? ")" : "; not isolated: no transaction base cost)"
            )
        );
        assertLt(gasUsed - pythGas, budget, string.concat(operation, " over budget"));
    }

    /// @dev The update for an execution now, its Pyth cost and the measuring mode; the next call is
    /// made by `caller` with metering restarted.
    function _prepareAs(address caller) internal returns (bytes[] memory update, uint256 pythGas, bool isolated) {
        isolated = _isolated();
        update = priceUpdateNow();
        pythGas = _pythGas(update);
        vm.prank(caller);
        vm.resetGasMetering();
    }

    /// @dev `_prepareAs` for the order keeper.
    function _prepareExecution() internal returns (bytes[] memory update, uint256 pythGas, bool isolated) {
        return _prepareAs(keeper);
    }
}
