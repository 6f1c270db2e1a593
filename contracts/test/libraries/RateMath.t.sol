// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {RateMath} from "../../src/libraries/RateMath.sol";
import {LibraryTest} from "./LibraryTest.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {stdError} from "forge-std/StdError.sol";

contract RateMathTest is LibraryTest {
    uint256 internal constant YEAR = 365 days;
    uint256 internal constant M = 1e6 * USD;

    // ------------------------------------------------------------------ utilizationFactor

    function test_utilizationFactor_examples() public pure {
        assertEq(RateMath.utilizationFactor(600_000 * USD, M), 60 * PCT);
        assertEq(RateMath.utilizationFactor(50, 100), ONE / 2);
        assertEq(RateMath.utilizationFactor(0, 0), 0, "nothing reserved");
        assertEq(RateMath.utilizationFactor(1, 0), ONE, "empty pool");
        assertEq(RateMath.utilizationFactor(200, 100), ONE, "capped at 100%");
        assertEq(RateMath.utilizationFactor(MAX_USD, MAX_USD), ONE);
    }

    function test_utilizationFactor_roundsUp() public pure {
        // 1 / 3 = 0.333...: ceil(1e30 / 3) = 333333333333333333333333333334
        assertEq(RateMath.utilizationFactor(1, 3), 333_333_333_333_333_333_333_333_333_334);
    }

    function testFuzz_utilizationFactor_boundedAndMonotone(uint256 reserved, uint256 extra, uint256 poolUsd)
        public
        pure
    {
        reserved = bound(reserved, 0, MAX_USD);
        extra = bound(extra, 0, MAX_USD);
        poolUsd = bound(poolUsd, 0, MAX_USD);
        uint256 u = RateMath.utilizationFactor(reserved, poolUsd);
        assertLe(u, ONE);
        assertLe(u, RateMath.utilizationFactor(reserved + extra, poolUsd));
        if (poolUsd > 0 && reserved <= poolUsd) assertGe(u * poolUsd, reserved * ONE, "rounded up");
    }

    // ------------------------------------------------------------------ borrowingRatePerSecond

    function test_borrowingRatePerSecond_kinkModel() public pure {
        // base 10, slope1 100, slope2 1000, kink at 80%
        assertEq(_rate(0), 10);
        assertEq(_rate(40 * PCT), 60); // 10 + 100 x 0.4 / 0.8
        assertEq(_rate(80 * PCT), 110); // 10 + 100
        assertEq(_rate(90 * PCT), 610); // 110 + 1000 x 0.1 / 0.2
        assertEq(_rate(ONE), 1110); // 110 + 1000
    }

    function test_borrowingRatePerSecond_roundsUp() public pure {
        // 10 + ceil(100 x 1e-30 / 0.8) = 11; above the kink: 110 + ceil(1000 x 1e-30 / 0.2) = 111
        assertEq(_rate(1), 11);
        assertEq(_rate(80 * PCT + 1), 111);
    }

    function test_borrowingRatePerSecond_realisticAnnualRates() public pure {
        // 2% base + 8% at the kink + 100% more at full use, per year: 110% a year at 100%.
        uint256 base = 2 * ONE / 100 / YEAR;
        uint256 slope1 = 8 * ONE / 100 / YEAR;
        uint256 slope2 = ONE / YEAR;
        assertEq(RateMath.borrowingRatePerSecond(0, base, slope1, slope2, 80 * PCT), base);
        assertEq(RateMath.borrowingRatePerSecond(80 * PCT, base, slope1, slope2, 80 * PCT), base + slope1);
        assertEq(RateMath.borrowingRatePerSecond(ONE, base, slope1, slope2, 80 * PCT), base + slope1 + slope2);
    }

    function test_RevertWhen_optimalUtilizationIsZero() public {
        // The kink must be positive (ConfigLogic keeps it in [1%, 99%]).
        vm.expectRevert(stdError.divisionError);
        h.rateMath_borrowingRatePerSecond(0, 1, 1, 1, 0);
    }

    function testFuzz_borrowingRatePerSecond_continuousAtKink(
        uint256 base,
        uint256 slope1,
        uint256 slope2,
        uint256 optimal
    ) public pure {
        (base, slope1, slope2, optimal) = _boundConfig(base, slope1, slope2, optimal);
        uint256 atKink = RateMath.borrowingRatePerSecond(optimal, base, slope1, slope2, optimal);
        assertEq(atKink, base + slope1);
        // One unit of utilization either side moves the rate by at most one unit (slopes < 1e30 x the span).
        assertLe(RateMath.borrowingRatePerSecond(optimal + 1, base, slope1, slope2, optimal) - atKink, 1);
        assertLe(atKink - RateMath.borrowingRatePerSecond(optimal - 1, base, slope1, slope2, optimal), 1);
    }

    function testFuzz_borrowingRatePerSecond_monotoneInUtilization(
        uint256 u1,
        uint256 u2,
        uint256 base,
        uint256 slope1,
        uint256 slope2,
        uint256 optimal
    ) public pure {
        (base, slope1, slope2, optimal) = _boundConfig(base, slope1, slope2, optimal);
        u2 = bound(u2, 0, ONE);
        u1 = bound(u1, 0, u2);
        uint256 r1 = RateMath.borrowingRatePerSecond(u1, base, slope1, slope2, optimal);
        uint256 r2 = RateMath.borrowingRatePerSecond(u2, base, slope1, slope2, optimal);
        assertLe(r1, r2);
        assertGe(r1, base);
        assertLe(r2, base + slope1 + slope2);
    }

    // ------------------------------------------------------------------ fundingRatePerSecond

    function test_fundingRatePerSecond_examples() public pure {
        // factor x |3M - 1M| / 4M = half the factor
        assertEq(RateMath.fundingRatePerSecond(3 * M, M, 1e22), 0.5e22);
        assertEq(RateMath.fundingRatePerSecond(M, 3 * M, 1e22), 0.5e22);
        assertEq(RateMath.fundingRatePerSecond(M, M, 1e22), 0, "balanced");
        assertEq(RateMath.fundingRatePerSecond(0, M, 1e22), 0, "no longs");
        assertEq(RateMath.fundingRatePerSecond(M, 0, 1e22), 0, "no shorts");
        // 1 x 1 / 3 rounds down to 0
        assertEq(RateMath.fundingRatePerSecond(2, 1, 1), 0);
    }

    function testFuzz_fundingRatePerSecond_boundedBySkew(uint256 longOi, uint256 shortOi, uint256 factor) public pure {
        longOi = bound(longOi, 0, MAX_USD);
        shortOi = bound(shortOi, 0, MAX_USD);
        factor = bound(factor, 0, 10 * ONE / YEAR);
        uint256 rate = RateMath.fundingRatePerSecond(longOi, shortOi, factor);
        assertLe(rate, factor);
        assertEq(rate, RateMath.fundingRatePerSecond(shortOi, longOi, factor), "side symmetric");
    }

    // ------------------------------------------------------------------ fundingDeltas

    function test_fundingDeltas_longsPay() public pure {
        // payer +1e20 x 100 = 1e22; receivers (1M) share what 3M paid: -3e22
        (int256 dl, int256 ds) = RateMath.fundingDeltas(3 * M, M, 1e20, 100);
        assertEq(dl, 1e22);
        assertEq(ds, -3e22);
    }

    function test_fundingDeltas_shortsPay() public pure {
        (int256 dl, int256 ds) = RateMath.fundingDeltas(M, 4 * M, 1e20, 100);
        assertEq(dl, -4e22);
        assertEq(ds, 1e22);
    }

    function test_fundingDeltas_receiverRoundsDownAndZeroCases() public pure {
        // floor(1 x 3 / 2) = 1
        (int256 dl, int256 ds) = RateMath.fundingDeltas(3, 2, 1, 1);
        assertEq(dl, 1);
        assertEq(ds, -1);
        (dl, ds) = RateMath.fundingDeltas(3 * M, M, 0, 100);
        assertEq(dl, 0);
        assertEq(ds, 0);
        (dl, ds) = RateMath.fundingDeltas(3 * M, M, 1e20, 0);
        assertEq(dl, 0);
        assertEq(ds, 0);
    }

    function test_RevertWhen_fundingDeltasReceiverSideIsEmpty() public {
        // fundingRatePerSecond is zero then; a non-zero rate with no receivers divides by zero.
        vm.expectRevert(stdError.divisionError);
        h.rateMath_fundingDeltas(M, 0, 1, 1);
    }

    function testFuzz_fundingDeltas_receiversNeverGetMoreThanPayersPay(
        uint256 longOi,
        uint256 shortOi,
        uint256 factor,
        uint256 elapsed
    ) public pure {
        longOi = bound(longOi, 1, MAX_USD);
        shortOi = bound(shortOi, 1, MAX_USD);
        factor = bound(factor, 0, 10 * ONE / YEAR);
        elapsed = bound(elapsed, 0, YEAR);
        uint256 rate = RateMath.fundingRatePerSecond(longOi, shortOi, factor);
        (int256 dl, int256 ds) = RateMath.fundingDeltas(longOi, shortOi, rate, elapsed);
        bool longsPay = longOi > shortOi;
        int256 payerDelta = longsPay ? dl : ds;
        int256 receiverDelta = longsPay ? ds : dl;
        uint256 payerOi = longsPay ? longOi : shortOi;
        uint256 receiverOi = longsPay ? shortOi : longOi;
        assertGe(payerDelta, 0);
        assertLe(receiverDelta, 0);
        uint256 paid = uint256(payerDelta) * payerOi;
        uint256 received = uint256(-receiverDelta) * receiverOi;
        assertLe(received, paid);
        uint256 uncappedReceiverDelta = Math.mulDiv(rate * elapsed, payerOi, receiverOi);
        uint256 maxReceiverDelta = rate * elapsed * RateMath.MAX_FUNDING_RECEIVER_MULTIPLE;
        if (uncappedReceiverDelta <= maxReceiverDelta) {
            assertEq(uint256(payerDelta), rate * elapsed, "payers pay the rate");
            assertLt(paid - received, receiverOi, "the receivers lose less than one index unit");
        } else {
            assertEq(uint256(-receiverDelta), maxReceiverDelta, "a tiny receiving side earns the capped rate");
            assertLt(paid - received, payerOi, "the payers overpay by less than one index unit");
        }
    }

    function test_fundingDeltas_tinyReceivingSideIsCapped() public pure {
        // $1 short against $1e9 long: uncapped, the short would earn 1e9 x the rate.
        uint256 rate = 1e20;
        (int256 dl, int256 ds) = RateMath.fundingDeltas(1e9 * USD, USD, rate, 10);
        assertEq(ds, -int256(rate * 10 * RateMath.MAX_FUNDING_RECEIVER_MULTIPLE), "receivers capped at 10x");
        // The longs pay only what the short receives, rounded up: 1e22 x $1 / $1e9 = 1e13.
        assertEq(dl, 1e13);
    }

    // ------------------------------------------------------------------ borrowingFeeUsd / fundingFeeUsd

    function test_borrowingFeeUsd_examples() public pure {
        // $1,000 x (1.5% - 0.5%) = $10
        assertEq(RateMath.borrowingFeeUsd(1000 * USD, 1.5e28, 0.5e28), 10 * USD);
        assertEq(RateMath.borrowingFeeUsd(1, 1, 0), 1, "rounds up");
        assertEq(RateMath.borrowingFeeUsd(MAX_USD, 7, 7), 0);
    }

    function test_RevertWhen_borrowingSnapshotAboveIndex() public {
        vm.expectRevert(stdError.arithmeticError);
        h.rateMath_borrowingFeeUsd(1, 1, 2);
    }

    function test_fundingFeeUsd_owedRoundsUpEarnedRoundsDown() public pure {
        // $1,000 x 0.2% = $2 owed / earned
        assertEq(RateMath.fundingFeeUsd(1000 * USD, 2e27, 0), 2 * int256(USD));
        assertEq(RateMath.fundingFeeUsd(1000 * USD, -2e27, 0), -2 * int256(USD));
        assertEq(RateMath.fundingFeeUsd(1000 * USD, 5e27, 3e27), 2 * int256(USD));
        assertEq(RateMath.fundingFeeUsd(1, 1, 0), 1, "owed 1e-30 -> 1");
        assertEq(RateMath.fundingFeeUsd(1, -1, 0), 0, "earned 1e-30 -> 0");
        assertEq(RateMath.fundingFeeUsd(MAX_USD, 0, 0), 0);
    }

    // ------------------------------------------------------------------ pending sums

    function test_pendingBorrowingUsd_example() public pure {
        // two positions: $1,000 since 0.5% and $3,000 since 1%, index now 1.5%: $10 + $15 = $25
        uint256 sum = 1000 * USD * 0.5e28 + 3000 * USD * 1e28;
        assertEq(RateMath.pendingBorrowingUsd(4000 * USD, 1.5e28, sum), 25 * USD);
        assertEq(RateMath.pendingBorrowingUsd(0, 1.5e28, 0), 0);
    }

    function test_pendingFundingUsd_roundsTowardNegativeInfinity() public pure {
        assertEq(RateMath.pendingFundingUsd(1, 1, 0), 0); // 1e-30 -> 0
        assertEq(RateMath.pendingFundingUsd(1, -1, 0), -1); // -1e-30 -> -1
        assertEq(RateMath.pendingFundingUsd(3, -1, -1), -1); // (-3 + 1) / 1e30 -> -1
        assertEq(RateMath.pendingFundingUsd(1000 * USD, -2e27, 0), -2 * int256(USD)); // exact
        assertEq(RateMath.pendingFundingUsd(1000 * USD, 2e27, 0), 2 * int256(USD));
    }

    function testFuzz_pendingBorrowingUsd_atMostSumOfPositionFees(
        uint256[3] memory sizes,
        uint256[3] memory snapshots,
        uint256 cumulative
    ) public pure {
        cumulative = bound(cumulative, 0, 10 * ONE);
        uint256 openInterest;
        uint256 snapshotSum;
        uint256 feeSum;
        for (uint256 i; i < 3; ++i) {
            sizes[i] = bound(sizes[i], 0, MAX_USD / 3);
            snapshots[i] = bound(snapshots[i], 0, cumulative);
            openInterest += sizes[i];
            snapshotSum += sizes[i] * snapshots[i];
            feeSum += RateMath.borrowingFeeUsd(sizes[i], cumulative, snapshots[i]);
        }
        uint256 pending = RateMath.pendingBorrowingUsd(openInterest, cumulative, snapshotSum);
        assertLe(pending, feeSum, "pool never counts more than positions owe");
        assertGe(pending + 3, feeSum, "one unit per position at most");
    }

    function testFuzz_pendingFundingUsd_atMostSumOfPositionFees(
        uint256[3] memory sizes,
        int256[3] memory snapshots,
        int256 cumulative
    ) public pure {
        int256 bound_ = int256(10 * ONE);
        cumulative = bound(cumulative, -bound_, bound_);
        uint256 openInterest;
        int256 snapshotSum;
        int256 feeSum;
        for (uint256 i; i < 3; ++i) {
            sizes[i] = bound(sizes[i], 0, MAX_USD / 3);
            snapshots[i] = bound(snapshots[i], -bound_, bound_);
            openInterest += sizes[i];
            snapshotSum += int256(sizes[i]) * snapshots[i];
            feeSum += RateMath.fundingFeeUsd(sizes[i], cumulative, snapshots[i]);
        }
        int256 pending = RateMath.pendingFundingUsd(openInterest, cumulative, snapshotSum);
        assertLe(pending, feeSum, "pool never counts more than positions owe");
        assertGe(pending + 3, feeSum, "one unit per position at most");
    }

    /// @notice Across both sides, what receivers earn (rounded down per position) never exceeds what
    /// payers owe (rounded up per position).
    function testFuzz_fundingFees_receiversNeverEarnMoreThanPayersOwe(
        uint256[2] memory longSizes,
        uint256[2] memory shortSizes,
        uint256 factor,
        uint256 elapsed
    ) public pure {
        longSizes[0] = bound(longSizes[0], 1, MAX_USD / 2);
        longSizes[1] = bound(longSizes[1], 0, MAX_USD / 2);
        shortSizes[0] = bound(shortSizes[0], 1, MAX_USD / 2);
        shortSizes[1] = bound(shortSizes[1], 0, MAX_USD / 2);
        factor = bound(factor, 0, 10 * ONE / YEAR);
        elapsed = bound(elapsed, 0, YEAR);
        uint256 longOi = longSizes[0] + longSizes[1];
        uint256 shortOi = shortSizes[0] + shortSizes[1];
        uint256 rate = RateMath.fundingRatePerSecond(longOi, shortOi, factor);
        (int256 dl, int256 ds) = RateMath.fundingDeltas(longOi, shortOi, rate, elapsed);
        int256 net;
        for (uint256 i; i < 2; ++i) {
            net += RateMath.fundingFeeUsd(longSizes[i], dl, 0) + RateMath.fundingFeeUsd(shortSizes[i], ds, 0);
        }
        assertGe(net, 0);
    }

    // ------------------------------------------------------------------ helpers

    function _rate(uint256 utilization) private pure returns (uint256) {
        return RateMath.borrowingRatePerSecond(utilization, 10, 100, 1000, 80 * PCT);
    }

    function _boundConfig(uint256 base, uint256 slope1, uint256 slope2, uint256 optimal)
        private
        pure
        returns (uint256, uint256, uint256, uint256)
    {
        // ConfigLogic's ranges.
        return (
            bound(base, 0, ONE / YEAR),
            bound(slope1, 0, 2 * ONE / YEAR),
            bound(slope2, 0, 20 * ONE / YEAR),
            bound(optimal, PCT, 99 * PCT)
        );
    }
}
