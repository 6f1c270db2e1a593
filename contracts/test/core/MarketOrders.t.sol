// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {IExchangeEvents} from "../../src/interfaces/IExchangeEvents.sol";
import {Market} from "../../src/types/MarketTypes.sol";
import {Position, PositionChange, TradeAmounts} from "../../src/types/PositionTypes.sol";
import {MarketPrices} from "../../src/types/Price.sol";
import {Order, OrderType} from "../../src/types/RequestTypes.sol";
import {RequestFixture} from "../utils/RequestFixture.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice Market increase and decrease orders: escrow, execution, position and pool accounting,
/// cancellation, and the keeper's fee.
contract MarketOrdersTest is RequestFixture {
    uint256 internal constant SIZE = 10_000 * USD;
    uint256 internal constant COLLATERAL = 1000e6;

    function setUp() public override {
        super.setUp();
        depositEth(lp, 100 ether, 300_000e6);
        fund(trader, 0, COLLATERAL);
    }

    function _increase() internal returns (uint256 id) {
        id = submitOrder(
            trader, orderParams(OrderType.MarketIncrease, address(usdc), true, SIZE, COLLATERAL, 0, type(uint256).max)
        );
    }

    function _decrease(uint256 sizeDeltaUsd, uint256 collateralOut) internal returns (uint256 id) {
        id = submitOrder(
            trader, orderParams(OrderType.MarketDecrease, address(usdc), true, sizeDeltaUsd, collateralOut, 0, 0)
        );
    }

    function _key() internal view returns (bytes32) {
        return exchange.positionKey(trader, ethMarket, address(usdc), true);
    }

    // ------------------------------------------------------------------ increase

    function test_createOrder_increase_escrowsCollateral() public {
        uint256 id = 2; // request ids are shared by every kind: the LP's deposit took 1
        vm.expectEmit(true, true, true, true, address(exchange));
        emit IExchangeEvents.OrderCreated(
            id,
            trader,
            ethMarket,
            OrderType.MarketIncrease,
            address(usdc),
            true,
            SIZE,
            COLLATERAL,
            0,
            type(uint256).max,
            EXECUTION_FEE
        );
        assertEq(_increase(), id);

        assertEq(usdc.balanceOf(trader), 0, "collateral pulled");
        assertEq(marketState(ethMarket).balances.escrowShortTokenAmount, COLLATERAL, "escrowed");
        Order memory o = exchange.getOrder(id);
        assertEq(o.account, trader);
        assertEq(uint8(o.orderType), uint8(OrderType.MarketIncrease));
        assertTrue(o.isLong);
        assertEq(o.collateralToken, address(usdc));
        assertEq(o.sizeDeltaUsd, SIZE);
        assertEq(o.collateralDeltaAmount, COLLATERAL);
        assertEq(o.acceptablePrice, type(uint256).max);
        assertEq(o.executionFee, EXECUTION_FEE);
        assertTrue(isPending(ORDERS, id));
    }

    function test_executeOrder_increase_opensPositionAndChargesOpenFee() public {
        uint256 id = _increase();
        uint256 keeperEth = keeper.balance;
        Vm.Log[] memory logs = executeOrderRecorded(id);
        (PositionChange memory change, TradeAmounts memory amounts) = increaseOf(logs);

        MarketPrices memory p = ethMarketPrices();
        // The first trade builds skew: the negative-impact fee factor (7 bps) applies.
        uint256 openFeeUsd = Math.mulDiv(SIZE, 7 * BPS, 1e30, Math.Rounding.Ceil);
        uint256 feeAmount = Math.ceilDiv(openFeeUsd, p.short.min);
        uint256 insuranceAmount = Math.mulDiv(openFeeUsd, 20 * PCT, 1e30) / p.short.max;

        Position memory pos = positionOf(_key());
        assertEq(pos.account, trader);
        assertEq(pos.market, ethMarket);
        assertEq(pos.collateralToken, address(usdc));
        assertTrue(pos.isLong);
        assertEq(pos.sizeUsd, SIZE, "size");
        assertEq(pos.sizeInTokens, change.sizeDeltaInTokens, "tokens");
        assertEq(pos.collateralAmount, COLLATERAL - feeAmount, "open fee from collateral");
        assertEq(pos.increasedAt, block.timestamp);
        assertEq(amounts.positionFeeUsd, openFeeUsd);
        assertLt(amounts.priceImpactUsd, 0, "negative impact");
        assertEq(change.sizeDeltaUsd, SIZE);
        assertEq(change.collateralDeltaAmount, COLLATERAL);
        assertEq(change.collateralAmountAfter, pos.collateralAmount);
        // Tokens bought at the max price, impact included, rounded down.
        assertEq(change.sizeDeltaInTokens, uint256(int256(SIZE) + amounts.priceImpactUsd) / p.index.max);

        Market memory m = marketState(ethMarket);
        assertEq(m.balances.escrowShortTokenAmount, 0, "escrow released");
        assertEq(m.balances.collateralShortTokenAmount, pos.collateralAmount, "collateral booked");
        assertEq(m.balances.insuranceShortAmount, insuranceAmount, "insurance share");
        assertEq(m.balances.shortAmount, 300_000e6 + feeAmount - insuranceAmount, "fee to the pool");
        assertEq(m.openInterest.longUsd, SIZE);
        assertEq(m.openInterest.longTokens, pos.sizeInTokens);
        assertEq(exchange.getPositionCount(ethMarket), 1);
        assertEq(exchange.getPositionKeys(ethMarket, 0, 10)[0], _key());
        assertFalse(isPending(ORDERS, id));
        assertEq(exchange.getOrder(id).account, address(0));
        assertEq(keeper.balance, keeperEth + EXECUTION_FEE - PYTH_FEE, "keeper paid");
        assertEq(usdc.balanceOf(ethMarket), accountedBalance(ethMarket, address(usdc)), "vault accounted");
    }

    function test_executeOrder_increaseExisting_addsSizeAndCollateral() public {
        executeOrder(_increase());
        Position memory before = positionOf(_key());
        fund(trader, 0, 500e6);
        uint256 id = submitOrder(
            trader, orderParams(OrderType.MarketIncrease, address(usdc), true, 5000 * USD, 500e6, 0, type(uint256).max)
        );
        executeOrder(id);
        Position memory pos = positionOf(_key());
        assertEq(pos.sizeUsd, SIZE + 5000 * USD);
        assertGt(pos.sizeInTokens, before.sizeInTokens);
        assertGt(pos.collateralAmount, before.collateralAmount + 490e6, "collateral added, fee taken");
        assertLt(pos.collateralAmount, before.collateralAmount + 500e6);
        assertEq(exchange.getPositionCount(ethMarket), 1, "same position");
    }

    // ------------------------------------------------------------------ decrease

    function test_executeOrder_partialDecrease_paysCollateralOut() public {
        executeOrder(_increase());
        Position memory before = positionOf(_key());
        uint256 id = _decrease(4000 * USD, 100e6);
        Vm.Log[] memory logs = executeOrderRecorded(id);
        (PositionChange memory change, TradeAmounts memory amounts, uint256 profitLong, uint256 profitShort) =
            decreaseOf(logs);

        Position memory pos = positionOf(_key());
        assertEq(pos.sizeUsd, 6000 * USD, "size left");
        assertEq(change.sizeDeltaUsd, 4000 * USD);
        assertEq(change.collateralDeltaAmount, 100e6, "collateral out");
        assertEq(pos.sizeInTokens, before.sizeInTokens - change.sizeDeltaInTokens);
        assertLt(amounts.realizedPnlUsd, 0, "spread loss");
        assertEq(profitLong + profitShort, 0);
        assertEq(usdc.balanceOf(trader), 100e6, "trader got the collateral");
        assertEq(pos.collateralAmount, change.collateralAmountAfter);
        assertLt(pos.collateralAmount, before.collateralAmount - 100e6, "losses and fees from collateral");
        assertEq(marketState(ethMarket).openInterest.longUsd, 6000 * USD);
        assertEq(usdc.balanceOf(ethMarket), accountedBalance(ethMarket, address(usdc)), "vault accounted");
    }

    function test_executeOrder_fullClose_deletesPosition() public {
        executeOrder(_increase());
        uint256 id = _decrease(type(uint256).max, 0);
        Vm.Log[] memory logs = executeOrderRecorded(id);
        (PositionChange memory change,,,) = decreaseOf(logs);

        assertEq(change.sizeDeltaUsd, SIZE, "capped at the size");
        assertEq(change.sizeUsdAfter, 0);
        assertEq(change.collateralAmountAfter, 0);
        assertEq(usdc.balanceOf(trader), change.collateralDeltaAmount, "remaining collateral paid out");
        assertEq(positionOf(_key()).account, address(0), "deleted");
        assertEq(exchange.getPositionCount(ethMarket), 0);
        Market memory m = marketState(ethMarket);
        assertEq(m.openInterest.longUsd, 0);
        assertEq(m.openInterest.longTokens, 0);
        assertEq(m.balances.collateralShortTokenAmount, 0);
        assertEq(usdc.balanceOf(ethMarket), accountedBalance(ethMarket, address(usdc)), "vault accounted");
    }

    function test_executeOrder_profitableLongClose_paysProfitInLongToken() public {
        executeOrder(_increase());
        setEthPrice(3300 * PYTH_ONE);
        uint256 id = _decrease(type(uint256).max, 0);
        Vm.Log[] memory logs = executeOrderRecorded(id);
        (, TradeAmounts memory amounts, uint256 profitLong, uint256 profitShort) = decreaseOf(logs);
        assertGt(amounts.realizedPnlUsd, 0);
        assertGt(profitLong, 0, "profit in WETH");
        assertEq(profitShort, 0);
        assertEq(weth.balanceOf(trader), profitLong);
    }

    // ------------------------------------------------------------------ cancellation and keepers

    function test_cancelOrder_increase_refundsCollateralAndFee() public {
        uint256 id = _increase();
        uint256 traderEth = trader.balance;
        vm.warp(block.timestamp + 30);
        expectCancelled(id, trader, trader, "");
        vm.prank(trader);
        exchange.cancelOrder(id);
        assertEq(usdc.balanceOf(trader), COLLATERAL, "collateral back");
        assertEq(trader.balance, traderEth + EXECUTION_FEE, "fee back");
        assertEq(marketState(ethMarket).balances.escrowShortTokenAmount, 0);
        assertFalse(isPending(ORDERS, id));
    }

    function test_cancelOrder_expiredMarketOrderByAnyone_refundsOwner() public {
        uint256 createdAt = block.timestamp;
        uint256 id = _increase();
        uint256 traderEth = trader.balance;
        vm.warp(createdAt + 61);
        expectCancelled(id, trader, liquidator, "");
        vm.prank(liquidator);
        exchange.cancelOrder(id);
        assertEq(usdc.balanceOf(trader), COLLATERAL);
        assertEq(trader.balance, traderEth + EXECUTION_FEE);
    }

    function test_RevertWhen_cancelOrderBeforeDelay() public {
        uint256 createdAt = block.timestamp;
        uint256 id = _increase();
        vm.prank(trader);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.RequestNotCancellableYet.selector, id, createdAt + 30));
        exchange.cancelOrder(id);
    }

    function test_RevertWhen_executeOrderTwice() public {
        uint256 id = _increase();
        executeOrder(id);
        vm.warp(block.timestamp + 1);
        bytes[] memory update = priceUpdateNow();
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.RequestNotFound.selector, id));
        exchange.executeOrder{value: PYTH_FEE}(id, update);
    }

    function test_RevertWhen_executeOrderByNonKeeper() public {
        uint256 id = _increase();
        vm.warp(block.timestamp + 1);
        bytes[] memory update = priceUpdateNow();
        bytes32 role = exchange.ORDER_KEEPER_ROLE();
        vm.prank(liquidator);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, liquidator, role)
        );
        exchange.executeOrder{value: PYTH_FEE}(id, update);
    }

    function test_RevertWhen_executeMarketOrderAfterExpiry() public {
        uint256 createdAt = block.timestamp;
        uint256 id = _increase();
        vm.warp(createdAt + 61);
        bytes[] memory update = priceUpdate(createdAt + 5);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.RequestExpired.selector, id, createdAt + 60));
        exchange.executeOrder{value: PYTH_FEE}(id, update);
        assertTrue(isPending(ORDERS, id), "still pending: anyone may cancel it");
    }
}
