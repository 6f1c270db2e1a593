// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {FixedPoint} from "../../src/libraries/FixedPoint.sol";
import {PositionMath} from "../../src/libraries/PositionMath.sol";
import {LibraryTest} from "./LibraryTest.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {stdError} from "forge-std/StdError.sol";

contract PositionMathTest is LibraryTest {
    int256 internal constant IUSD = int256(USD);

    // ------------------------------------------------------------------ pnlUsd

    function test_pnlUsd_longInProfit() public pure {
        // 10 ETH bought for $30,000, ETH at $3,300 (3.3e15 per wei): 10e18 x 3.3e15 = $33,000 -> +$3,000
        assertEq(PositionMath.pnlUsd(true, 30_000 * USD, 10e18, 3300 * USD / 1e18), 3000 * IUSD);
    }

    function test_pnlUsd_shortInLoss() public pure {
        assertEq(PositionMath.pnlUsd(false, 30_000 * USD, 10e18, 3300 * USD / 1e18), -3000 * IUSD);
    }

    function test_pnlUsd_tokenDecimals() public pure {
        // 1 BTC (1e8 sats) for $60,000 at $65,000: +$5,000
        assertEq(PositionMath.pnlUsd(true, 60_000 * USD, 1e8, BTC_PRICE), 5000 * IUSD);
        assertEq(PositionMath.pnlUsd(false, 60_000 * USD, 1e8, BTC_PRICE), -5000 * IUSD);
        // 2,000 units of a 6-decimal token at $0.50 (0.5e24 per unit), bought for $1,200: -$200
        assertEq(PositionMath.pnlUsd(true, 1200 * USD, 2000e6, 0.5e24), -200 * IUSD);
    }

    function test_pnlUsd_edgeCases() public pure {
        assertEq(PositionMath.pnlUsd(true, 0, 0, ETH_PRICE), 0);
        assertEq(PositionMath.pnlUsd(true, 100 * USD, 0, ETH_PRICE), -100 * IUSD, "tokens gone");
        assertEq(PositionMath.pnlUsd(false, 100 * USD, 0, ETH_PRICE), 100 * IUSD);
        // $1e12 of ETH at $2,000 (2e15 per wei): 5e26 wei; ETH doubles: +$1e12
        uint256 price = 2000 * USD / 1e18;
        uint256 tokens = MAX_USD / price;
        assertEq(tokens, 5e26);
        assertEq(PositionMath.pnlUsd(true, MAX_USD, tokens, 2 * price), int256(MAX_USD));
        assertEq(PositionMath.pnlUsd(false, MAX_USD, tokens, 2 * price), -int256(MAX_USD));
    }

    function test_RevertWhen_pnlValueExceedsInt256() public {
        uint256 value = 1 << 255;
        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintToInt.selector, value));
        h.positionMath_pnlUsd(true, 0, 1, value);
    }

    // ------------------------------------------------------------------ realizedPnlUsd

    function test_realizedPnlUsd_profitRoundsDownLossRoundsUp() public pure {
        // a third of $1,000: 1e33 / 3 = 333333333333333333333333333333333.33
        assertEq(PositionMath.realizedPnlUsd(1000 * IUSD, USD, 3 * USD), 333_333_333_333_333_333_333_333_333_333_333);
        assertEq(PositionMath.realizedPnlUsd(-1000 * IUSD, USD, 3 * USD), -333_333_333_333_333_333_333_333_333_333_334);
        assertEq(PositionMath.realizedPnlUsd(1000 * IUSD, USD, 2 * USD), 500 * IUSD);
    }

    function test_realizedPnlUsd_fullCloseRealizesEverything() public pure {
        assertEq(PositionMath.realizedPnlUsd(-7, 3, 3), -7);
        assertEq(PositionMath.realizedPnlUsd(type(int256).min, 3, 3), type(int256).min);
        assertEq(PositionMath.realizedPnlUsd(1000 * IUSD, 0, 3 * USD), 0, "nothing closed");
    }

    function testFuzz_realizedPnl_neverExceedsProportionalShare(int256 total, uint256 delta, uint256 size) public pure {
        total = bound(total, -int256(MAX_USD), int256(MAX_USD));
        size = bound(size, 1, MAX_USD);
        delta = bound(delta, 0, size);
        int256 realized = PositionMath.realizedPnlUsd(total, delta, size);
        uint256 magnitude = FixedPoint.abs(realized);
        uint256 totalMagnitude = FixedPoint.abs(total);
        if (total >= 0) {
            assertGe(realized, 0);
            // realized <= total x delta / size < realized + 1
            assertTrue(_mulLe(magnitude, size, totalMagnitude, delta), "profit at most the share");
            assertFalse(_mulLe(magnitude + 1, size, totalMagnitude, delta), "floor");
        } else {
            assertLe(realized, 0);
            assertTrue(_mulLe(totalMagnitude, delta, magnitude, size), "loss at least the share");
            if (magnitude > 0) assertFalse(_mulLe(totalMagnitude, delta, magnitude - 1, size), "ceiling");
        }
    }

    /// @notice Closing part of a position and keeping the rest never adds up to more PnL than the whole.
    function testFuzz_realizedPlusRemainingPnl_atMostTotal(
        bool isLong,
        uint256 size,
        uint256 tokens,
        uint256 price,
        uint256 delta
    ) public pure {
        price = bound(price, 1e12, 1e27);
        size = bound(size, 1, MAX_USD);
        tokens = bound(tokens, 0, MAX_USD / price);
        delta = bound(delta, 0, size);
        int256 total = PositionMath.pnlUsd(isLong, size, tokens, price);
        int256 realized = PositionMath.realizedPnlUsd(total, delta, size);
        uint256 tokensDelta = PositionMath.sizeDeltaInTokensForDecrease(isLong, tokens, delta, size);
        int256 remaining = PositionMath.pnlUsd(isLong, size - delta, tokens - tokensDelta, price);
        assertLe(realized + remaining, total);
    }

    // ------------------------------------------------------------------ sizeDeltaInTokensForDecrease

    function test_sizeDeltaInTokensForDecrease_examples() public pure {
        // a third of 10 tokens: long gives up ceil(3.33) = 4, short keeps owing: floor = 3
        assertEq(PositionMath.sizeDeltaInTokensForDecrease(true, 10, USD, 3 * USD), 4);
        assertEq(PositionMath.sizeDeltaInTokensForDecrease(false, 10, USD, 3 * USD), 3);
        assertEq(PositionMath.sizeDeltaInTokensForDecrease(true, 10e18, 5000 * USD, 10_000 * USD), 5e18);
        assertEq(PositionMath.sizeDeltaInTokensForDecrease(true, 10, 0, 3 * USD), 0);
    }

    function testFuzz_sizeDeltaInTokensForDecrease_fullCloseTakesAllTokens(bool isLong, uint256 tokens, uint256 size)
        public
        pure
    {
        assertEq(PositionMath.sizeDeltaInTokensForDecrease(isLong, tokens, size, size), tokens);
    }

    function testFuzz_sizeDeltaInTokensForDecrease_longUpShortDown(uint256 tokens, uint256 delta, uint256 size)
        public
        pure
    {
        tokens = bound(tokens, 0, MAX_USD);
        size = bound(size, 1, MAX_USD);
        delta = bound(delta, 0, size);
        uint256 longTokens = PositionMath.sizeDeltaInTokensForDecrease(true, tokens, delta, size);
        uint256 shortTokens = PositionMath.sizeDeltaInTokensForDecrease(false, tokens, delta, size);
        assertLe(longTokens, tokens);
        assertTrue(longTokens == shortTokens || longTokens == shortTokens + 1);
        if (delta < size) {
            assertTrue(_mulLe(shortTokens, size, tokens, delta), "short: floor");
            assertTrue(_mulLe(tokens, delta, longTokens, size), "long: ceiling");
        }
    }

    // ------------------------------------------------------------------ sizeDeltaInTokensForIncrease

    function test_sizeDeltaInTokensForIncrease_examples() public pure {
        // $3,000 of ETH at $3,000 = 1 ETH; with +$30 impact a long gets 1.01 ETH, a short sells 0.99 ETH
        assertEq(PositionMath.sizeDeltaInTokensForIncrease(true, 3000 * USD, 0, ETH_PRICE), 1e18);
        assertEq(PositionMath.sizeDeltaInTokensForIncrease(true, 3000 * USD, 30 * IUSD, ETH_PRICE), 1.01e18);
        assertEq(PositionMath.sizeDeltaInTokensForIncrease(false, 3000 * USD, 30 * IUSD, ETH_PRICE), 0.99e18);
        // -$30 impact: the long gets 0.99 ETH, the short sells 1.01 ETH (a lower entry)
        assertEq(PositionMath.sizeDeltaInTokensForIncrease(true, 3000 * USD, -30 * IUSD, ETH_PRICE), 0.99e18);
        assertEq(PositionMath.sizeDeltaInTokensForIncrease(false, 3000 * USD, -30 * IUSD, ETH_PRICE), 1.01e18);
        assertEq(PositionMath.sizeDeltaInTokensForIncrease(true, 65_000 * USD, 0, BTC_PRICE), 1e8);
        assertEq(PositionMath.sizeDeltaInTokensForIncrease(false, 1000 * USD, 0, USDC_PRICE), 1000e6);
    }

    function test_sizeDeltaInTokensForIncrease_rounding() public pure {
        // 10 / 3: long floor 3, short ceil 4
        assertEq(PositionMath.sizeDeltaInTokensForIncrease(true, 10, 0, 3), 3);
        assertEq(PositionMath.sizeDeltaInTokensForIncrease(false, 10, 0, 3), 4);
    }

    function test_RevertWhen_impactConsumesLongSize() public {
        vm.expectRevert(abi.encodeWithSelector(PositionMath.ImpactExceedsSize.selector, 100 * USD, -100 * IUSD));
        h.positionMath_sizeDeltaInTokensForIncrease(true, 100 * USD, -100 * IUSD, ETH_PRICE);
    }

    function test_RevertWhen_impactConsumesShortSize() public {
        vm.expectRevert(abi.encodeWithSelector(PositionMath.ImpactExceedsSize.selector, 100 * USD, 101 * IUSD));
        h.positionMath_sizeDeltaInTokensForIncrease(false, 100 * USD, 101 * IUSD, ETH_PRICE);
    }

    function test_RevertWhen_increaseSizeIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(PositionMath.ImpactExceedsSize.selector, 0, int256(0)));
        h.positionMath_sizeDeltaInTokensForIncrease(true, 0, 0, ETH_PRICE);
    }

    function testFuzz_sizeDeltaInTokensForIncrease_embedsImpact(bool isLong, uint256 size, int256 impact, uint256 price)
        public
        pure
    {
        size = bound(size, 2, MAX_USD);
        // capped impact: at most 50% of the size either way
        impact = bound(impact, -int256(size / 2), int256(size / 2));
        price = bound(price, 1e12, 1e27);
        uint256 tokens = PositionMath.sizeDeltaInTokensForIncrease(isLong, size, impact, price);
        uint256 adjusted = uint256(isLong ? int256(size) + impact : int256(size) - impact);
        if (isLong) {
            assertLe(tokens * price, adjusted, "long: no more tokens than paid for");
            assertGt((tokens + 1) * price, adjusted);
        } else {
            assertGe(tokens * price, adjusted, "short: at least the tokens sold");
            assertLt((tokens - 1) * price, adjusted);
        }
    }

    // ------------------------------------------------------------------ increaseRespectsAcceptablePrice

    function test_increaseRespectsAcceptablePrice_exactAtBoundary() public pure {
        // $3,000 for 1 ETH: execution price 3e15 per wei
        assertTrue(PositionMath.increaseRespectsAcceptablePrice(true, 3000 * USD, 1e18, ETH_PRICE));
        assertFalse(PositionMath.increaseRespectsAcceptablePrice(true, 3000 * USD, 1e18, ETH_PRICE - 1));
        assertTrue(PositionMath.increaseRespectsAcceptablePrice(false, 3000 * USD, 1e18, ETH_PRICE));
        assertFalse(PositionMath.increaseRespectsAcceptablePrice(false, 3000 * USD, 1e18, ETH_PRICE + 1));
    }

    function test_increaseRespectsAcceptablePrice_fractionalExecutionPrice() public pure {
        // 10 / 3 = 3.33: a long accepts 4 (10 <= 12) but not 3 (10 > 9); a short accepts 3, not 4
        assertTrue(PositionMath.increaseRespectsAcceptablePrice(true, 10, 3, 4));
        assertFalse(PositionMath.increaseRespectsAcceptablePrice(true, 10, 3, 3));
        assertTrue(PositionMath.increaseRespectsAcceptablePrice(false, 10, 3, 3));
        assertFalse(PositionMath.increaseRespectsAcceptablePrice(false, 10, 3, 4));
    }

    function test_increaseRespectsAcceptablePrice_extremes() public pure {
        assertTrue(PositionMath.increaseRespectsAcceptablePrice(true, MAX_USD, 1, type(uint256).max));
        assertFalse(PositionMath.increaseRespectsAcceptablePrice(false, MAX_USD, 1, type(uint256).max));
        assertTrue(PositionMath.increaseRespectsAcceptablePrice(false, MAX_USD, 1, 0));
        assertFalse(PositionMath.increaseRespectsAcceptablePrice(true, MAX_USD, 0, type(uint256).max), "no tokens");
        assertFalse(PositionMath.increaseRespectsAcceptablePrice(false, MAX_USD, 0, 0), "no tokens");
    }

    function testFuzz_increaseRespectsAcceptablePrice_isExact(
        bool isLong,
        uint256 size,
        uint256 tokens,
        uint256 acceptable
    ) public pure {
        size = bound(size, 0, MAX_USD);
        tokens = bound(tokens, 1, type(uint256).max);
        bool expected = isLong ? _mulLe(size, 1, acceptable, tokens) : _mulLe(acceptable, tokens, size, 1);
        assertEq(PositionMath.increaseRespectsAcceptablePrice(isLong, size, tokens, acceptable), expected);
    }

    // ------------------------------------------------------------------ decreaseRespectsAcceptablePrice

    function test_decreaseRespectsAcceptablePrice_exactAtBoundary() public pure {
        // ETH at 3e15, closing $1,000 with -$10 impact: long exits at 3e15 x 0.99 = 2.97e15, short at 3.03e15
        assertTrue(PositionMath.decreaseRespectsAcceptablePrice(true, ETH_PRICE, 1000 * USD, -10 * IUSD, 2.97e15));
        assertFalse(PositionMath.decreaseRespectsAcceptablePrice(true, ETH_PRICE, 1000 * USD, -10 * IUSD, 2.97e15 + 1));
        assertTrue(PositionMath.decreaseRespectsAcceptablePrice(false, ETH_PRICE, 1000 * USD, -10 * IUSD, 3.03e15));
        assertFalse(PositionMath.decreaseRespectsAcceptablePrice(false, ETH_PRICE, 1000 * USD, -10 * IUSD, 3.03e15 - 1));
    }

    function test_decreaseRespectsAcceptablePrice_extremes() public pure {
        assertFalse(PositionMath.decreaseRespectsAcceptablePrice(true, ETH_PRICE, USD, 0, type(uint256).max));
        assertTrue(PositionMath.decreaseRespectsAcceptablePrice(false, ETH_PRICE, USD, 0, type(uint256).max));
        assertTrue(PositionMath.decreaseRespectsAcceptablePrice(true, ETH_PRICE, USD, 0, 0));
        // impact beyond the size: the long's execution price is 0
        assertTrue(PositionMath.decreaseRespectsAcceptablePrice(true, ETH_PRICE, USD, -2 * IUSD, 0));
        assertFalse(PositionMath.decreaseRespectsAcceptablePrice(true, ETH_PRICE, USD, -2 * IUSD, 1));
        assertTrue(PositionMath.decreaseRespectsAcceptablePrice(false, ETH_PRICE, USD, 2 * IUSD, 0));
    }

    function testFuzz_decreaseRespectsAcceptablePrice_isExact(
        bool isLong,
        uint256 price,
        uint256 size,
        int256 impact,
        uint256 acceptable
    ) public pure {
        // up to 1e33 per unit (a 0-decimal token at $1,000) keeps price x adjusted / size in 256 bits
        price = bound(price, 1, 1e33);
        size = bound(size, 1, MAX_USD);
        impact = bound(impact, -int256(MAX_USD), int256(MAX_USD));
        int256 adjustedSigned = isLong ? int256(size) + impact : int256(size) - impact;
        uint256 adjusted = adjustedSigned > 0 ? uint256(adjustedSigned) : 0;
        // long: price x adjusted / size >= acceptable; short: <=
        bool expected = isLong ? _mulLe(acceptable, size, price, adjusted) : _mulLe(price, adjusted, acceptable, size);
        assertEq(PositionMath.decreaseRespectsAcceptablePrice(isLong, price, size, impact, acceptable), expected);
    }

    // ------------------------------------------------------------------ decreaseExecutionPrice

    function test_decreaseExecutionPrice_examples() public pure {
        assertEq(PositionMath.decreaseExecutionPrice(true, ETH_PRICE, 1000 * USD, -10 * IUSD), 2.97e15);
        assertEq(PositionMath.decreaseExecutionPrice(false, ETH_PRICE, 1000 * USD, -10 * IUSD), 3.03e15);
        assertEq(PositionMath.decreaseExecutionPrice(true, ETH_PRICE, 1000 * USD, 10 * IUSD), 3.03e15);
        assertEq(PositionMath.decreaseExecutionPrice(true, ETH_PRICE, 0, 10 * IUSD), ETH_PRICE, "no size");
        assertEq(PositionMath.decreaseExecutionPrice(true, ETH_PRICE, USD, -IUSD), 0, "impact takes all");
        // 10 x 4 / 3 = 13.33 -> 13
        assertEq(PositionMath.decreaseExecutionPrice(true, 10, 3, 1), 13);
    }

    // ------------------------------------------------------------------ marginRequirementUsd

    function test_marginRequirementUsd_examples() public pure {
        // $10,000 x 1% = $100
        assertEq(PositionMath.marginRequirementUsd(10_000 * USD, PCT, 5 * USD), 100 * USD);
        assertEq(PositionMath.marginRequirementUsd(10_000 * USD, PCT, 200 * USD), 200 * USD, "minimum");
        assertEq(PositionMath.marginRequirementUsd(1, 1, 0), 1, "rounds up");
        assertEq(PositionMath.marginRequirementUsd(0, PCT, 5 * USD), 5 * USD);
    }

    function testFuzz_marginRequirementUsd_isMaxOfMinAndCeil(uint256 size, uint256 factor, uint256 minUsd) public pure {
        size = bound(size, 0, MAX_USD);
        factor = bound(factor, 0, ONE);
        minUsd = bound(minUsd, 0, 1000 * USD);
        uint256 ceil = (size * factor + ONE - 1) / ONE;
        assertEq(PositionMath.marginRequirementUsd(size, factor, minUsd), ceil > minUsd ? ceil : minUsd);
    }

    // ------------------------------------------------------------------ remainingCollateralUsd

    function test_remainingCollateralUsd_examples() public pure {
        // $1,000 - $200 loss - $5 borrowing - $3 funding owed - $7 close fee - $10 impact = $775
        assertEq(
            PositionMath.remainingCollateralUsd(1000 * USD, -200 * IUSD, 5 * USD, 3 * IUSD, 7 * USD, -10 * IUSD),
            775 * IUSD
        );
        // positive impact is not counted; funding earned is: $1,000 - 200 - 5 + 3 - 7 = $791
        assertEq(
            PositionMath.remainingCollateralUsd(1000 * USD, -200 * IUSD, 5 * USD, -3 * IUSD, 7 * USD, 10 * IUSD),
            791 * IUSD
        );
        // underwater
        assertEq(PositionMath.remainingCollateralUsd(100 * USD, -150 * IUSD, 0, 0, 0, 0), -50 * IUSD);
    }

    function testFuzz_remainingCollateralUsd_positiveImpactIgnored(uint256 collateral, int256 pnl, int256 impact)
        public
        pure
    {
        collateral = bound(collateral, 0, MAX_USD);
        pnl = bound(pnl, -int256(MAX_USD), int256(MAX_USD));
        impact = bound(impact, -int256(MAX_USD), int256(MAX_USD));
        int256 withImpact = PositionMath.remainingCollateralUsd(collateral, pnl, 0, 0, 0, impact);
        int256 without = PositionMath.remainingCollateralUsd(collateral, pnl, 0, 0, 0, 0);
        assertEq(withImpact, impact > 0 ? without : without + impact);
    }

    function test_RevertWhen_remainingCollateralUnderflowsInt256() public {
        vm.expectRevert(stdError.arithmeticError);
        h.positionMath_remainingCollateralUsd(0, type(int256).min, 1, 0, 0, 0);
    }
}
