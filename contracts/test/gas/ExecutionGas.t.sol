// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {OrderType} from "../../src/types/RequestTypes.sol";
import {RequestFixture} from "../utils/RequestFixture.sol";
import {GasMeter} from "./GasMeter.sol";

/// @notice Gas of each user request and keeper execution in a warmed-up market (not the market's first
/// deposit or position: its storage is already written, both sides are open, rates have accrued and the
/// insurance fund holds both tokens, the accounts paid already hold the tokens they receive), and of the
/// Pyth update alone, so an execution's own cost is the difference. Run with `--isolate`: every call is
/// then its own transaction with cold storage, as on chain, and `vm.lastCallGas().gasTotalUsed` is the
/// transaction's gas (base and calldata cost included, refunds deducted). See contracts/GAS.md.
contract ExecutionGasTest is RequestFixture, GasMeter {
    /// @dev Every keeper execution should stay under this, excluding the Pyth update.
    uint256 internal constant TARGET = 300_000;
    /// @dev Order executions do not meet the target yet (see contracts/GAS.md for why); these budgets,
    /// about 5% above today's figures, only stop them from growing unnoticed.
    uint256 internal constant ORDER_BUDGET = 370_000;
    uint256 internal constant CLOSE_BUDGET = 330_000;
    uint256 internal constant NEW_POSITION_BUDGET = 575_000;

    address internal lp2 = makeAddr("lp2");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");
    address internal dave = makeAddr("dave");

    uint256 internal depositId;
    uint256 internal withdrawalId;
    uint256 internal increaseId;
    uint256 internal newPositionId;
    uint256 internal decreaseId;
    uint256 internal closeId;

    function setUp() public override {
        super.setUp();
        address[5] memory accounts = [lp2, alice, bob, carol, dave];
        for (uint256 i; i < accounts.length; ++i) {
            vm.deal(accounts[i], 10 ether);
        }
        // Warm-up: LPs, longs and shorts with both collateral tokens, an hour of accrual.
        uint256 shares = depositEth(lp, 100 ether, 300_000e6);
        depositEth(lp2, 10 ether, 30_000e6);
        openEth(trader, address(usdc), 2000e6, 20_000 * USD, true);
        openEth(bob, address(usdc), 1000e6, 8000 * USD, false);
        openEth(carol, address(weth), 1 ether, 20_000 * USD, true);
        vm.warp(block.timestamp + 1 hours);
        openEth(alice, address(usdc), 1000e6, 5000 * USD, true);
        openEth(carol, address(weth), 0.1 ether, 1000 * USD, true);
        depositEth(lp2, 1 ether, 3000e6);

        // The requests measured: each by an account that already holds shares or a position.
        fund(lp2, 1 ether, 3000e6);
        depositId = createDeposit(lp2, ethMarket, 1 ether, 3000e6);
        withdrawalId = createWithdrawalAs(lp, shares / 10, 0, 0);
        fund(alice, 0, 500e6);
        increaseId = submitOrder(
            alice, orderParams(OrderType.MarketIncrease, address(usdc), true, 5000 * USD, 500e6, 0, type(uint256).max)
        );
        fund(dave, 0, 500e6);
        newPositionId = submitOrder(
            dave, orderParams(OrderType.MarketIncrease, address(usdc), true, 5000 * USD, 500e6, 0, type(uint256).max)
        );
        decreaseId = submitOrder(carol, orderParams(OrderType.MarketDecrease, address(weth), true, 5000 * USD, 0, 0, 0));
        closeId = submitOrder(
            bob, orderParams(OrderType.MarketDecrease, address(usdc), false, type(uint256).max, 0, 0, type(uint256).max)
        );
        // Receivers already hold the tokens they are paid (no first-balance storage write).
        fund(lp, 1 ether, 1000e6);
        fund(bob, 0, 1000e6);
        vm.warp(block.timestamp + 1);
    }

    // ------------------------------------------------------------------ the Pyth update

    function test_gas_pythUpdate() public {
        bytes[] memory update = priceUpdateNow();
        uint256 pythGas = _pythGas(update);
        _report("Pyth parsePriceFeedUpdates (MockPyth, 3 updates, 2 feeds)", pythGas);
        assertGt(pythGas, 0);
    }

    // ------------------------------------------------------------------ deposits and withdrawals

    function test_gas_createDeposit() public {
        fund(lp2, 1 ether, 3000e6);
        vm.prank(lp2);
        vm.resetGasMetering();
        exchange.createDeposit{value: EXECUTION_FEE}(ethMarket, 1 ether, 3000e6, 0);
        _report("createDeposit", _lastCallGas());
    }

    function test_gas_executeDeposit() public {
        (bytes[] memory update, uint256 pythGas, bool isolated) = _prepareExecution();
        exchange.executeDeposit{value: PYTH_FEE}(depositId, update);
        _checkExecution("executeDeposit", isolated, pythGas, TARGET);
    }

    function test_gas_createWithdrawal() public {
        uint256 shares = sharesOf(lp2) / 2;
        vm.prank(lp2);
        vm.resetGasMetering();
        exchange.createWithdrawal{value: EXECUTION_FEE}(ethMarket, shares, 0, 0);
        _report("createWithdrawal", _lastCallGas());
    }

    function test_gas_executeWithdrawal() public {
        (bytes[] memory update, uint256 pythGas, bool isolated) = _prepareExecution();
        exchange.executeWithdrawal{value: PYTH_FEE}(withdrawalId, update);
        _checkExecution("executeWithdrawal", isolated, pythGas, TARGET);
    }

    // ------------------------------------------------------------------ orders

    function test_gas_createIncreaseOrder() public {
        fund(alice, 0, 500e6);
        vm.prank(alice);
        vm.resetGasMetering();
        exchange.createOrder{value: EXECUTION_FEE}(
            orderParams(OrderType.MarketIncrease, address(usdc), true, 1000 * USD, 500e6, 0, type(uint256).max)
        );
        _report("createOrder (increase)", _lastCallGas());
    }

    function test_gas_executeIncrease() public {
        (bytes[] memory update, uint256 pythGas, bool isolated) = _prepareExecution();
        exchange.executeOrder{value: PYTH_FEE}(increaseId, update);
        _checkExecution("executeOrder (increase an existing position)", isolated, pythGas, ORDER_BUDGET);
    }

    /// @dev Opening a new position writes its eight storage slots and the market's key set from zero;
    /// shown for reference, it is not a warmed-up operation.
    function test_gas_executeIncreaseNewPosition() public {
        (bytes[] memory update, uint256 pythGas, bool isolated) = _prepareExecution();
        exchange.executeOrder{value: PYTH_FEE}(newPositionId, update);
        _checkExecution("executeOrder (open a new position)", isolated, pythGas, NEW_POSITION_BUDGET);
    }

    function test_gas_createDecreaseOrder() public {
        vm.prank(alice);
        vm.resetGasMetering();
        exchange.createOrder{value: EXECUTION_FEE}(
            orderParams(OrderType.MarketDecrease, address(usdc), true, 1000 * USD, 0, 0, 0)
        );
        _report("createOrder (decrease)", _lastCallGas());
    }

    function test_gas_executeDecrease() public {
        (bytes[] memory update, uint256 pythGas, bool isolated) = _prepareExecution();
        exchange.executeOrder{value: PYTH_FEE}(decreaseId, update);
        _checkExecution("executeOrder (partial decrease)", isolated, pythGas, ORDER_BUDGET);
    }

    function test_gas_executeClose() public {
        (bytes[] memory update, uint256 pythGas, bool isolated) = _prepareExecution();
        exchange.executeOrder{value: PYTH_FEE}(closeId, update);
        _checkExecution("executeOrder (close)", isolated, pythGas, CLOSE_BUDGET);
    }

    function test_gas_cancelOrder() public {
        vm.warp(block.timestamp + 30);
        vm.prank(alice);
        vm.resetGasMetering();
        exchange.cancelOrder(increaseId);
        _report("cancelOrder (increase, refunds collateral and fee)", _lastCallGas());
    }
}
