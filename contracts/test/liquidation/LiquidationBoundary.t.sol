// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {Position} from "../../src/types/PositionTypes.sol";
import {LiquidationBase} from "../utils/LiquidationBase.sol";

/// @notice The liquidation boundary: remaining collateral vs. max(minCollateralUsd, size x maintenance
/// factor). At the last price tick where remaining >= maintenance the position cannot be liquidated and
/// the revert carries the values the health view reports; one tick beyond, it can.
contract LiquidationBoundaryTest is LiquidationBase {
    struct Boundary {
        int64 atBoundary;
        int64 beyond;
        int256 remainingAt;
        int256 remainingBeyond;
        uint256 maintenance;
    }

    function setUp() public override {
        super.setUp();
        depositEth(lp, 3000 ether, 9_000_000e6);
    }

    function _open(uint256 sizeUsd, uint256 leverageBps, bool isLong, bool wethCollateral)
        internal
        returns (bytes32 key)
    {
        address token = wethCollateral ? address(weth) : address(usdc);
        uint256 collateral = collateralForE6(token, sizeUsd * 1e6 * 1e4 / leverageBps);
        key = openEth(trader, token, collateral, sizeUsd * USD, isLong);
        assertEq(position(key).sizeUsd, sizeUsd * USD, "position opened");
        // Later prices are published after the opening's (one price per feed and publish time).
        vm.warp(block.timestamp + 1);
    }

    /// @dev Finds the boundary tick by bisection over the health view, on the side where the position
    /// becomes liquidatable.
    function _boundary(bytes32 key) internal view returns (Boundary memory b) {
        int64 entry = ethPrice;
        (,, bool liqEntry) = healthAt(key, entry);
        assertFalse(liqEntry, "healthy at entry");
        (,, bool liqLow) = healthAt(key, 1);
        (,, bool liqHigh) = healthAt(key, entry * 100);
        assertTrue(liqLow != liqHigh, "liquidatable at exactly one end of the price range");
        bool healthyAtHigh = liqLow;
        b.atBoundary =
            healthyAtHigh ? boundaryMantissa(key, 1, entry, true) : boundaryMantissa(key, entry, entry * 100, false);
        b.beyond = healthyAtHigh ? b.atBoundary - 1 : b.atBoundary + 1;
        bool liq;
        (b.remainingAt, b.maintenance, liq) = healthAt(key, b.atBoundary);
        assertFalse(liq, "not liquidatable at the boundary");
        assertGe(b.remainingAt, int256(b.maintenance), "remaining >= maintenance at the boundary");
        (b.remainingBeyond,, liq) = healthAt(key, b.beyond);
        assertTrue(liq, "liquidatable one tick beyond");
        assertLt(b.remainingBeyond, int256(b.maintenance), "remaining < maintenance one tick beyond");
    }

    /// @dev With zero confidence the remaining collateral is linear in the mantissa with slope
    /// (collateral tokens if WETH) +/- size in tokens, x 1e4 (USD-30 per wei per mantissa unit): the
    /// exact crossing price m* = (maintenance - remaining(0)) / slope lies in (beyond, atBoundary].
    function _assertExactCrossing(bytes32 key, Boundary memory b) internal view {
        Position memory p = position(key);
        int256 slope = p.isLong ? int256(p.sizeInTokens) : -int256(p.sizeInTokens);
        if (p.collateralToken == address(weth)) slope += int256(p.collateralAmount);
        slope *= int256(ETH_MULTIPLIER);
        assertEq(b.remainingAt - b.remainingBeyond, slope * (b.atBoundary - b.beyond), "slope per tick");
        (int256 remainingAtEntry,,) = healthAt(key, ethPrice);
        assertEq(
            remainingAtEntry - b.remainingAt, slope * (ethPrice - b.atBoundary), "linear between entry and boundary"
        );
        // remaining(m) = intercept + slope * m; remaining(m*) == maintenance.
        int256 intercept = b.remainingAt - slope * b.atBoundary;
        int256 numerator = int256(b.maintenance) - intercept;
        // m* lies between the two ticks: remaining(beyond) < maintenance <= remaining(atBoundary).
        assertLt(slope * b.beyond, numerator, "crossing beyond the last healthy tick");
        assertLe(numerator, slope * b.atBoundary, "crossing at or before the boundary tick");
    }

    function _executeAtBoundary(bytes32 key, Boundary memory b) internal {
        moveEthTo(b.atBoundary);
        bytes[] memory update = priceUpdateNow();
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.PositionNotLiquidatable.selector, key, b.remainingAt, b.maintenance)
        );
        vm.prank(liquidator);
        exchange.liquidatePosition{value: 3}(key, update);

        uint256 sizeBefore = position(key).sizeUsd;
        moveEthTo(b.beyond);
        vm.recordLogs();
        assertTrue(liquidateNow(key), "liquidated one tick beyond");
        LiquidatedEvent memory e = findLiquidated(vm.getRecordedLogs());
        assertTrue(e.found, "PositionLiquidated");
        assertEq(e.remainingCollateralUsd, b.remainingBeyond, "event remaining == view");
        assertEq(e.maintenanceMarginUsd, b.maintenance, "event maintenance == view");
        assertEq(position(key).sizeUsd, sizeBefore - e.sizeClosedUsd, "size closed");
        assertVaultAccounted();
        assertLedgerAddsUp();
    }

    function testFuzz_liquidate_boundaryTick(
        uint256 sizeSeed,
        uint256 leverageSeed,
        bool isLong,
        bool wethCollateral,
        uint256 confSeed
    ) public {
        uint256 sizeUsd = bound(sizeSeed, 100, 2_000_000);
        uint256 leverageBps = bound(leverageSeed, 11_000, 350_000); // 1.1x to 35x: opens even at 20 bps confidence
        confBps = uint64(bound(confSeed, 0, 20));
        bytes32 key = _open(sizeUsd, leverageBps, isLong, wethCollateral);
        Boundary memory b = _boundary(key);
        if (confBps == 0) _assertExactCrossing(key, b);
        _executeAtBoundary(key, b);
    }

    function test_liquidate_boundaryTick_longUsdc20x() public {
        confBps = 0;
        bytes32 key = _open(50_000, 200_000, true, false);
        Boundary memory b = _boundary(key);
        _assertExactCrossing(key, b);
        // 20x long: the boundary is a little under 4% below entry (5% collateral - fees - 1% maintenance).
        assertGt(b.atBoundary, 2870 * PYTH_ONE);
        assertLt(b.atBoundary, 2895 * PYTH_ONE);
        _executeAtBoundary(key, b);
    }

    function test_liquidate_boundaryTick_shortWeth5x() public {
        confBps = 0;
        bytes32 key = _open(30_000, 50_000, false, true);
        Boundary memory b = _boundary(key);
        _assertExactCrossing(key, b);
        _executeAtBoundary(key, b);
    }

    function test_liquidate_RevertWhen_positionIsHealthy() public {
        bytes32 key = _open(10_000, 100_000, true, false);
        (int256 remaining, uint256 maintenance, bool liquidatable) = health(key);
        assertFalse(liquidatable);
        // Maintenance: max($1, 10,000 x 1%) = $100; remaining: ~$1,000 collateral - fees.
        assertEq(maintenance, 100 * USD, "maintenance margin");
        acceptCurrentPrices();
        bytes[] memory update = priceUpdateNow();
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.PositionNotLiquidatable.selector, key, remaining, maintenance)
        );
        vm.prank(liquidator);
        exchange.liquidatePosition{value: 3}(key, update);
    }

    function test_liquidate_RevertWhen_positionDoesNotExist() public {
        bytes32 key = exchange.positionKey(trader, ethMarket, address(usdc), true);
        bytes[] memory update = priceUpdateNow();
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.PositionNotFound.selector, key));
        vm.prank(liquidator);
        exchange.liquidatePosition{value: 3}(key, update);
    }

    /// @dev Minimum collateral dominates small positions: a $10 position needs $1 of remaining collateral.
    function test_liquidate_minCollateralUsdDominatesSmallPositions() public {
        confBps = 0;
        bytes32 key = _open(100, 400_000, true, false); // $100 at 40x: $2.50 collateral
        Boundary memory b = _boundary(key);
        assertEq(b.maintenance, 1 * USD, "max($1, $100 x 1%) = $1");
        _executeAtBoundary(key, b);
        assertEq(position(key).sizeUsd, 0, "fully closed");
    }

    /// @dev The view accrues borrowing and funding exactly as the liquidation does.
    function test_liquidate_viewMatchesExecutionAfterAccrual() public {
        _open(200_000, 50_000, false, false); // counterweight short, so funding flows
        bytes32 key = _open(20_000, 200_000, true, false);
        vm.warp(block.timestamp + 20 days);
        (int256 remainingNow,,) = health(key);
        (int256 remainingFresh,,) = healthAt(key, ethPrice);
        assertEq(remainingNow, remainingFresh);
        int64 m = mantissaForRemaining(key, 50 * int256(USD), ethPrice, 1);
        moveEthTo(m);
        (int256 remaining, uint256 maintenance, bool liquidatable) = health(key);
        assertTrue(liquidatable);
        vm.recordLogs();
        assertTrue(liquidateNow(key));
        LiquidatedEvent memory e = findLiquidated(vm.getRecordedLogs());
        assertEq(e.remainingCollateralUsd, remaining, "execution remaining == view remaining");
        assertEq(e.maintenanceMarginUsd, maintenance);
    }
}
