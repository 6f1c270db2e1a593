// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {MarginBounds} from "../../src/types/MarketTypes.sol";
import {LiquidationBase} from "../utils/LiquidationBase.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

/// @notice Volatility-aware maintenance margin: the risk keeper moves the factor within [min, max], by
/// at most maxStep, at most once per minInterval. A healthy position becomes liquidatable only when
/// its (unchanged) remaining collateral falls below max(minCollateralUsd, ceil(size x new factor)).
/// @dev Default bounds: 0.5% to 1.9%, steps of at most 0.25%, every 5 minutes; the market starts at 1%.
contract MaintenanceMarginTest is LiquidationBase {
    uint256 internal constant BPS = 1e26;

    function setUp() public override {
        super.setUp();
        confBps = 0;
        depositEth(lp, 1000 ether, 3_000_000e6);
    }

    function _ceil(uint256 sizeUsd, uint256 factor) internal pure returns (uint256) {
        return (sizeUsd * factor + 1e30 - 1) / 1e30;
    }

    function test_maintenanceMargin_raiseMakesPositionLiquidatable() public {
        bytes32 key = openEthAndWait(trader, address(usdc), 3000e6, 90_000 * USD, true);
        moveToRemaining(key, 1000 * int256(USD)); // 1.11% of size
        (int256 remaining, uint256 maintenance, bool liquidatable) = health(key);
        assertEq(maintenance, 900 * USD, "1% of $90,000");
        assertFalse(liquidatable);
        bytes[] memory update = priceUpdateNow();
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.PositionNotLiquidatable.selector, key, remaining, maintenance)
        );
        vm.prank(liquidator);
        exchange.liquidatePosition{value: 3}(key, update);

        exchange.setMaintenanceMarginFactor(ethMarket, 125 * BPS);
        (int256 remainingAfter, uint256 maintenanceAfter, bool liquidatableAfter) = health(key);
        assertEq(remainingAfter, remaining, "remaining collateral does not depend on the factor");
        assertEq(maintenanceAfter, _ceil(90_000 * USD, 125 * BPS), "ceil(size x 1.25%)");
        assertEq(maintenanceAfter, 1125 * USD);
        assertTrue(liquidatableAfter, "1,000 < 1,125");
        assertTrue(liquidateNow(key));
        assertEq(position(key).sizeUsd, 0);
    }

    function test_maintenanceMargin_RevertWhen_stepTooLarge() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.MaintenanceMarginStepTooLarge.selector, 100 * BPS, 126 * BPS, 25 * BPS
            )
        );
        exchange.setMaintenanceMarginFactor(ethMarket, 126 * BPS);
    }

    function test_maintenanceMargin_RevertWhen_insideMinInterval() public {
        exchange.setMaintenanceMarginFactor(ethMarket, 120 * BPS);
        uint256 next = block.timestamp + 5 minutes;
        vm.warp(next - 1);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.MaintenanceMarginUpdateTooSoon.selector, next));
        exchange.setMaintenanceMarginFactor(ethMarket, 130 * BPS);
        vm.warp(next);
        exchange.setMaintenanceMarginFactor(ethMarket, 130 * BPS);
        assertEq(balancesOf().maintenanceMarginFactor, 130 * BPS);
    }

    function test_maintenanceMargin_RevertWhen_outsideBounds() public {
        uint256 factor = 100 * BPS;
        for (uint256 i; i < 3; ++i) {
            factor += 25 * BPS;
            exchange.setMaintenanceMarginFactor(ethMarket, factor);
            vm.warp(block.timestamp + 5 minutes);
        }
        assertEq(factor, 175 * BPS);
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.ParameterOutOfBounds.selector,
                bytes32("maintenanceMargin"),
                200 * BPS,
                50 * BPS,
                190 * BPS
            )
        );
        exchange.setMaintenanceMarginFactor(ethMarket, 200 * BPS);
    }

    function test_maintenanceMargin_RevertWhen_callerIsNotRiskKeeper() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, trader, exchange.RISK_KEEPER_ROLE()
            )
        );
        vm.prank(trader);
        exchange.setMaintenanceMarginFactor(ethMarket, 110 * BPS);
    }

    /// @dev Any path of allowed updates: after each, liquidatable iff remaining < max($1, ceil(size x f)),
    /// with remaining unchanged by the factor.
    function testFuzz_maintenanceMargin_liquidatableOnlyThroughArithmetic(uint256[6] memory steps, uint256 remainingBps)
        public
    {
        uint256 sizeUsd = 80_000 * USD;
        bytes32 key = openEthAndWait(trader, address(usdc), 3000e6, sizeUsd, true);
        moveToRemaining(key, int256(sizeUsd * bound(remainingBps, 40, 200) / 10_000));
        (int256 remaining,,) = health(key);
        MarginBounds memory b = ethConfig().margin;
        uint256 factor = balancesOf().maintenanceMarginFactor;
        for (uint256 i; i < steps.length; ++i) {
            uint256 lo =
                factor > b.minMaintenanceMarginFactor + b.maxStep ? factor - b.maxStep : b.minMaintenanceMarginFactor;
            uint256 hi =
                factor + b.maxStep < b.maxMaintenanceMarginFactor ? factor + b.maxStep : b.maxMaintenanceMarginFactor;
            factor = bound(steps[i], lo, hi);
            exchange.setMaintenanceMarginFactor(ethMarket, factor);
            (int256 r, uint256 maintenance, bool liquidatable) = health(key);
            uint256 expected = _ceil(sizeUsd, factor);
            if (expected < 1 * USD) expected = 1 * USD;
            assertEq(r, remaining, "remaining unchanged");
            assertEq(maintenance, expected, "maintenance == max($1, ceil(size x factor))");
            assertEq(liquidatable, remaining < int256(expected), "liquidatable iff remaining < maintenance");
            vm.warp(block.timestamp + b.minInterval);
            // Keep the accrual out of it: the remaining collateral is re-read at the new time.
            (remaining,,) = health(key);
        }
    }
}
