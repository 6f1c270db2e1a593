// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {OrderType} from "../../src/types/RequestTypes.sol";
import {RequestFixture} from "../utils/RequestFixture.sol";
import {PythErrors} from "@pythnetwork/pyth-sdk-solidity/PythErrors.sol";

/// @notice Limit increases, take-profits and stop-losses: they wait for the index price to cross the
/// trigger, never expire, and only their owner may cancel them.
contract TriggerOrdersTest is RequestFixture {
    uint256 internal constant SIZE = 10_000 * USD;

    function setUp() public override {
        super.setUp();
        depositEth(lp, 100 ether, 300_000e6);
    }

    function _key(bool isLong) internal view returns (bytes32) {
        return exchange.positionKey(trader, ethMarket, address(usdc), isLong);
    }

    function _expectNotReached(uint256 id, uint256 price, uint256 trigger) internal {
        bytes[] memory update = priceUpdateNow();
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.TriggerPriceNotReached.selector, price, trigger));
        exchange.executeOrder{value: PYTH_FEE}(id, update);
        assertTrue(isPending(ORDERS, id), "still pending");
    }

    function test_limitIncreaseLong_waitsForPriceAtOrBelowTrigger() public {
        fund(trader, 0, 1000e6);
        uint256 id = submitOrder(
            trader, orderParams(OrderType.LimitIncrease, address(usdc), true, SIZE, 1000e6, 2900e12, 2950e12)
        );
        assertEq(marketState(ethMarket).balances.escrowShortTokenAmount, 1000e6, "collateral escrowed");
        vm.warp(block.timestamp + 1);
        _expectNotReached(id, ethMarketPrices().index.max, 2900e12);

        // Limit orders do not expire: two hours later the price comes down.
        vm.warp(block.timestamp + 2 hours);
        setEthPrice(2850 * PYTH_ONE);
        executeOrderAtNow(id);
        assertEq(positionOf(_key(true)).sizeUsd, SIZE, "opened");
        assertFalse(isPending(ORDERS, id));
    }

    function test_limitIncreaseShort_waitsForPriceAtOrAboveTrigger() public {
        fund(trader, 0, 1000e6);
        uint256 id =
            submitOrder(trader, orderParams(OrderType.LimitIncrease, address(usdc), false, SIZE, 1000e6, 3100e12, 0));
        vm.warp(block.timestamp + 1);
        _expectNotReached(id, ethMarketPrices().index.min, 3100e12);
        setEthPrice(3150 * PYTH_ONE);
        executeOrderAtNow(id);
        assertEq(positionOf(_key(false)).sizeUsd, SIZE);
    }

    function test_takeProfitLong_closesWhenPriceRisesPastTrigger() public {
        openEth(trader, address(usdc), 1000e6, SIZE, true);
        uint256 id = submitOrder(
            trader, orderParams(OrderType.LimitDecrease, address(usdc), true, type(uint256).max, 0, 3300e12, 0)
        );
        vm.warp(block.timestamp + 1);
        _expectNotReached(id, ethMarketPrices().index.min, 3300e12);
        setEthPrice(3400 * PYTH_ONE);
        executeOrderAtNow(id);
        assertEq(positionOf(_key(true)).account, address(0), "closed");
        assertGt(weth.balanceOf(trader), 0, "profit paid in WETH");
    }

    function test_stopLossLong_closesWhenPriceFallsToTrigger() public {
        openEth(trader, address(usdc), 1000e6, SIZE, true);
        uint256 id = submitOrder(
            trader, orderParams(OrderType.StopLossDecrease, address(usdc), true, type(uint256).max, 0, 2850e12, 0)
        );
        vm.warp(block.timestamp + 1);
        _expectNotReached(id, ethMarketPrices().index.min, 2850e12);
        setEthPrice(2800 * PYTH_ONE);
        executeOrderAtNow(id);
        assertEq(positionOf(_key(true)).account, address(0), "stopped out");
        assertGt(usdc.balanceOf(trader), 0, "what is left of the collateral");
        assertLt(usdc.balanceOf(trader), 1000e6, "a loss");
    }

    function test_stopLossShort_closesWhenPriceRisesToTrigger() public {
        openEth(trader, address(usdc), 1000e6, SIZE, false);
        uint256 id = submitOrder(
            trader,
            orderParams(OrderType.StopLossDecrease, address(usdc), false, type(uint256).max, 0, 3200e12, 3300e12)
        );
        vm.warp(block.timestamp + 1);
        _expectNotReached(id, ethMarketPrices().index.max, 3200e12);
        setEthPrice(3250 * PYTH_ONE);
        executeOrderAtNow(id);
        assertEq(positionOf(_key(false)).account, address(0));
    }

    function test_RevertWhen_triggerOrderExecutedWithPriceOlderThanMaxAge() public {
        fund(trader, 0, 1000e6);
        uint256 id = submitOrder(
            trader, orderParams(OrderType.LimitIncrease, address(usdc), true, SIZE, 1000e6, 3100e12, 3200e12)
        );
        vm.warp(block.timestamp + 100);
        bytes[] memory update = priceUpdate(block.timestamp - 31);
        vm.prank(keeper);
        vm.expectRevert(PythErrors.PriceFeedNotFoundWithinRange.selector);
        exchange.executeOrder{value: PYTH_FEE}(id, update);
    }

    function test_RevertWhen_triggerOrderExecutedWithPricePublishedBeforeIt() public {
        fund(trader, 0, 1000e6);
        uint256 createdAt = block.timestamp;
        uint256 id = submitOrder(
            trader, orderParams(OrderType.LimitIncrease, address(usdc), true, SIZE, 1000e6, 3100e12, 3200e12)
        );
        vm.warp(createdAt + 5);
        bytes[] memory update = priceUpdate(createdAt - 1);
        vm.prank(keeper);
        vm.expectRevert(PythErrors.PriceFeedNotFoundWithinRange.selector);
        exchange.executeOrder{value: PYTH_FEE}(id, update);
    }

    function test_RevertWhen_nonOwnerCancelsLimitOrder() public {
        fund(trader, 0, 1000e6);
        uint256 id = submitOrder(
            trader, orderParams(OrderType.LimitIncrease, address(usdc), true, SIZE, 1000e6, 2900e12, 2950e12)
        );
        vm.warp(block.timestamp + 30 days);
        vm.prank(liquidator);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.NotRequestOwner.selector, id, trader));
        exchange.cancelOrder(id);
    }

    function test_cancelLimitOrder_byOwnerAfterDelay_refunds() public {
        fund(trader, 0, 1000e6);
        uint256 id = submitOrder(
            trader, orderParams(OrderType.LimitIncrease, address(usdc), true, SIZE, 1000e6, 2900e12, 2950e12)
        );
        uint256 traderEth = trader.balance;
        vm.warp(block.timestamp + 30);
        expectCancelled(id, trader, trader, "");
        vm.prank(trader);
        exchange.cancelOrder(id);
        assertEq(usdc.balanceOf(trader), 1000e6);
        assertEq(trader.balance, traderEth + EXECUTION_FEE);
    }

    function test_cancelTakeProfit_byOwner_refundsFeeOnly() public {
        openEth(trader, address(usdc), 1000e6, SIZE, true);
        uint256 id = submitOrder(
            trader, orderParams(OrderType.LimitDecrease, address(usdc), true, type(uint256).max, 0, 3300e12, 0)
        );
        uint256 traderEth = trader.balance;
        uint256 escrowBefore = marketState(ethMarket).balances.escrowShortTokenAmount;
        vm.warp(block.timestamp + 30);
        vm.prank(trader);
        exchange.cancelOrder(id);
        assertEq(trader.balance, traderEth + EXECUTION_FEE);
        assertEq(usdc.balanceOf(trader), 0, "decreases escrow nothing");
        assertEq(marketState(ethMarket).balances.escrowShortTokenAmount, escrowBefore);
    }
}
