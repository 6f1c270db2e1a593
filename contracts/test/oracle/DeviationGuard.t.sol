// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {IPriceOracle} from "../../src/interfaces/IPriceOracle.sol";
import {OracleFixture} from "../utils/OracleFixture.sol";

/// @notice Liquidations are guarded against single bad prints: a price more than 10% from the last
/// accepted one is held back as pending (the liquidation returns false) until a later, consistent print
/// confirms it. Request executions are not guarded: they use the price as it is, but it becomes the
/// reference only when it is within the bound.
/// The prices are those of ETH around the 2020-03-13 crash: a reference at $117 and a print at $323.
contract DeviationGuardTest is OracleFixture {
    uint256 internal constant PER_WEI = 1e4; // 30 - 8 (Pyth exponent) - 18 (WETH decimals)
    bytes32 internal key;

    function setUp() public override {
        super.setUp();
        setEthPrice(117 * PYTH_ONE);
        depositEth(lp, 1000 ether, 300_000e6);
        key = openEth(trader, address(usdc), 1000e6, 10_000 * USD, false);
        assertEq(oracle.lastAcceptedPrice(ETH_FEED).price, 117e8 * PER_WEI, "reference from the executions");
    }

    function _liquidateAt(int64 ethMantissa) internal returns (bool) {
        setEthPrice(ethMantissa);
        return liquidate(key);
    }

    function test_singleBadPrint_isHeldBackAsPending() public {
        setEthPrice(323 * PYTH_ONE);
        vm.warp(block.timestamp + 1);
        bytes[] memory update = priceUpdateNow();
        vm.expectEmit(true, true, true, true, address(oracle));
        emit IPriceOracle.PriceDeviationPending(ETH_FEED, 323e8 * PER_WEI, block.timestamp, 117e8 * PER_WEI);
        vm.prank(liquidator);
        assertFalse(exchange.liquidatePosition{value: PYTH_FEE}(key, update), "not acted on");

        IPriceOracle.AcceptedPrice memory pending = oracle.pendingDeviation(ETH_FEED);
        assertEq(pending.price, 323e8 * PER_WEI);
        assertEq(pending.publishTime, block.timestamp);
        assertEq(oracle.lastAcceptedPrice(ETH_FEED).price, 117e8 * PER_WEI, "reference unchanged");
        assertEq(positionOf(key).sizeUsd, 10_000 * USD, "position untouched");
    }

    function test_laterConsistentPrint_confirmsAndLiquidates() public {
        assertFalse(_liquidateAt(323 * PYTH_ONE));
        assertTrue(_liquidateAt(325 * PYTH_ONE), "confirmed one second later");
        IPriceOracle.AcceptedPrice memory last = oracle.lastAcceptedPrice(ETH_FEED);
        assertEq(last.price, 325e8 * PER_WEI, "the confirming price becomes the reference");
        assertEq(last.publishTime, block.timestamp);
        assertEq(oracle.pendingDeviation(ETH_FEED).publishTime, 0, "pending cleared");
        assertEq(positionOf(key).account, address(0), "liquidated");
    }

    function test_inconsistentSecondPrint_doesNotConfirm() public {
        assertFalse(_liquidateAt(323 * PYTH_ONE));
        assertFalse(_liquidateAt(250 * PYTH_ONE), "22% away from the pending print");
        IPriceOracle.AcceptedPrice memory pending = oracle.pendingDeviation(ETH_FEED);
        assertEq(pending.price, 250e8 * PER_WEI, "the newer print is now the pending one");
        assertEq(oracle.lastAcceptedPrice(ETH_FEED).price, 117e8 * PER_WEI);
        assertEq(positionOf(key).sizeUsd, 10_000 * USD);

        assertTrue(_liquidateAt(255 * PYTH_ONE), "a print consistent with it confirms");
    }

    function test_replayedBadPrint_doesNotConfirmItself() public {
        setEthPrice(323 * PYTH_ONE);
        vm.warp(block.timestamp + 1);
        bytes[] memory update = priceUpdateNow();
        vm.prank(liquidator);
        assertFalse(exchange.liquidatePosition{value: PYTH_FEE}(key, update));
        vm.warp(block.timestamp + 5);
        vm.prank(liquidator);
        assertFalse(exchange.liquidatePosition{value: PYTH_FEE}(key, update), "same publish time: no confirmation");
    }

    function test_smallMove_isUsedAtOnce() public {
        setEthPrice(120 * PYTH_ONE);
        vm.warp(block.timestamp + 1);
        bytes[] memory update = priceUpdateNow();
        vm.prank(liquidator);
        vm.expectPartialRevert(IExchangeErrors.PositionNotLiquidatable.selector);
        exchange.liquidatePosition{value: PYTH_FEE}(key, update);
    }

    function test_unguardedExecution_usesTheBadPrintButKeepsTheReference() public {
        assertFalse(_liquidateAt(323 * PYTH_ONE));
        // A deposit executes at the same print without confirmation (it is valued at $323)...
        uint256 shares = depositEth(lp, 1 ether, 0);
        assertGt(shares, 0, "executed");
        // ...but a print beyond the bound does not become the reference liquidations compare with.
        assertEq(oracle.lastAcceptedPrice(ETH_FEED).price, 117e8 * PER_WEI, "reference unchanged");
        assertEq(oracle.pendingDeviation(ETH_FEED).price, 323e8 * PER_WEI, "still pending");
        assertTrue(_liquidateAt(325 * PYTH_ONE), "a later consistent print still confirms");
    }

    function test_unguardedExecution_beyondBound_recordsNoPending() public {
        setEthPrice(323 * PYTH_ONE);
        assertGt(depositEth(lp, 1 ether, 0), 0, "executed at the print");
        assertEq(oracle.lastAcceptedPrice(ETH_FEED).price, 117e8 * PER_WEI, "reference unchanged");
        assertEq(oracle.pendingDeviation(ETH_FEED).publishTime, 0, "executions never arm the guard");
        assertFalse(_liquidateAt(323 * PYTH_ONE), "a liquidation still needs confirmation");
    }

    function test_unguardedExecution_withinBound_updatesReference() public {
        setEthPrice(125 * PYTH_ONE);
        depositEth(lp, 1 ether, 0);
        IPriceOracle.AcceptedPrice memory last = oracle.lastAcceptedPrice(ETH_FEED);
        assertEq(last.price, 125e8 * PER_WEI);
        assertEq(last.publishTime, block.timestamp);
    }
}
