// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MarketDefaults} from "../../script/MarketDefaults.sol";
import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {IExchangeEvents} from "../../src/interfaces/IExchangeEvents.sol";
import {MarketConfig} from "../../src/types/MarketTypes.sol";
import {RequestFixture} from "../utils/RequestFixture.sol";

/// @notice The risk keeper moves a market's maintenance margin within [0.5%, 1.9%], by at most 0.25%
/// per update and at most once per 5 minutes; it always stays below the 2% opening requirement.
contract MaintenanceMarginTest is RequestFixture {
    uint256 internal constant STEP = 25 * BPS;
    uint256 internal constant INTERVAL = 5 minutes;
    address internal riskKeeper = makeAddr("risk keeper");

    function setUp() public override {
        super.setUp();
        exchange.grantRole(exchange.RISK_KEEPER_ROLE(), riskKeeper);
    }

    function _set(uint256 factor) internal {
        vm.prank(riskKeeper);
        exchange.setMaintenanceMarginFactor(ethMarket, factor);
    }

    function test_setMaintenanceMargin_byOneStep() public {
        vm.expectEmit(true, true, true, true, address(exchange));
        emit IExchangeEvents.MaintenanceMarginUpdated(ethMarket, 1 * PCT, 1 * PCT + STEP);
        _set(1 * PCT + STEP);
        assertEq(marketState(ethMarket).maintenanceMarginFactor, 1 * PCT + STEP);
        assertEq(marketState(ethMarket).maintenanceMarginUpdatedAt, block.timestamp);
    }

    function test_RevertWhen_stepTooLarge() public {
        vm.prank(riskKeeper);
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.MaintenanceMarginStepTooLarge.selector, 1 * PCT, 1 * PCT + STEP + 1, STEP
            )
        );
        exchange.setMaintenanceMarginFactor(ethMarket, 1 * PCT + STEP + 1);

        vm.prank(riskKeeper);
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.MaintenanceMarginStepTooLarge.selector, 1 * PCT, 1 * PCT - STEP - 1, STEP
            )
        );
        exchange.setMaintenanceMarginFactor(ethMarket, 1 * PCT - STEP - 1);
    }

    function test_RevertWhen_updatedAgainWithinInterval() public {
        uint256 first = block.timestamp;
        _set(1 * PCT + STEP);
        vm.warp(first + INTERVAL - 1);
        vm.prank(riskKeeper);
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.MaintenanceMarginUpdateTooSoon.selector, first + INTERVAL)
        );
        exchange.setMaintenanceMarginFactor(ethMarket, 1 * PCT);
        vm.warp(first + INTERVAL);
        _set(1 * PCT);
        assertEq(marketState(ethMarket).maintenanceMarginFactor, 1 * PCT);
    }

    function test_RevertWhen_movedAboveUpperBound() public {
        // Walk up to the 1.9% bound, one step per interval.
        uint256[4] memory path = [uint256(125 * BPS), 150 * BPS, 175 * BPS, 190 * BPS];
        for (uint256 i; i < path.length; ++i) {
            _set(path[i]);
            vm.warp(block.timestamp + INTERVAL);
        }
        vm.prank(riskKeeper);
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.ParameterOutOfBounds.selector,
                bytes32("maintenanceMargin"),
                2 * PCT,
                50 * BPS,
                190 * BPS
            )
        );
        exchange.setMaintenanceMarginFactor(ethMarket, 2 * PCT);
    }

    function test_RevertWhen_movedBelowLowerBound() public {
        uint256[2] memory path = [uint256(75 * BPS), 50 * BPS];
        for (uint256 i; i < path.length; ++i) {
            _set(path[i]);
            vm.warp(block.timestamp + INTERVAL);
        }
        vm.prank(riskKeeper);
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.ParameterOutOfBounds.selector,
                bytes32("maintenanceMargin"),
                49 * BPS,
                50 * BPS,
                190 * BPS
            )
        );
        exchange.setMaintenanceMarginFactor(ethMarket, 49 * BPS);
    }

    function test_RevertWhen_configLetsMaintenanceReachOpening() public {
        MarketConfig memory c = MarketDefaults.marketConfig();
        c.margin.maxMaintenanceMarginFactor = c.risk.minCollateralFactor;
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.MaintenanceMarginNotBelowOpening.selector, 2 * PCT, 2 * PCT)
        );
        exchange.setMarketConfig(ethMarket, c);

        c = MarketDefaults.marketConfig();
        c.risk.minCollateralFactor = c.margin.maxMaintenanceMarginFactor;
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.MaintenanceMarginNotBelowOpening.selector, 190 * BPS, 190 * BPS)
        );
        exchange.setMarketConfig(ethMarket, c);
    }

    function test_RevertWhen_configBoundsExcludeTheCurrentFactor() public {
        MarketConfig memory c = MarketDefaults.marketConfig();
        c.margin.minMaintenanceMarginFactor = 150 * BPS;
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.ParameterOutOfBounds.selector,
                bytes32("maintenanceMargin"),
                1 * PCT,
                150 * BPS,
                190 * BPS
            )
        );
        exchange.setMarketConfig(ethMarket, c);
    }

    function test_maintenanceMargin_setsTheLiquidationThreshold() public {
        depositEth(lp, 100 ether, 300_000e6);
        bytes32 key = openEth(trader, address(usdc), 1000e6, 10_000 * USD, true);
        (, uint256 before,) = exchange.getPositionHealth(key, ethMarketPrices());
        assertEq(before, 100 * USD, "1% of $10k");
        _set(1 * PCT + STEP);
        (, uint256 afterUpdate,) = exchange.getPositionHealth(key, ethMarketPrices());
        assertEq(afterUpdate, 125 * USD, "1.25% of $10k");
    }
}
