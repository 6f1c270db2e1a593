// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {FixedPoint, SignedMathAbs} from "../../src/libraries/FixedPoint.sol";
import {LibraryTest} from "./LibraryTest.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {stdError} from "forge-std/StdError.sol";

contract FixedPointTest is LibraryTest {
    // ------------------------------------------------------------------ mulDown / mulUp

    function test_mulDown_usdTimesFactor() public pure {
        // $1,000 x 1% = $10
        assertEq(FixedPoint.mulDown(1000 * USD, PCT), 10 * USD);
        assertEq(FixedPoint.mulUp(1000 * USD, PCT), 10 * USD);
    }

    function test_mulDown_roundsDownAndMulUpRoundsUp() public pure {
        // 3 x 0.5 = 1.5: down 1, up 2
        assertEq(FixedPoint.mulDown(3, ONE / 2), 1);
        assertEq(FixedPoint.mulUp(3, ONE / 2), 2);
        // 1 x 1e-30 = 1e-30: down 0, up 1
        assertEq(FixedPoint.mulDown(1, 1), 0);
        assertEq(FixedPoint.mulUp(1, 1), 1);
    }

    function test_mulDown_zero() public pure {
        assertEq(FixedPoint.mulDown(0, ONE), 0);
        assertEq(FixedPoint.mulUp(0, ONE), 0);
        assertEq(FixedPoint.mulUp(MAX_USD, 0), 0);
    }

    function test_mulDown_fullPrecisionAtMaxRealisticValues() public pure {
        // ($1e12)^2 / 1e30 = 1e42 x 1e42 / 1e30 = 1e54: the 1e84 intermediate exceeds 256 bits.
        assertEq(FixedPoint.mulDown(MAX_USD, MAX_USD), 1e54);
        assertEq(FixedPoint.mulUp(MAX_USD, MAX_USD), 1e54);
    }

    function test_RevertWhen_mulDownResultOverflows() public {
        // type(uint256).max x 2e30 / 1e30 does not fit: OpenZeppelin's mulDiv panics (0x11).
        vm.expectRevert(stdError.arithmeticError);
        h.fixedPoint_mulDown(type(uint256).max, 2 * ONE);
    }

    function testFuzz_mulUp_exceedsMulDownByAtMostOne(uint256 a, uint256 factor) public pure {
        a = bound(a, 0, type(uint128).max);
        factor = bound(factor, 0, type(uint128).max);
        uint256 down = FixedPoint.mulDown(a, factor);
        uint256 up = FixedPoint.mulUp(a, factor);
        uint256 product = a * factor; // fits: both below 2^128
        assertEq(down, product / ONE);
        assertEq(up - down, product % ONE == 0 ? 0 : 1);
    }

    // ------------------------------------------------------------------ mulDivDown / mulDivUp / divUp

    function test_mulDivDown_roundsDownAndMulDivUpRoundsUp() public pure {
        // 10 x 10 / 3 = 33.33: down 33, up 34
        assertEq(FixedPoint.mulDivDown(10, 10, 3), 33);
        assertEq(FixedPoint.mulDivUp(10, 10, 3), 34);
        // exact: 10 x 9 / 3 = 30
        assertEq(FixedPoint.mulDivDown(10, 9, 3), 30);
        assertEq(FixedPoint.mulDivUp(10, 9, 3), 30);
    }

    function test_divUp_examples() public pure {
        assertEq(FixedPoint.divUp(7, 2), 4); // 3.5 -> 4
        assertEq(FixedPoint.divUp(6, 2), 3); // exact
        assertEq(FixedPoint.divUp(0, 5), 0);
        assertEq(FixedPoint.divUp(1, type(uint256).max), 1);
        assertEq(FixedPoint.divUp(type(uint256).max, 1), type(uint256).max);
    }

    function test_RevertWhen_divUpByZero() public {
        vm.expectRevert(stdError.divisionError);
        h.fixedPoint_divUp(1, 0);
    }

    function test_RevertWhen_mulDivDenominatorIsZero() public {
        vm.expectRevert(stdError.divisionError);
        h.fixedPoint_mulDivDown(1, 1, 0);
        vm.expectRevert(stdError.divisionError);
        h.fixedPoint_mulDivUp(1, 1, 0);
    }

    function testFuzz_mulDivUp_exceedsMulDivDownByAtMostOne(uint256 a, uint256 b, uint256 d) public pure {
        a = bound(a, 0, type(uint128).max);
        b = bound(b, 0, type(uint128).max);
        d = bound(d, 1, type(uint256).max);
        uint256 down = FixedPoint.mulDivDown(a, b, d);
        uint256 up = FixedPoint.mulDivUp(a, b, d);
        assertEq(down, (a * b) / d);
        assertEq(up - down, (a * b) % d == 0 ? 0 : 1);
    }

    function testFuzz_divUp_isCeiling(uint256 a, uint256 b) public pure {
        b = bound(b, 1, type(uint256).max);
        uint256 up = FixedPoint.divUp(a, b);
        assertGe(up, a / b);
        assertEq(up - a / b, a % b == 0 ? 0 : 1);
    }

    // ------------------------------------------------------------------ abs / toInt / parts

    function test_abs_examples() public pure {
        assertEq(FixedPoint.abs(0), 0);
        assertEq(FixedPoint.abs(-1), 1);
        assertEq(FixedPoint.abs(5), 5);
        assertEq(FixedPoint.abs(type(int256).max), uint256(type(int256).max));
    }

    function test_abs_int256Min() public pure {
        // |-2^255| = 2^255, which a plain `uint256(-a)` cannot represent.
        assertEq(FixedPoint.abs(type(int256).min), uint256(type(int256).max) + 1);
        assertEq(SignedMathAbs.abs(type(int256).min), 1 << 255);
    }

    function testFuzz_abs_matchesNegation(int256 a) public pure {
        a = bound(a, type(int256).min + 1, type(int256).max);
        assertEq(FixedPoint.abs(a), a >= 0 ? uint256(a) : uint256(-a));
        assertEq(FixedPoint.abs(a), FixedPoint.abs(-a));
    }

    function test_toInt_largestValue() public pure {
        assertEq(FixedPoint.toInt(uint256(type(int256).max)), type(int256).max);
        assertEq(FixedPoint.toInt(0), 0);
    }

    function test_RevertWhen_toIntValueExceedsInt256Max() public {
        uint256 value = uint256(type(int256).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintToInt.selector, value));
        h.fixedPoint_toInt(value);
    }

    function test_positivePartAndNegativePart_examples() public pure {
        assertEq(FixedPoint.positivePart(7), 7);
        assertEq(FixedPoint.negativePart(7), 0);
        assertEq(FixedPoint.positivePart(-7), 0);
        assertEq(FixedPoint.negativePart(-7), 7);
        assertEq(FixedPoint.positivePart(0), 0);
        assertEq(FixedPoint.negativePart(0), 0);
        assertEq(FixedPoint.negativePart(type(int256).min), 1 << 255);
    }

    function testFuzz_positivePartMinusNegativePart_isValue(int256 a) public pure {
        uint256 positive = FixedPoint.positivePart(a);
        uint256 negative = FixedPoint.negativePart(a);
        assertTrue(positive == 0 || negative == 0, "one part is zero");
        assertEq(positive + negative, FixedPoint.abs(a));
    }
}
