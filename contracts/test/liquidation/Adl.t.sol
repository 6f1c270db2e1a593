// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {IExchangeEvents} from "../../src/interfaces/IExchangeEvents.sol";
import {Market, MarketConfig} from "../../src/types/MarketTypes.sol";
import {DecreaseKind, Position} from "../../src/types/PositionTypes.sol";
import {LiquidationBase} from "../utils/LiquidationBase.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice Auto-deleveraging with hysteresis: allowed when the side's PnL to pool factor is above the
/// trigger; once active it continues while the factor is above the target and stops (AdlStateUpdated
/// active=false) at or below it. Only profitable positions, at the oracle price, no negative impact,
/// ADL keeper only.
/// @dev Trigger 40% and target 20% (the defaults, 70%/50%, need an 80%+ crash for a short side that
/// is within the reserve factor); four $200k shorts against a $1M USDC pool, and a $1M long so
/// closing a short would have negative impact.
contract AdlTest is LiquidationBase {
    uint256 internal constant TRIGGER = 40 * 1e28;
    uint256 internal constant TARGET = 20 * 1e28;

    address[4] internal shorts = [makeAddr("short0"), makeAddr("short1"), makeAddr("short2"), makeAddr("short3")];
    bytes32[4] internal keys;
    address internal bigLong = makeAddr("bigLong");

    function setUp() public override {
        super.setUp();
        confBps = 0;
        MarketConfig memory c = ethConfig();
        c.safety.adlTriggerFactor = TRIGGER;
        c.safety.adlTargetFactor = TARGET;
        setEthConfig(c);
        depositEth(lp, 400 ether, 1_000_000e6);
        vm.deal(bigLong, 10 ether);
        openEth(bigLong, address(usdc), 1_000_000e6, 1_000_000 * USD, true);
        for (uint256 i; i < 4; ++i) {
            vm.deal(shorts[i], 10 ether);
            keys[i] = openEth(shorts[i], address(usdc), 20_000e6, 200_000 * USD, false);
        }
        vm.warp(block.timestamp + 1);
    }

    /// @dev The short side's PnL to pool factor as specified: (size - tokens x price) / (pool USDC x
    /// its price), rounded down; zero when the side is not in profit.
    function _shortFactor() internal view returns (uint256) {
        Market memory m = balancesOf();
        uint256 price = uint256(int256(ethPrice)) * ETH_MULTIPLIER;
        uint256 value = m.openInterest.shortTokens * price;
        if (value >= m.openInterest.shortUsd) return 0;
        return (m.openInterest.shortUsd - value) * 1e30 / (m.balances.shortAmount * 1e8 * USDC_MULTIPLIER);
    }

    function _move(int64 mantissa) internal {
        vm.warp(block.timestamp + 1);
        moveEthTo(mantissa);
    }

    function _expectNotTriggered(bytes32 key, uint256 threshold) internal {
        bytes[] memory update = priceUpdateNow();
        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.AdlNotTriggered.selector, ethMarket, false, _shortFactor(), threshold
            )
        );
        vm.prank(keeper);
        exchange.executeAdl{value: 3}(key, 10_000 * USD, update);
    }

    /// @dev Runs an ADL and returns the AdlStateUpdated it emitted.
    function _adl(bytes32 key, uint256 sizeDeltaUsd) internal returns (bool active, uint256 factorAfter) {
        vm.recordLogs();
        assertTrue(adlNow(key, sizeDeltaUsd), "ADL executed");
        Vm.Log[] memory logs = vm.getRecordedLogs();
        bool found;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] != IExchangeEvents.AdlStateUpdated.selector) continue;
            found = true;
            (active, factorAfter) = abi.decode(logs[i].data, (bool, uint256));
        }
        assertTrue(found, "AdlStateUpdated");
        assertEq(factorAfter, _shortFactor(), "event factor == factor after");
        assertEq(active, factorAfter > TARGET, "active iff still above target");
        Market memory m = balancesOf();
        assertEq(m.adlActiveShort, active);
        DecreasedEvent memory d = findDecreased(logs);
        assertEq(uint8(d.kind), uint8(DecreaseKind.Adl));
        assertEq(d.amounts.priceImpactUsd, 0, "no negative impact against the deleveraged trader");
        assertEq(d.change.executionPrice, uint256(int256(ethPrice)) * ETH_MULTIPLIER, "at the oracle price");
        assertVaultAccounted();
    }

    function test_adl_RevertWhen_factorBelowTrigger() public {
        _move(1600 * PYTH_ONE);
        uint256 factor = _shortFactor();
        assertGt(factor, TARGET);
        assertLt(factor, TRIGGER, "between target and trigger");
        _expectNotTriggered(keys[0], TRIGGER);
    }

    function test_adl_allowedAboveTrigger_atOraclePriceWithoutNegativeImpact() public {
        _move(1400 * PYTH_ONE);
        assertGt(_shortFactor(), TRIGGER);
        // A user's own close of the same size would pay negative impact (longs dominate).
        uint256 snapshot = vm.snapshotState();
        vm.recordLogs();
        closeEth(shorts[0], address(usdc), 50_000 * USD, false);
        assertLt(findDecreased(vm.getRecordedLogs()).amounts.priceImpactUsd, 0, "user close: negative impact");
        vm.revertToState(snapshot);

        uint256 before = usdc.balanceOf(shorts[0]);
        (bool active,) = _adl(keys[0], 50_000 * USD);
        assertTrue(active, "still above target: ADL stays active");
        assertEq(position(keys[0]).sizeUsd, 150_000 * USD);
        assertGt(usdc.balanceOf(shorts[0]), before, "profit paid");
    }

    function test_adl_continuesAboveTargetOnceActive_thenStops() public {
        _move(1400 * PYTH_ONE);
        (bool active,) = _adl(keys[0], 50_000 * USD);
        assertTrue(active);

        _move(1700 * PYTH_ONE);
        uint256 factor = _shortFactor();
        assertLt(factor, TRIGGER, "below the trigger");
        assertGt(factor, TARGET, "above the target");
        (active,) = _adl(keys[1], 200_000 * USD);
        assertTrue(active, "continues while above target");
        (bool stillActive, uint256 factorAfter) = _adl(keys[2], 200_000 * USD);
        assertFalse(stillActive, "stops at or below target");
        assertLe(factorAfter, TARGET);

        // Inactive again: the trigger applies.
        _expectNotTriggered(keys[3], TRIGGER);
    }

    /// @dev The episode ends when the factor is back at or below the target, whether an ADL or the
    /// price took it there. Here the price does: the keeper's next attempt sees the factor at target
    /// and must not leave ADL armed, so a later factor between target and trigger is not enough.
    function test_adl_RevertWhen_episodeEndedByPriceAndFactorBelowTrigger() public {
        _move(1400 * PYTH_ONE);
        (bool active,) = _adl(keys[0], 50_000 * USD);
        assertTrue(active);

        _move(2400 * PYTH_ONE);
        assertLe(_shortFactor(), TARGET, "price moved the factor back under the target");
        bytes[] memory update = priceUpdateNow();
        vm.prank(keeper);
        (bool ok, bytes memory ret) =
            address(exchange).call{value: 3}(abi.encodeCall(exchange.executeAdl, (keys[1], 10_000 * USD, update)));
        assertTrue(!ok || !abi.decode(ret, (bool)), "nothing deleveraged at target");
        assertEq(position(keys[1]).sizeUsd, 200_000 * USD);

        _move(1800 * PYTH_ONE);
        uint256 factor = _shortFactor();
        assertGt(factor, TARGET);
        assertLt(factor, TRIGGER);
        _expectNotTriggered(keys[1], TRIGGER);
    }

    /// @dev The keeper's attempt at or below target closes the episode: it returns false, deleverages
    /// nothing and emits AdlStateUpdated(active = false).
    function test_adl_attemptAtTargetDeactivates() public {
        _move(1400 * PYTH_ONE);
        _adl(keys[0], 50_000 * USD);
        assertTrue(balancesOf().adlActiveShort);

        _move(2400 * PYTH_ONE);
        uint256 factor = _shortFactor();
        vm.expectEmit(true, true, false, true, address(exchange));
        emit IExchangeEvents.AdlStateUpdated(ethMarket, false, false, factor);
        assertFalse(adlNow(keys[1], 10_000 * USD), "nothing executed");
        assertFalse(balancesOf().adlActiveShort, "episode over");
        assertEq(position(keys[1]).sizeUsd, 200_000 * USD);
    }

    function test_adl_RevertWhen_positionNotInProfit() public {
        _move(1400 * PYTH_ONE);
        address late = makeAddr("late");
        vm.deal(late, 1 ether);
        bytes32 key = openEth(late, address(usdc), 10_000e6, 20_000 * USD, false); // shorts at ~1,400
        _move(1450 * PYTH_ONE);
        assertGt(_shortFactor(), TRIGGER, "side still above trigger");
        Position memory p = position(key);
        int256 pnl = int256(p.sizeUsd) - int256(p.sizeInTokens * uint256(int256(ethPrice)) * ETH_MULTIPLIER);
        assertLt(pnl, 0);
        bytes[] memory update = priceUpdateNow();
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.PositionNotInProfit.selector, key, pnl));
        vm.prank(keeper);
        exchange.executeAdl{value: 3}(key, 10_000 * USD, update);
    }

    function test_adl_RevertWhen_callerIsNotAdlKeeper() public {
        _move(1400 * PYTH_ONE);
        bytes[] memory update = priceUpdateNow();
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, liquidator, exchange.ADL_KEEPER_ROLE()
            )
        );
        vm.prank(liquidator);
        exchange.executeAdl{value: 3}(keys[0], 10_000 * USD, update);
    }
}
