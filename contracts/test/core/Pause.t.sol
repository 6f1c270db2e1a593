// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {IExchangeEvents} from "../../src/interfaces/IExchangeEvents.sol";
import {OrderType} from "../../src/types/RequestTypes.sol";
import {RequestFixture} from "../utils/RequestFixture.sol";

/// @notice A paused market refuses new deposits and position increases (and cancels pending ones at
/// execution), while withdrawals, decreases, added collateral, cancellations and liquidations go on.
contract PauseTest is RequestFixture {
    uint256 internal shares;
    bytes32 internal key;

    function setUp() public override {
        super.setUp();
        shares = depositEth(lp, 100 ether, 300_000e6);
        key = openEth(trader, address(usdc), 1000e6, 10_000 * USD, true);
    }

    function _pause() internal {
        vm.expectEmit(true, true, true, true, address(exchange));
        emit IExchangeEvents.MarketPauseUpdated(ethMarket, true);
        exchange.setMarketPaused(ethMarket, true);
        assertTrue(marketState(ethMarket).paused);
    }

    function test_RevertWhen_depositCreatedWhilePaused() public {
        _pause();
        fund(lp, 1 ether, 0);
        vm.prank(lp);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.MarketPaused.selector, ethMarket));
        exchange.createDeposit{value: EXECUTION_FEE}(ethMarket, 1 ether, 0, 0);
    }

    function test_RevertWhen_increaseCreatedWhilePaused() public {
        _pause();
        fund(trader, 0, 1000e6);
        vm.prank(trader);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.MarketPaused.selector, ethMarket));
        exchange.createOrder{value: EXECUTION_FEE}(
            orderParams(OrderType.MarketIncrease, address(usdc), true, 1000 * USD, 100e6, 0, type(uint256).max)
        );
        vm.prank(trader);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.MarketPaused.selector, ethMarket));
        exchange.createOrder{value: EXECUTION_FEE}(
            orderParams(OrderType.LimitIncrease, address(usdc), true, 1000 * USD, 100e6, 2900e12, 2950e12)
        );
    }

    function test_pendingDepositAndIncrease_cancelledAtExecutionWhilePaused() public {
        fund(lp, 1 ether, 0);
        uint256 depositId = createDeposit(lp, ethMarket, 1 ether, 0);
        fund(trader, 0, 500e6);
        uint256 orderId = submitOrder(
            trader, orderParams(OrderType.MarketIncrease, address(usdc), true, 1000 * USD, 500e6, 0, type(uint256).max)
        );
        _pause();
        bytes memory reason = abi.encodeWithSelector(IExchangeErrors.MarketPaused.selector, ethMarket);

        vm.warp(block.timestamp + 1);
        bytes[] memory update = priceUpdateNow();
        expectCancelled(depositId, lp, keeper, reason);
        vm.prank(keeper);
        exchange.executeDeposit{value: PYTH_FEE}(depositId, update);
        assertEq(weth.balanceOf(lp), 1 ether, "deposit refunded");

        expectCancelled(orderId, trader, keeper, reason);
        vm.prank(keeper);
        exchange.executeOrder{value: PYTH_FEE}(orderId, update);
        assertEq(usdc.balanceOf(trader), 500e6, "collateral refunded");
        assertEq(positionOf(key).sizeUsd, 10_000 * USD, "position unchanged");
    }

    function test_collateralOnlyIncrease_worksWhilePaused() public {
        _pause();
        fund(trader, 0, 200e6);
        uint256 before = positionOf(key).collateralAmount;
        uint256 id = submitOrder(
            trader, orderParams(OrderType.MarketIncrease, address(usdc), true, 0, 200e6, 0, type(uint256).max)
        );
        executeOrder(id);
        assertGt(positionOf(key).collateralAmount, before + 199e6, "collateral added");
        assertEq(positionOf(key).sizeUsd, 10_000 * USD);
    }

    function test_withdrawalDecreaseAndCancel_workWhilePaused() public {
        fund(trader, 0, 100e6);
        uint256 pendingIncrease = submitOrder(
            trader, orderParams(OrderType.MarketIncrease, address(usdc), true, 1000 * USD, 100e6, 0, type(uint256).max)
        );
        _pause();

        executeWithdrawal(createWithdrawalAs(lp, shares / 2, 0, 0));
        assertEq(sharesOf(lp), shares - shares / 2, "withdrawn");
        assertGt(weth.balanceOf(lp), 0);

        closeEth(trader, address(usdc), 4000 * USD, true);
        assertEq(positionOf(key).sizeUsd, 6000 * USD, "decreased");

        vm.warp(block.timestamp + 30);
        vm.prank(trader);
        exchange.cancelOrder(pendingIncrease);
        assertFalse(isPending(ORDERS, pendingIncrease), "cancelled");
    }

    function test_liquidation_worksWhilePaused() public {
        address owner = makeAddr("risky trader");
        vm.deal(owner, 1 ether);
        bytes32 risky = openEth(owner, address(usdc), 220e6, 10_000 * USD, true);
        _pause();
        setEthPrice(2930 * PYTH_ONE);
        (,, bool liquidatable) = exchange.getPositionHealth(risky, ethMarketPrices());
        assertTrue(liquidatable);
        assertTrue(liquidate(risky), "liquidated");
        assertEq(positionOf(risky).account, address(0));
    }

    function test_unpause_restoresDeposits() public {
        _pause();
        exchange.setMarketPaused(ethMarket, false);
        assertGt(depositEth(lp, 1 ether, 0), 0);
    }
}
