// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {IExchangeEvents} from "../../src/interfaces/IExchangeEvents.sol";
import {ExchangeSettings} from "../../src/types/MarketTypes.sol";
import {OrderType} from "../../src/types/RequestTypes.sol";
import {RequestFixture} from "../utils/RequestFixture.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice A keeper that starves an execution of gas cannot turn it into a cancellation (which would
/// refund the user and still pay the keeper): the execution either reverts with
/// `InsufficientExecutionGas`, reverts entirely (`ExecutionOutOfGas` or plain out of gas), or succeeds.
contract GasGriefingTest is RequestFixture {
    uint256 internal depositId;
    uint256 internal orderId;

    function setUp() public override {
        super.setUp();
        depositEth(lp, 100 ether, 300_000e6);
        fund(lp, 1 ether, 0);
        depositId = createDeposit(lp, ethMarket, 1 ether, 0);
        fund(trader, 0, 1000e6);
        orderId = submitOrder(
            trader,
            orderParams(OrderType.MarketIncrease, address(usdc), true, 10_000 * USD, 1000e6, 0, type(uint256).max)
        );
        vm.warp(block.timestamp + 1);
    }

    /// @dev Runs one execution with `gasLimit` and checks that it was not cancelled.
    function _attempt(bool isOrder, uint256 gasLimit) internal returns (bool ok, bytes memory ret) {
        bytes[] memory update = priceUpdateNow();
        bytes memory data = isOrder
            ? abi.encodeCall(exchange.executeOrder, (orderId, update))
            : abi.encodeCall(exchange.executeDeposit, (depositId, update));
        vm.recordLogs();
        vm.prank(keeper);
        (ok, ret) = address(exchange).call{value: PYTH_FEE, gas: gasLimit}(data);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertFalse(hasLog(logs, IExchangeEvents.RequestCancelled.selector), "never cancelled");

        uint256 id = isOrder ? orderId : depositId;
        uint8 kind = isOrder ? ORDERS : DEPOSITS;
        if (ok) {
            assertFalse(isPending(kind, id), "executed");
            if (isOrder) assertEq(exchange.getPositionCount(ethMarket), 1, "position opened");
            else assertGt(sharesOf(lp), 0, "shares minted");
        } else {
            assertTrue(isPending(kind, id), "still pending after a revert");
            assertEq(usdc.balanceOf(trader), 0, "no refund");
            assertEq(weth.balanceOf(lp), 0, "no refund");
        }
    }

    function _setMinExecutionGas(uint256 minGas) internal {
        ExchangeSettings memory s = exchange.settings();
        s.minExecutionGas = minGas;
        exchange.setSettings(s);
    }

    function test_RevertWhen_keeperSuppliesLessThanMinExecutionGas() public {
        (bool ok, bytes memory ret) = _attempt(false, 700_000);
        assertFalse(ok);
        assertEq(bytes4(ret), IExchangeErrors.InsufficientExecutionGas.selector, "InsufficientExecutionGas");
        (, uint256 required) = abi.decode(_args(ret), (uint256, uint256));
        assertEq(required, 800_000, "the configured minimum");
    }

    function test_executeWithAmpleGas_succeeds() public {
        (bool ok,) = _attempt(true, 2_000_000);
        assertTrue(ok);
    }

    /// @dev Without the minimum (set to zero), starving the body makes the whole execution revert with
    /// `ExecutionOutOfGas`: no limit turns it into a refund.
    function test_starvedBody_revertsEverything() public {
        _setMinExecutionGas(0);
        for (uint256 k; k < 2; ++k) {
            bool isOrder = k == 1;
            uint256 outOfGasReverts;
            uint256 executions;
            for (uint256 gasLimit = 150_000; gasLimit <= 900_000; gasLimit += 10_000) {
                uint256 snap = vm.snapshotState();
                (bool ok, bytes memory ret) = _attempt(isOrder, gasLimit);
                if (ok) ++executions;
                else if (ret.length >= 4 && bytes4(ret) == IExchangeErrors.ExecutionOutOfGas.selector) ++outOfGasReverts;
                vm.revertToState(snap);
            }
            assertGt(outOfGasReverts, 0, "the body ran out of gas at some limits");
            assertGt(executions, 0, "and succeeded with enough");
        }
    }

    function testFuzz_lowGasNeverCancels(uint256 gasLimit, bool isOrder) public {
        gasLimit = bound(gasLimit, 30_000, 2_500_000);
        _attempt(isOrder, gasLimit);
    }

    function testFuzz_lowGasNeverCancelsWithoutMinimum(uint256 gasLimit, bool isOrder) public {
        _setMinExecutionGas(0);
        gasLimit = bound(gasLimit, 30_000, 1_500_000);
        _attempt(isOrder, gasLimit);
    }

    function _args(bytes memory ret) internal pure returns (bytes memory args) {
        args = new bytes(ret.length - 4);
        for (uint256 i; i < args.length; ++i) {
            args[i] = ret[i + 4];
        }
    }
}
