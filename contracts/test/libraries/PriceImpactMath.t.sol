// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {PriceImpactMath} from "../../src/libraries/PriceImpactMath.sol";
import {LibraryTest} from "./LibraryTest.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {stdError} from "forge-std/StdError.sol";

contract PriceImpactMathTest is LibraryTest {
    /// @dev f(x) = x^2 x factor / 1e60: $1M of skew costs $1 at 1e18 and $2 at 2e18.
    uint256 internal constant POS = 1e18;
    uint256 internal constant NEG = 2e18;
    uint256 internal constant M = 1e6 * USD;
    /// @dev The configured maximum impact factor (ConfigLogic).
    uint256 internal constant MAX_FACTOR = 1e24;

    // ------------------------------------------------------------------ skewCostUsd

    function test_skewCostUsd_oneMillionSkew() public pure {
        // (1e36)^2 / 1e30 = 1e42; x 1e18 / 1e30 = 1e30 = $1
        assertEq(PriceImpactMath.skewCostUsd(M, POS, false), USD);
        assertEq(PriceImpactMath.skewCostUsd(M, POS, true), USD);
        assertEq(PriceImpactMath.skewCostUsd(2 * M, NEG, true), 8 * USD); // 4 x $2
    }

    function test_skewCostUsd_roundingDirection() public pure {
        // 3 x 3 / 1e30 = 9e-30: down 0; up 1, then 1 x 1e30 / 1e30 = 1
        assertEq(PriceImpactMath.skewCostUsd(3, ONE, false), 0);
        assertEq(PriceImpactMath.skewCostUsd(3, ONE, true), 1);
        assertEq(PriceImpactMath.skewCostUsd(0, ONE, true), 0);
    }

    function test_skewCostUsd_maxRealisticSkew() public pure {
        // ($1e12)^2 at 1e24: 1e42 x 1e42 / 1e30 = 1e54; x 1e24 / 1e30 = 1e48 (the intermediate is 512-bit)
        assertEq(PriceImpactMath.skewCostUsd(MAX_USD, MAX_FACTOR, true), 1e48);
    }

    // ------------------------------------------------------------------ rawImpactUsd

    function test_rawImpactUsd_openingIntoEmptyMarketPays() public pure {
        // skew 0 -> $1M: -(1e36 x 1e36 / 1e30) x 2e18 / 1e30 = -$2
        assertEq(PriceImpactMath.rawImpactUsd(0, 0, M, true, true, POS, NEG), -2 * int256(USD));
        assertEq(PriceImpactMath.rawImpactUsd(0, 0, M, false, true, POS, NEG), -2 * int256(USD));
    }

    function test_rawImpactUsd_improvingTradeEarns() public pure {
        // long $2M, short $1M; short +$0.5M: skew $1M -> $0.5M: (1 - 0.25) x $1 = +$0.75
        assertEq(PriceImpactMath.rawImpactUsd(2 * M, M, M / 2, false, true, POS, NEG), 0.75e30);
        // long -$1M: skew $1M -> 0 (not a crossover): +$1
        assertEq(PriceImpactMath.rawImpactUsd(2 * M, M, M, true, false, POS, NEG), int256(USD));
    }

    function test_rawImpactUsd_worseningTradePays() public pure {
        // long $2M, short $1M; short -$1M: skew $1M -> $2M: -(4 - 1) x $2 = -$6
        assertEq(PriceImpactMath.rawImpactUsd(2 * M, M, M, false, false, POS, NEG), -6 * int256(USD));
    }

    function test_rawImpactUsd_crossoverIsGainMinusCost() public pure {
        // long $2M, short $1M; short +$3M: long-heavy $1M -> short-heavy $2M: +$1 x 1 - $2 x 4 = -$7
        assertEq(PriceImpactMath.rawImpactUsd(2 * M, M, 3 * M, false, true, POS, NEG), -7 * int256(USD));
        // short +$1.5M: -> short-heavy $0.5M: +$1 - $2 x 0.25 = +$0.5
        assertEq(PriceImpactMath.rawImpactUsd(2 * M, M, 1.5e36, false, true, POS, NEG), 0.5e30);
    }

    function test_rawImpactUsd_zeroDelta() public pure {
        assertEq(PriceImpactMath.rawImpactUsd(2 * M, M, 0, true, true, POS, NEG), 0);
        assertEq(PriceImpactMath.rawImpactUsd(0, 0, 0, false, false, POS, NEG), 0);
    }

    function test_rawImpactUsd_roundsInPoolsFavour() public pure {
        // worsening 0 -> 3 (1e-30 units): ceil(3 x 3 / 1e30) = 1, x 1e30 / 1e30 = 1: pays 1
        assertEq(PriceImpactMath.rawImpactUsd(0, 0, 3, true, true, ONE, ONE), -1);
        // improving 3 -> 0: floor(9 / 1e30) = 0: earns nothing
        assertEq(PriceImpactMath.rawImpactUsd(3, 0, 3, true, false, ONE, ONE), 0);
    }

    function test_RevertWhen_decreaseExceedsOpenInterest() public {
        vm.expectRevert(stdError.arithmeticError);
        h.priceImpactMath_rawImpactUsd(M, M, M + 1, true, false, POS, NEG);
    }

    function testFuzz_rawImpactUsd_signFollowsSkew(
        uint256 longOi,
        uint256 shortOi,
        uint256 delta,
        bool isLong,
        bool isIncrease,
        uint256 positiveFactor,
        uint256 negativeFactor
    ) public pure {
        longOi = bound(longOi, 0, MAX_USD);
        shortOi = bound(shortOi, 0, MAX_USD);
        delta = bound(delta, 0, isIncrease ? MAX_USD : (isLong ? longOi : shortOi));
        negativeFactor = bound(negativeFactor, 0, MAX_FACTOR);
        positiveFactor = bound(positiveFactor, 0, MAX_FACTOR);
        (uint256 nextLong, uint256 nextShort) = _next(longOi, shortOi, delta, isLong, isIncrease);
        int256 impact =
            PriceImpactMath.rawImpactUsd(longOi, shortOi, delta, isLong, isIncrease, positiveFactor, negativeFactor);

        uint256 skewBefore = _diff(longOi, shortOi);
        uint256 skewAfter = _diff(nextLong, nextShort);
        bool crosses = (longOi >= shortOi) != (nextLong >= nextShort) && skewBefore != 0 && skewAfter != 0;
        if (crosses) {
            int256 gain = int256(PriceImpactMath.skewCostUsd(skewBefore, positiveFactor, false));
            int256 cost = int256(PriceImpactMath.skewCostUsd(skewAfter, negativeFactor, true));
            assertEq(impact, gain - cost, "crossover = gain - cost");
        } else if (skewAfter <= skewBefore) {
            assertGe(impact, 0, "improving never pays");
        } else {
            assertLe(impact, 0, "worsening never earns");
        }
    }

    function testFuzz_rawImpactUsd_roundsAgainstTrader(
        uint256 longOi,
        uint256 shortOi,
        uint256 delta,
        bool isLong,
        uint256 factor
    ) public pure {
        // Open interest up to $1e8 keeps (b - a)(b + a) in 256 bits for the exact reference.
        longOi = bound(longOi, 0, 1e8 * USD);
        shortOi = bound(shortOi, 0, 1e8 * USD);
        delta = bound(delta, 0, 1e8 * USD);
        factor = bound(factor, 0, MAX_FACTOR);
        // Same factor both ways: crossovers become b^2 - a^2 too, and the exact value is one formula.
        int256 impact = PriceImpactMath.rawImpactUsd(longOi, shortOi, delta, isLong, true, factor, factor);
        (uint256 nextLong, uint256 nextShort) = _next(longOi, shortOi, delta, isLong, true);
        uint256 b = _diff(longOi, shortOi);
        uint256 a = _diff(nextLong, nextShort);
        if (a <= b) {
            // exact = (b^2 - a^2) x factor / 1e60: the trader gets at most its floor, and loses at most 3
            // to rounding (a crossover rounds the gain down and the cost up, each twice).
            uint256 exactFloor = Math.mulDiv((b - a) * (b + a), factor, 1e60);
            assertLe(impact, int256(exactFloor));
            assertGe(impact + 3, int256(exactFloor));
        } else {
            uint256 exactCeil = Math.mulDiv((a - b) * (a + b), factor, 1e60, Math.Rounding.Ceil);
            assertLe(impact, -int256(exactCeil));
            assertGe(impact + 3, -int256(exactCeil));
        }
    }

    /// @notice Open then close the same size in any market state: the trader never profits while the
    /// positive factor and cap are at most the negative ones.
    function testFuzz_rawImpactUsd_roundTripNeverProfits(
        uint256 longOi,
        uint256 shortOi,
        uint256 size,
        bool isLong,
        uint256 positiveFactor,
        uint256 negativeFactor,
        uint256 maxPositive,
        uint256 maxNegative
    ) public pure {
        longOi = bound(longOi, 0, MAX_USD);
        shortOi = bound(shortOi, 0, MAX_USD);
        size = bound(size, 0, MAX_USD);
        negativeFactor = bound(negativeFactor, 0, MAX_FACTOR);
        positiveFactor = bound(positiveFactor, 0, negativeFactor);
        maxNegative = bound(maxNegative, 0, 50 * PCT);
        maxPositive = bound(maxPositive, 0, maxNegative);

        int256 open = PriceImpactMath.rawImpactUsd(longOi, shortOi, size, isLong, true, positiveFactor, negativeFactor);
        (uint256 l, uint256 s) = _next(longOi, shortOi, size, isLong, true);
        int256 close = PriceImpactMath.rawImpactUsd(l, s, size, isLong, false, positiveFactor, negativeFactor);
        assertLe(open + close, 0, "raw");
        int256 cappedOpen = PriceImpactMath.capImpactUsd(open, size, maxPositive, maxNegative);
        int256 cappedClose = PriceImpactMath.capImpactUsd(close, size, maxPositive, maxNegative);
        assertLe(cappedOpen + cappedClose, 0, "capped");
    }

    function testFuzz_rawImpactUsd_roundTripInEmptyMarketPaysTheSpreadOfFactors(uint256 size, bool isLong) public pure {
        size = bound(size, 0, MAX_USD);
        int256 open = PriceImpactMath.rawImpactUsd(0, 0, size, isLong, true, POS, NEG);
        int256 close = isLong
            ? PriceImpactMath.rawImpactUsd(size, 0, size, true, false, POS, NEG)
            : PriceImpactMath.rawImpactUsd(0, size, size, false, false, POS, NEG);
        assertEq(open, -int256(PriceImpactMath.skewCostUsd(size, NEG, true)));
        assertEq(close, int256(PriceImpactMath.skewCostUsd(size, POS, false)));
        assertLe(open + close, 0);
    }

    /// @notice Why a market must keep maxPositiveImpactFactor <= maxNegativeImpactFactor: with a smaller
    /// negative cap, a round trip in an empty market is profitable.
    function test_roundTrip_profitsWhenNegativeCapIsBelowPositiveCap() public pure {
        int256 open = PriceImpactMath.rawImpactUsd(0, 0, M, true, true, POS, POS); // -$1
        int256 close = PriceImpactMath.rawImpactUsd(M, 0, M, true, false, POS, POS); // +$1
        // Negative cap 0 (waived), positive cap 1% of $1M = $10,000.
        int256 paid = PriceImpactMath.capImpactUsd(open, M, PCT, 0);
        int256 earned = PriceImpactMath.capImpactUsd(close, M, PCT, 0);
        assertEq(paid + earned, int256(USD));
    }

    /// @notice The single-trade round trip above is safe, but caps are per trade: opening in slices keeps
    /// the early slices under the cap (paying less than the whole trade's cap) while one close earns the
    /// whole positive cap. Positive factor = negative factor, equal caps: the trader still profits, which
    /// is why capping negative impact on increases needs an impact pool (GMX) or no cap on increases.
    function test_roundTrip_splitOpenThenWholeClose_profitsWhenCapsBind() public pure {
        uint256 cap = 5e23; // $1M x 5e-7 = $0.50, half the $1 raw impact of the whole trade
        uint256 slice = M / 4;
        int256 paid;
        for (uint256 i; i < 4; ++i) {
            // raw costs $0.0625, $0.1875, $0.3125, $0.4375; each slice's cap is $0.125
            int256 raw = PriceImpactMath.rawImpactUsd(i * slice, 0, slice, true, true, POS, POS);
            paid += PriceImpactMath.capImpactUsd(raw, slice, cap, cap);
        }
        assertEq(paid, -0.4375e30);
        int256 earned =
            PriceImpactMath.capImpactUsd(PriceImpactMath.rawImpactUsd(M, 0, M, true, false, POS, POS), M, cap, cap);
        assertEq(earned, 0.5e30);
        assertEq(paid + earned, 0.0625e30, "profit taken from the pool");
    }

    // ------------------------------------------------------------------ capImpactUsd

    function test_capImpactUsd_examples() public pure {
        int256 usd = int256(USD);
        // 5% of $1,000 = $50
        assertEq(PriceImpactMath.capImpactUsd(100 * usd, 1000 * USD, 5 * PCT, 5 * PCT), 50 * usd);
        assertEq(PriceImpactMath.capImpactUsd(-100 * usd, 1000 * USD, 5 * PCT, 5 * PCT), -50 * usd);
        assertEq(PriceImpactMath.capImpactUsd(30 * usd, 1000 * USD, 5 * PCT, 5 * PCT), 30 * usd);
        assertEq(PriceImpactMath.capImpactUsd(-30 * usd, 1000 * USD, 5 * PCT, 5 * PCT), -30 * usd);
        assertEq(PriceImpactMath.capImpactUsd(0, 1000 * USD, 5 * PCT, 5 * PCT), 0);
        assertEq(PriceImpactMath.capImpactUsd(-30 * usd, 1000 * USD, 5 * PCT, 0), 0, "negative impact waived");
    }

    function test_capImpactUsd_capsRoundInPoolsFavour() public pure {
        // 3 x 50% = 1.5: positive cap 1 (down), negative cap 2 (up)
        assertEq(PriceImpactMath.capImpactUsd(5, 3, ONE / 2, ONE / 2), 1);
        assertEq(PriceImpactMath.capImpactUsd(-5, 3, ONE / 2, ONE / 2), -2);
    }

    function testFuzz_capImpactUsd_capsHold(int256 impact, uint256 size, uint256 maxPositive, uint256 maxNegative)
        public
        pure
    {
        impact = bound(impact, -int256(MAX_USD), int256(MAX_USD));
        size = bound(size, 0, MAX_USD);
        maxPositive = bound(maxPositive, 0, ONE);
        maxNegative = bound(maxNegative, 0, ONE);
        int256 capped = PriceImpactMath.capImpactUsd(impact, size, maxPositive, maxNegative);
        assertLe(capped, int256(Math.mulDiv(size, maxPositive, ONE)));
        assertGe(capped, -int256(Math.mulDiv(size, maxNegative, ONE, Math.Rounding.Ceil)));
        if (impact >= 0) assertTrue(capped >= 0 && capped <= impact, "positive shrinks");
        else assertTrue(capped <= 0 && capped >= impact, "negative shrinks");
    }

    // ------------------------------------------------------------------ helpers

    function _next(uint256 longOi, uint256 shortOi, uint256 delta, bool isLong, bool isIncrease)
        private
        pure
        returns (uint256, uint256)
    {
        if (isLong) return (isIncrease ? longOi + delta : longOi - delta, shortOi);
        return (longOi, isIncrease ? shortOi + delta : shortOi - delta);
    }

    function _diff(uint256 a, uint256 b) private pure returns (uint256) {
        return a > b ? a - b : b - a;
    }
}
