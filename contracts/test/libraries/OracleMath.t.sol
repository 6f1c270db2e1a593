// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {OracleMath} from "../../src/libraries/OracleMath.sol";
import {PriceRange} from "../../src/types/Price.sol";
import {LibraryTest} from "./LibraryTest.sol";

contract OracleMathTest is LibraryTest {
    bytes32 internal constant FEED = keccak256("ETH/USD");
    int32 internal constant EXPO = -8;

    // ------------------------------------------------------------------ priceMultiplier

    function test_priceMultiplier_expoMinus8() public pure {
        // 10^(30 - 8 - decimals)
        assertEq(OracleMath.priceMultiplier(EXPO, 18), 1e4); // WETH
        assertEq(OracleMath.priceMultiplier(EXPO, 8), 1e14); // WBTC
        assertEq(OracleMath.priceMultiplier(EXPO, 6), 1e16); // USDC
    }

    function test_priceMultiplier_bounds() public pure {
        assertEq(OracleMath.priceMultiplier(0, 0), 1e30); // power 30
        assertEq(OracleMath.priceMultiplier(-12, 18), 1); // power 0
        assertEq(OracleMath.priceMultiplier(0, 30), 1); // power 0
    }

    function test_priceMultiplier_oneTokenAtOneDollarIsOneUsd() public pure {
        // $1.00000000 = mantissa 1e8 at expo -8; one whole token x price = 1e30 for 18, 8 and 6 decimals.
        assertEq(1e18 * (1e8 * OracleMath.priceMultiplier(EXPO, 18)), USD);
        assertEq(1e8 * (1e8 * OracleMath.priceMultiplier(EXPO, 8)), USD);
        assertEq(1e6 * (1e8 * OracleMath.priceMultiplier(EXPO, 6)), USD);
    }

    function test_RevertWhen_priceMultiplierPowerIsNegative() public {
        // 30 - 8 - 23 = -1
        vm.expectRevert(abi.encodeWithSelector(OracleMath.ExponentOutOfRange.selector, EXPO, uint8(23)));
        h.oracleMath_priceMultiplier(EXPO, 23);
    }

    function test_RevertWhen_priceMultiplierPowerExceeds30() public {
        // 30 + 1 - 0 = 31
        vm.expectRevert(abi.encodeWithSelector(OracleMath.ExponentOutOfRange.selector, int32(1), uint8(0)));
        h.oracleMath_priceMultiplier(1, 0);
    }

    function testFuzz_priceMultiplier_isPowerOfTen(int32 expo, uint8 decimals) public pure {
        expo = int32(bound(expo, -18, 0));
        decimals = uint8(bound(decimals, 0, 12));
        // 30 + expo - decimals is in [0, 30] for these ranges.
        uint256 power = uint256(30 + int256(expo) - int256(uint256(decimals)));
        assertEq(OracleMath.priceMultiplier(expo, decimals), 10 ** power);
    }

    // ------------------------------------------------------------------ toPriceRange

    function test_toPriceRange_ethExample() public pure {
        // $3,000.12345678 +/- $1.50 (k = 1): mantissa 300012345678, conf 150000000, multiplier 1e4.
        // conf / price = 0.05% <= 1%. min = (300012345678 - 150000000) x 1e4, max = (... + 150000000) x 1e4.
        PriceRange memory r = OracleMath.toPriceRange(FEED, 300_012_345_678, 150_000_000, EXPO, EXPO, 1e4, ONE, PCT);
        assertEq(r.min, 299_862_345_678e4);
        assertEq(r.max, 300_162_345_678e4);
        // One ETH (1e18 wei) at the mid price is $3,000.12345678 = 300012345678e22.
        assertEq(1e18 * ((r.min + r.max) / 2), 300_012_345_678e22);
    }

    function test_toPriceRange_usdcAndBtcExamples() public pure {
        // USDC $0.99995 +/- $0.0001, k = 2: spread 20000; multiplier 1e16.
        PriceRange memory r = OracleMath.toPriceRange(FEED, 99_995_000, 10_000, EXPO, EXPO, 1e16, 2 * ONE, PCT);
        assertEq(r.min, 99_975_000e16);
        assertEq(r.max, 100_015_000e16);
        // BTC $65,000 +/- $20, k = 1.5: spread 3000000000; multiplier 1e14; one BTC (1e8) at min = $64,970.
        r = OracleMath.toPriceRange(FEED, 6_500_000_000_000, 2_000_000_000, EXPO, EXPO, 1e14, 1.5e30, PCT);
        assertEq(1e8 * r.min, 64_970 * USD);
        assertEq(1e8 * r.max, 65_030 * USD);
    }

    function test_toPriceRange_spreadRoundsUp() public pure {
        // conf 3 x k 0.5 = 1.5 -> spread 2: the range widens.
        PriceRange memory r = OracleMath.toPriceRange(FEED, 1000, 3, EXPO, EXPO, 1, ONE / 2, PCT);
        assertEq(r.min, 998);
        assertEq(r.max, 1002);
    }

    function test_toPriceRange_zeroConfidence() public pure {
        PriceRange memory r = OracleMath.toPriceRange(FEED, 1000, 0, EXPO, EXPO, 1e4, ONE, PCT);
        assertEq(r.min, 1000e4);
        assertEq(r.max, 1000e4);
    }

    function test_toPriceRange_confidenceExactlyAtBoundIsAccepted() public pure {
        // conf / price = 100 / 10000 = 1% = maxConfidenceFactor: accepted (the check is strict).
        PriceRange memory r = OracleMath.toPriceRange(FEED, 10_000, 100, EXPO, EXPO, 1, ONE, PCT);
        assertEq(r.min, 9900);
        assertEq(r.max, 10_100);
    }

    function test_RevertWhen_confidenceOneAboveBound() public {
        vm.expectRevert(
            abi.encodeWithSelector(OracleMath.ConfidenceTooWide.selector, FEED, uint64(101), int64(10_000), PCT)
        );
        h.oracleMath_toPriceRange(FEED, 10_000, 101, EXPO, EXPO, 1, ONE, PCT);
    }

    function test_RevertWhen_spreadReachesPrice() public {
        // conf / price = 10% <= 100%, but spread = 1 x 10 = price: the min price would be zero.
        vm.expectRevert(abi.encodeWithSelector(OracleMath.ConfidenceTooWide.selector, FEED, uint64(1), int64(10), ONE));
        h.oracleMath_toPriceRange(FEED, 10, 1, EXPO, EXPO, 1, 10 * ONE, ONE);
        // spread 9 < 10 passes
        (uint256 min, uint256 max) = h.oracleMath_toPriceRange(FEED, 10, 1, EXPO, EXPO, 1, 9 * ONE, ONE);
        assertEq(min, 1);
        assertEq(max, 19);
    }

    function test_RevertWhen_priceIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(OracleMath.NonPositivePrice.selector, FEED, int64(0)));
        h.oracleMath_toPriceRange(FEED, 0, 0, EXPO, EXPO, 1e4, ONE, PCT);
    }

    function test_RevertWhen_priceIsNegative() public {
        vm.expectRevert(abi.encodeWithSelector(OracleMath.NonPositivePrice.selector, FEED, int64(-1)));
        h.oracleMath_toPriceRange(FEED, -1, 0, EXPO, EXPO, 1e4, ONE, PCT);
    }

    function test_RevertWhen_exponentIsUnexpected() public {
        vm.expectRevert(abi.encodeWithSelector(OracleMath.UnexpectedExponent.selector, FEED, int32(-6), int32(EXPO)));
        h.oracleMath_toPriceRange(FEED, 1000, 1, -6, EXPO, 1e4, ONE, PCT);
    }

    function testFuzz_toPriceRange_minBelowMidBelowMaxSymmetric(
        int64 price,
        uint64 conf,
        uint8 decimals,
        uint256 confidenceMultiplier
    ) public pure {
        price = int64(bound(price, 1, type(int64).max));
        uint256 mantissa = uint256(int256(price));
        // Up to 10% confidence (the settings' hard bound) with k up to 9, so spread < price always.
        conf = uint64(bound(conf, 0, mantissa / 10));
        confidenceMultiplier = bound(confidenceMultiplier, 0, 9 * ONE);
        uint256 spread = (uint256(conf) * confidenceMultiplier + ONE - 1) / ONE;
        uint256 multiplier = OracleMath.priceMultiplier(EXPO, uint8(bound(decimals, 0, 22)));

        PriceRange memory r =
            OracleMath.toPriceRange(FEED, price, conf, EXPO, EXPO, multiplier, confidenceMultiplier, 10 * PCT);
        uint256 mid = mantissa * multiplier;
        assertLe(r.min, mid);
        assertGe(r.max, mid);
        assertEq(mid - r.min, r.max - mid, "symmetric");
        assertEq(mid - r.min, spread * multiplier, "spread rounded up");
        assertGt(r.min, 0);
    }

    function testFuzz_toPriceRange_confidenceBoundIsExact(int64 price, uint256 maxConfidenceFactor) public {
        price = int64(bound(price, 1, type(int64).max));
        maxConfidenceFactor = bound(maxConfidenceFactor, 1, 10 * PCT);
        uint256 mantissa = uint256(int256(price));
        // Largest accepted conf: floor(price x factor / 1e30).
        uint64 maxConf = uint64(mantissa * maxConfidenceFactor / ONE);
        h.oracleMath_toPriceRange(FEED, price, maxConf, EXPO, EXPO, 1, 0, maxConfidenceFactor);
        vm.expectRevert(
            abi.encodeWithSelector(OracleMath.ConfidenceTooWide.selector, FEED, maxConf + 1, price, maxConfidenceFactor)
        );
        h.oracleMath_toPriceRange(FEED, price, maxConf + 1, EXPO, EXPO, 1, 0, maxConfidenceFactor);
    }

    // ------------------------------------------------------------------ deviatesBeyond

    function test_deviatesBeyond_boundaryBothDirections() public pure {
        // 5% of 3000e12 = 150e12
        uint256 ref = 3000e12;
        uint256 f = 5 * PCT;
        assertFalse(OracleMath.deviatesBeyond(3150e12, ref, f));
        assertTrue(OracleMath.deviatesBeyond(3150e12 + 1, ref, f));
        assertFalse(OracleMath.deviatesBeyond(2850e12, ref, f));
        assertTrue(OracleMath.deviatesBeyond(2850e12 - 1, ref, f));
    }

    function test_deviatesBeyond_edgeCases() public pure {
        assertFalse(OracleMath.deviatesBeyond(123, 0, PCT), "no reference yet");
        assertFalse(OracleMath.deviatesBeyond(ETH_PRICE, ETH_PRICE, 0), "unchanged");
        assertTrue(OracleMath.deviatesBeyond(ETH_PRICE + 1, ETH_PRICE, 0), "zero tolerance");
        assertTrue(OracleMath.deviatesBeyond(0, ETH_PRICE, 99 * PCT), "price to zero");
        assertFalse(OracleMath.deviatesBeyond(0, ETH_PRICE, ONE), "100% tolerance");
    }

    function testFuzz_deviatesBeyond_symmetricAtBoundary(uint256 ref, uint256 f) public pure {
        ref = bound(ref, 1, 1e36);
        f = bound(f, 0, ONE);
        // The largest move either way that is within the bound: floor(ref x f / 1e30).
        uint256 d = ref * f / ONE;
        assertFalse(OracleMath.deviatesBeyond(ref + d, ref, f), "up at bound");
        assertTrue(OracleMath.deviatesBeyond(ref + d + 1, ref, f), "up beyond");
        assertFalse(OracleMath.deviatesBeyond(ref - d, ref, f), "down at bound");
        if (d < ref) assertTrue(OracleMath.deviatesBeyond(ref - d - 1, ref, f), "down beyond");
    }
}
