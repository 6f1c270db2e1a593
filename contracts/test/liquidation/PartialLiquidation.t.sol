// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MarketConfig} from "../../src/types/MarketTypes.sol";
import {DecreaseKind, Position} from "../../src/types/PositionTypes.sol";
import {LiquidationBase} from "../utils/LiquidationBase.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice Positions of at least `partialLiquidationThresholdUsd` ($100k) that are still solvent lose
/// a slice of `partialLiquidationFactor` (20%) per liquidation; a second liquidation within the cooldown
/// (30 s) takes the rest; a slice never leaves less than the minimum position size.
contract PartialLiquidationTest is LiquidationBase {
    address internal counterparty = makeAddr("counterparty");

    function setUp() public override {
        super.setUp();
        depositEth(lp, 2000 ether, 6_000_000e6);
        vm.deal(counterparty, 100 ether);
    }

    function _openLarge() internal returns (bytes32) {
        return openEthAndWait(trader, address(usdc), 5000e6, 200_000 * USD, true); // 40x
    }

    function _liquidate(bytes32 key) internal returns (LiquidatedEvent memory e, DecreasedEvent memory d) {
        vm.recordLogs();
        assertTrue(liquidateNow(key), "liquidated");
        Vm.Log[] memory logs = vm.getRecordedLogs();
        e = findLiquidated(logs);
        d = findDecreased(logs);
        assertTrue(e.found, "PositionLiquidated");
        assertEq(uint8(d.kind), uint8(e.isPartial ? DecreaseKind.PartialLiquidation : DecreaseKind.Liquidation));
        assertVaultAccounted();
        assertLedgerAddsUp();
    }

    function test_partialLiquidation_takesASliceFirst() public {
        bytes32 key = _openLarge();
        moveToRemaining(key, 1000 * int256(USD)); // maintenance is $2,000
        (LiquidatedEvent memory e,) = _liquidate(key);
        assertTrue(e.isPartial, "partial");
        assertEq(e.sizeClosedUsd, 40_000 * USD, "20% of $200,000");
        Position memory p = position(key);
        assertEq(p.sizeUsd, 160_000 * USD, "80% left");
        assertEq(p.lastPartialLiquidationAt, block.timestamp, "slice time recorded");
        assertGt(p.collateralAmount, 0);
    }

    function test_partialLiquidation_secondCallWithinCooldownLiquidatesFully() public {
        bytes32 key = _openLarge();
        moveToRemaining(key, 1000 * int256(USD));
        (LiquidatedEvent memory first,) = _liquidate(key);
        assertTrue(first.isPartial);

        vm.warp(block.timestamp + 29); // inside the 30 s cooldown
        moveToRemaining(key, 500 * int256(USD));
        (LiquidatedEvent memory second,) = _liquidate(key);
        assertFalse(second.isPartial, "full inside the cooldown");
        assertEq(second.sizeClosedUsd, 160_000 * USD);
        assertEq(position(key).sizeUsd, 0);
    }

    function test_partialLiquidation_anotherSliceAfterCooldown() public {
        bytes32 key = _openLarge();
        moveToRemaining(key, 1000 * int256(USD));
        _liquidate(key);

        vm.warp(block.timestamp + 30); // cooldown over
        moveToRemaining(key, 500 * int256(USD));
        (LiquidatedEvent memory second,) = _liquidate(key);
        assertTrue(second.isPartial, "a new slice");
        assertEq(second.sizeClosedUsd, 32_000 * USD, "20% of $160,000");
        assertEq(position(key).sizeUsd, 128_000 * USD);
    }

    function test_partialLiquidation_fullWhenRemainingIsNotPositive() public {
        bytes32 key = _openLarge();
        moveToRemaining(key, -100 * int256(USD));
        (LiquidatedEvent memory e,) = _liquidate(key);
        assertFalse(e.isPartial, "insolvent positions go at once");
        assertEq(position(key).sizeUsd, 0);
    }

    function test_partialLiquidation_belowThresholdIsFull() public {
        bytes32 key = openEthAndWait(trader, address(usdc), 2490e6, 99_999 * USD, true);
        moveToRemaining(key, 500 * int256(USD));
        (LiquidatedEvent memory e,) = _liquidate(key);
        assertFalse(e.isPartial);
        assertEq(position(key).sizeUsd, 0);
    }

    function test_partialLiquidation_neverLeavesLessThanMinimumSize() public {
        MarketConfig memory c = ethConfig();
        c.safety.partialLiquidationThresholdUsd = 10_000 * USD;
        c.risk.minPositionSizeUsd = 10_000 * USD;
        setEthConfig(c);
        // A slice of $12,000 would leave $9,600 < $10,000: the whole position goes.
        bytes32 key = openEthAndWait(trader, address(usdc), 300e6, 12_000 * USD, true);
        moveToRemaining(key, 60 * int256(USD));
        (LiquidatedEvent memory e,) = _liquidate(key);
        assertFalse(e.isPartial, "full: the slice would leave too little");
        assertEq(position(key).sizeUsd, 0);

        // $12,500 leaves exactly $10,000: a slice is allowed.
        bytes32 key2 = openEthAndWait(counterparty, address(usdc), 320e6, 12_500 * USD, true);
        moveToRemaining(key2, 60 * int256(USD));
        (LiquidatedEvent memory e2,) = _liquidate(key2);
        assertTrue(e2.isPartial);
        assertEq(position(key2).sizeUsd, 10_000 * USD);
    }

    /// @dev Whatever the size, factor and minimum size: a liquidation closes either exactly the slice
    /// (and leaves at least the minimum size) or everything.
    function testFuzz_partialLiquidation_sliceOrAll(
        uint256 sizeSeed,
        uint256 factorSeed,
        uint256 minSizeSeed,
        uint256 remainingSeed
    ) public {
        MarketConfig memory c = ethConfig();
        c.safety.partialLiquidationFactor = bound(factorSeed, 5 * PCT, 100 * PCT);
        c.risk.minPositionSizeUsd = bound(minSizeSeed, 0, 10_000) * USD;
        setEthConfig(c);
        uint256 sizeUsd = bound(sizeSeed, 100_000, 3_000_000);
        bytes32 key = openEthAndWait(trader, address(usdc), sizeUsd * 1e6 / 40, sizeUsd * USD, true);
        (, uint256 maintenance,) = health(key);
        moveToRemaining(key, int256(bound(remainingSeed, 1, maintenance - 1)));
        (LiquidatedEvent memory e,) = _liquidate(key);
        uint256 slice = sizeUsd * USD * c.safety.partialLiquidationFactor / 1e30;
        uint256 left = position(key).sizeUsd;
        if (e.isPartial) {
            assertEq(e.sizeClosedUsd, slice, "exactly the slice");
            assertEq(left, sizeUsd * USD - slice);
            assertGe(left, c.risk.minPositionSizeUsd, "never below the minimum size");
        } else {
            assertEq(e.sizeClosedUsd, sizeUsd * USD, "or everything");
            assertEq(left, 0);
            assertTrue(
                e.remainingCollateralUsd <= 0 || slice == 0 || slice == sizeUsd * USD
                    || sizeUsd * USD - slice < c.risk.minPositionSizeUsd,
                "full only when insolvent, or when the slice is everything or not allowed"
            );
        }
    }
}
