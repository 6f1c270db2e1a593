// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {FixedPoint} from "../../src/libraries/FixedPoint.sol";
import {OracleMath} from "../../src/libraries/OracleMath.sol";
import {PoolMath} from "../../src/libraries/PoolMath.sol";
import {PositionMath} from "../../src/libraries/PositionMath.sol";
import {PriceImpactMath} from "../../src/libraries/PriceImpactMath.sol";
import {RateMath} from "../../src/libraries/RateMath.sol";
import {SettlementMath} from "../../src/libraries/SettlementMath.sol";
import {TriggerMath} from "../../src/libraries/TriggerMath.sol";
import {TradeAmounts} from "../../src/types/PositionTypes.sol";
import {PriceRange} from "../../src/types/Price.sol";
import {OrderType} from "../../src/types/RequestTypes.sol";
import {LibraryTest} from "./LibraryTest.sol";

/// @notice The harness returns exactly what the libraries return, so the TypeScript differential tests
/// compare against the real formulas.
contract MathHarnessTest is LibraryTest {
    function test_constants() public view {
        assertEq(h.fixedPoint_one(), FixedPoint.ONE);
        assertEq(h.poolMath_virtualShares(), PoolMath.VIRTUAL_SHARES);
        assertEq(h.poolMath_virtualUsd(), PoolMath.VIRTUAL_USD);
    }

    function testFuzz_fixedPoint_matchesLibrary(uint256 a, uint256 b, uint256 d) public view {
        a = bound(a, 0, type(uint128).max);
        b = bound(b, 0, type(uint128).max);
        d = bound(d, 1, type(uint256).max);
        assertEq(h.fixedPoint_mulDivUp(a, b, d), FixedPoint.mulDivUp(a, b, d));
        assertEq(h.fixedPoint_mulUp(a, b), FixedPoint.mulUp(a, b));
        assertEq(h.fixedPoint_abs(-int256(a)), FixedPoint.abs(-int256(a)));
    }

    function testFuzz_oracleMath_toPriceRange_matchesLibrary(int64 price, uint64 conf, uint256 k) public view {
        price = int64(bound(price, 1, type(int64).max));
        conf = uint64(bound(conf, 0, uint256(int256(price)) / 10));
        k = bound(k, 0, 9 * ONE);
        PriceRange memory expected = OracleMath.toPriceRange(bytes32(0), price, conf, -8, -8, 1e4, k, 10 * PCT);
        (uint256 min, uint256 max) = h.oracleMath_toPriceRange(bytes32(0), price, conf, -8, -8, 1e4, k, 10 * PCT);
        assertEq(min, expected.min);
        assertEq(max, expected.max);
    }

    function testFuzz_priceImpactMath_rawImpactUsd_matchesLibrary(
        uint256 longOi,
        uint256 shortOi,
        uint256 delta,
        bool isLong,
        uint256 factor
    ) public view {
        longOi = bound(longOi, 0, MAX_USD);
        shortOi = bound(shortOi, 0, MAX_USD);
        delta = bound(delta, 0, MAX_USD);
        factor = bound(factor, 0, 1e24);
        assertEq(
            h.priceImpactMath_rawImpactUsd(longOi, shortOi, delta, isLong, true, factor / 2, factor),
            PriceImpactMath.rawImpactUsd(longOi, shortOi, delta, isLong, true, factor / 2, factor)
        );
    }

    function testFuzz_rateMath_fundingDeltas_matchesLibrary(uint256 longOi, uint256 shortOi, uint256 elapsed)
        public
        view
    {
        longOi = bound(longOi, 1, MAX_USD);
        shortOi = bound(shortOi, 1, MAX_USD);
        elapsed = bound(elapsed, 0, 365 days);
        uint256 rate = RateMath.fundingRatePerSecond(longOi, shortOi, 1e22);
        assertEq(h.rateMath_fundingRatePerSecond(longOi, shortOi, 1e22), rate);
        (int256 dl, int256 ds) = h.rateMath_fundingDeltas(longOi, shortOi, rate, elapsed);
        (int256 el, int256 es) = RateMath.fundingDeltas(longOi, shortOi, rate, elapsed);
        assertEq(dl, el);
        assertEq(ds, es);
    }

    function testFuzz_positionMath_matchesLibrary(bool isLong, uint256 size, uint256 tokens, uint256 delta)
        public
        view
    {
        size = bound(size, 1, MAX_USD);
        tokens = bound(tokens, 0, MAX_USD / ETH_PRICE);
        delta = bound(delta, 0, size);
        int256 pnl = PositionMath.pnlUsd(isLong, size, tokens, ETH_PRICE);
        assertEq(h.positionMath_pnlUsd(isLong, size, tokens, ETH_PRICE), pnl);
        assertEq(h.positionMath_realizedPnlUsd(pnl, delta, size), PositionMath.realizedPnlUsd(pnl, delta, size));
        assertEq(
            h.positionMath_sizeDeltaInTokensForDecrease(isLong, tokens, delta, size),
            PositionMath.sizeDeltaInTokensForDecrease(isLong, tokens, delta, size)
        );
    }

    function testFuzz_poolMath_matchesLibrary(uint256 depositUsd, int256 poolValue, uint256 supply) public view {
        depositUsd = bound(depositUsd, 0, MAX_USD);
        poolValue = bound(poolValue, -int256(MAX_USD), int256(MAX_USD));
        supply = bound(supply, 0, 1e36);
        assertEq(
            h.poolMath_sharesForDepositUsd(depositUsd, poolValue, supply),
            PoolMath.sharesForDepositUsd(depositUsd, poolValue, supply)
        );
        assertEq(h.poolMath_usdForShares(supply, poolValue, supply), PoolMath.usdForShares(supply, poolValue, supply));
        PoolMath.PoolValueInputs memory inputs =
            PoolMath.PoolValueInputs(depositUsd, supply, 7, poolValue, -poolValue, 3);
        assertEq(
            h.poolMath_poolValueUsd(depositUsd, supply, 7, poolValue, -poolValue, 3), PoolMath.poolValueUsd(inputs)
        );
    }

    function testFuzz_settlementMath_settleDecrease_matchesLibrary(
        int256 pnl,
        uint256 fee,
        int256 funding,
        uint256 collateral
    ) public view {
        pnl = bound(pnl, -int256(MAX_USD), int256(MAX_USD));
        fee = bound(fee, 0, MAX_USD);
        funding = bound(funding, -int256(MAX_USD), int256(MAX_USD));
        collateral = bound(collateral, 0, 1e24);
        TradeAmounts memory a = TradeAmounts(pnl, -1, fee, 5, funding);
        SettlementMath.Settlement memory expected = SettlementMath.settleDecrease(a, collateral, ETH_PRICE);
        (uint256 toPool, uint256 profit, uint256 shortfall) =
            h.settlementMath_settleDecrease(pnl, -1, fee, 5, funding, collateral, ETH_PRICE);
        assertEq(toPool, expected.collateralToPoolAmount);
        assertEq(profit, expected.profitUsd);
        assertEq(shortfall, expected.shortfallUsd);
        (uint256 gains, uint256 costs) = h.settlementMath_gainsAndCosts(pnl, -1, fee, 5, funding);
        (uint256 expectedGains, uint256 expectedCosts) = SettlementMath.gainsAndCosts(a);
        assertEq(gains, expectedGains);
        assertEq(costs, expectedCosts);
    }

    function testFuzz_triggerMath_matchesLibrary(
        uint8 typeIndex,
        bool isLong,
        uint256 trigger,
        uint256 min,
        uint256 max
    ) public view {
        OrderType t = OrderType(bound(typeIndex, 0, 4));
        (bool reached, uint256 price) = h.triggerMath_triggerReached(t, isLong, trigger, min, max);
        (bool expectedReached, uint256 expectedPrice) =
            TriggerMath.triggerReached(t, isLong, trigger, PriceRange(min, max));
        assertEq(reached, expectedReached);
        assertEq(price, expectedPrice);
    }
}
