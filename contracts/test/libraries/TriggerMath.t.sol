// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {TriggerMath} from "../../src/libraries/TriggerMath.sol";
import {PriceRange} from "../../src/types/Price.sol";
import {OrderType} from "../../src/types/RequestTypes.sol";
import {LibraryTest} from "./LibraryTest.sol";

/// @notice Every order type and side with the trigger at, above and below the price it is compared with.
contract TriggerMathTest is LibraryTest {
    /// @dev ETH $2,999 / $3,001 per wei.
    uint256 internal constant MIN = 2999e12;
    uint256 internal constant MAX = 3001e12;

    function test_marketOrders_alwaysReachedWithoutPrice() public pure {
        for (uint256 i; i < 2; ++i) {
            OrderType t = i == 0 ? OrderType.MarketIncrease : OrderType.MarketDecrease;
            for (uint256 j; j < 2; ++j) {
                (bool reached, uint256 price) = TriggerMath.triggerReached(t, j == 0, 0, _range());
                assertTrue(reached);
                assertEq(price, 0);
            }
        }
    }

    function test_limitIncreaseLong_buysAtOrBelowTriggerAtMaxPrice() public pure {
        // reached when max <= trigger
        _check(OrderType.LimitIncrease, true, MAX, MAX, true);
        _check(OrderType.LimitIncrease, true, MAX + 1, MAX, true);
        _check(OrderType.LimitIncrease, true, MAX - 1, MAX, false);
    }

    function test_limitIncreaseShort_sellsAtOrAboveTriggerAtMinPrice() public pure {
        // reached when min >= trigger
        _check(OrderType.LimitIncrease, false, MIN, MIN, true);
        _check(OrderType.LimitIncrease, false, MIN + 1, MIN, false);
        _check(OrderType.LimitIncrease, false, MIN - 1, MIN, true);
    }

    function test_limitDecreaseLong_takesProfitAtOrAboveTriggerAtMinPrice() public pure {
        // reached when min >= trigger
        _check(OrderType.LimitDecrease, true, MIN, MIN, true);
        _check(OrderType.LimitDecrease, true, MIN + 1, MIN, false);
        _check(OrderType.LimitDecrease, true, MIN - 1, MIN, true);
    }

    function test_limitDecreaseShort_takesProfitAtOrBelowTriggerAtMaxPrice() public pure {
        // reached when max <= trigger
        _check(OrderType.LimitDecrease, false, MAX, MAX, true);
        _check(OrderType.LimitDecrease, false, MAX + 1, MAX, true);
        _check(OrderType.LimitDecrease, false, MAX - 1, MAX, false);
    }

    function test_stopLossLong_stopsAtOrBelowTriggerAtMinPrice() public pure {
        // reached when min <= trigger
        _check(OrderType.StopLossDecrease, true, MIN, MIN, true);
        _check(OrderType.StopLossDecrease, true, MIN + 1, MIN, true);
        _check(OrderType.StopLossDecrease, true, MIN - 1, MIN, false);
    }

    function test_stopLossShort_stopsAtOrAboveTriggerAtMaxPrice() public pure {
        // reached when max >= trigger
        _check(OrderType.StopLossDecrease, false, MAX, MAX, true);
        _check(OrderType.StopLossDecrease, false, MAX + 1, MAX, false);
        _check(OrderType.StopLossDecrease, false, MAX - 1, MAX, true);
    }

    function test_RevertWhen_orderTypeIsOutOfRange() public {
        // The harness takes the enum; ABI decoding rejects 5 (no custom error: it is not a library check).
        (bool ok,) = address(h)
            .call(abi.encodeWithSelector(h.triggerMath_triggerReached.selector, uint8(5), true, MAX, MIN, MAX));
        assertFalse(ok);
    }

    function testFuzz_triggerReached_comparesTheSideWorseForTheTrader(
        uint8 typeIndex,
        bool isLong,
        uint256 trigger,
        uint256 min,
        uint256 spread
    ) public pure {
        OrderType t = OrderType(bound(typeIndex, 2, 4));
        min = bound(min, 1, 1e36);
        uint256 max = min + bound(spread, 0, min);
        trigger = bound(trigger, 1, 2e36);
        (bool reached, uint256 price) = TriggerMath.triggerReached(t, isLong, trigger, PriceRange(min, max));
        // Increases buy (long) at max and sell (short) at min; decreases the reverse.
        bool isIncrease = t == OrderType.LimitIncrease;
        assertEq(price, isIncrease == isLong ? max : min);
        // Long limit increases, short take-profits and long stop-losses wait for the price to fall to the
        // trigger; the others for it to rise to it.
        bool waitsForFall = t == OrderType.LimitIncrease ? isLong : (t == OrderType.LimitDecrease ? !isLong : isLong);
        assertEq(reached, waitsForFall ? price <= trigger : price >= trigger);
    }

    function _range() private pure returns (PriceRange memory) {
        return PriceRange({min: MIN, max: MAX});
    }

    function _check(OrderType t, bool isLong, uint256 trigger, uint256 expectedPrice, bool expectedReached)
        private
        pure
    {
        (bool reached, uint256 price) = TriggerMath.triggerReached(t, isLong, trigger, _range());
        assertEq(price, expectedPrice, "compared price");
        assertEq(reached, expectedReached, "reached");
    }
}
