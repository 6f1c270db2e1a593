// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {FeeMath} from "../../src/libraries/FeeMath.sol";
import {LibraryTest} from "./LibraryTest.sol";

contract FeeMathTest is LibraryTest {
    function test_positionFeeUsd_picksFactorByImpactSign() public pure {
        // $10,000 x 0.05% = $5 with positive impact; x 0.07% = $7 otherwise (zero impact included)
        uint256 size = 10_000 * USD;
        uint256 positive = 5 * PCT / 100;
        uint256 negative = 7 * PCT / 100;
        assertEq(FeeMath.positionFeeUsd(size, 1, positive, negative), 5 * USD);
        assertEq(FeeMath.positionFeeUsd(size, 0, positive, negative), 7 * USD);
        assertEq(FeeMath.positionFeeUsd(size, -1, positive, negative), 7 * USD);
    }

    function test_positionFeeUsd_roundsUp() public pure {
        // 1 x 0.05% = 0.0005 -> 1
        assertEq(FeeMath.positionFeeUsd(1, 0, 0, 5 * PCT / 100), 1);
        assertEq(FeeMath.positionFeeUsd(0, 0, 0, 5 * PCT / 100), 0);
    }

    function test_feeUsd_examplesAndRounding() public pure {
        // $2,500 x 0.3% = $7.50
        assertEq(FeeMath.feeUsd(2500 * USD, 3 * PCT / 10), 7.5e30);
        // 3 x 50% = 1.5 -> 2
        assertEq(FeeMath.feeUsd(3, ONE / 2), 2);
        assertEq(FeeMath.feeUsd(MAX_USD, PCT), 1e10 * USD);
    }

    function test_insuranceShareOf_roundsDown() public pure {
        // $7 x 30% = $2.10
        assertEq(FeeMath.insuranceShareOf(7 * USD, 30 * PCT), 2.1e30);
        // 3 units x 50% = 1.5 -> 1
        assertEq(FeeMath.insuranceShareOf(3, ONE / 2), 1);
        assertEq(FeeMath.insuranceShareOf(3, ONE), 3);
        assertEq(FeeMath.insuranceShareOf(3, 0), 0);
    }

    function testFuzz_positionFeeUsd_isCeilingOfSizeTimesFactor(
        uint256 size,
        int256 impact,
        uint256 factorPositive,
        uint256 factorNegative
    ) public pure {
        size = bound(size, 0, MAX_USD);
        factorNegative = bound(factorNegative, 0, PCT);
        factorPositive = bound(factorPositive, 0, factorNegative);
        uint256 factor = impact > 0 ? factorPositive : factorNegative;
        uint256 fee = FeeMath.positionFeeUsd(size, impact, factorPositive, factorNegative);
        assertEq(fee, (size * factor + ONE - 1) / ONE);
        assertLe(
            fee, FeeMath.positionFeeUsd(size, -1, factorPositive, factorNegative), "positive impact never costs more"
        );
    }

    function testFuzz_insuranceShareOf_neverExceedsAmount(uint256 amount, uint256 factor) public pure {
        amount = bound(amount, 0, MAX_USD);
        factor = bound(factor, 0, ONE);
        uint256 share = FeeMath.insuranceShareOf(amount, factor);
        assertLe(share, amount);
        assertEq(share, amount * factor / ONE);
        assertGe(FeeMath.feeUsd(amount, factor), share, "fee up, share down");
    }
}
