// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SettlementMath} from "../../src/libraries/SettlementMath.sol";
import {TradeAmounts} from "../../src/types/PositionTypes.sol";
import {LibraryTest} from "./LibraryTest.sol";

contract SettlementMathTest is LibraryTest {
    int256 internal constant IUSD = int256(USD);

    // ------------------------------------------------------------------ gainsAndCosts

    function test_gainsAndCosts_examples() public pure {
        // gains: $100 pnl + $4 funding earned = $104; costs: $5 impact + $3 borrowing + $2 fee = $10
        (uint256 gains, uint256 costs) = SettlementMath.gainsAndCosts(_amounts(100 * IUSD, -5 * IUSD, 2, 3, -4 * IUSD));
        assertEq(gains, 104 * USD);
        assertEq(costs, 10 * USD);
        // gains: $7 impact; costs: $50 loss + $3 funding owed + $2 borrowing + $1 fee = $56
        (gains, costs) = SettlementMath.gainsAndCosts(_amounts(-50 * IUSD, 7 * IUSD, 1, 2, 3 * IUSD));
        assertEq(gains, 7 * USD);
        assertEq(costs, 56 * USD);
    }

    // ------------------------------------------------------------------ settleDecrease

    function test_settleDecrease_netGainIsProfit() public pure {
        SettlementMath.Settlement memory r =
            SettlementMath.settleDecrease(_amounts(100 * IUSD, -5 * IUSD, 2, 3, -4 * IUSD), 100e6, USDC_PRICE);
        assertEq(r.profitUsd, 94 * USD);
        assertEq(r.collateralToPoolAmount, 0);
        assertEq(r.shortfallUsd, 0);
    }

    function test_settleDecrease_netCostFromCollateral() public pure {
        // net cost $49 = 49e6 USDC; in ETH at $3,000: ceil(49e30 / 3e15) = 16333333333333334 wei
        TradeAmounts memory a = _amounts(-50 * IUSD, 7 * IUSD, 1, 2, 3 * IUSD);
        SettlementMath.Settlement memory r = SettlementMath.settleDecrease(a, 100e6, USDC_PRICE);
        assertEq(r.collateralToPoolAmount, 49e6);
        assertEq(r.profitUsd, 0);
        assertEq(r.shortfallUsd, 0);
        r = SettlementMath.settleDecrease(a, 1e18, ETH_PRICE);
        assertEq(r.collateralToPoolAmount, 16_333_333_333_333_334);
        assertEq(r.shortfallUsd, 0);
    }

    function test_settleDecrease_costRoundsUpToWholeCollateralUnit() public pure {
        // $1 + 1e-30 costs 1e6 + 1 USDC units
        SettlementMath.Settlement memory r =
            SettlementMath.settleDecrease(_amounts(-IUSD - 1, 0, 0, 0, 0), 2e6, USDC_PRICE);
        assertEq(r.collateralToPoolAmount, 1e6 + 1);
    }

    function test_settleDecrease_shortfallBeyondCollateral() public pure {
        // $49 owed, $5 of collateral: all of it goes to the pool, $44 is the shortfall
        TradeAmounts memory a = _amounts(-50 * IUSD, 7 * IUSD, 1, 2, 3 * IUSD);
        SettlementMath.Settlement memory r = SettlementMath.settleDecrease(a, 5e6, USDC_PRICE);
        assertEq(r.collateralToPoolAmount, 5e6);
        assertEq(r.shortfallUsd, 44 * USD);
        // exactly enough collateral: no shortfall
        r = SettlementMath.settleDecrease(a, 49e6, USDC_PRICE);
        assertEq(r.collateralToPoolAmount, 49e6);
        assertEq(r.shortfallUsd, 0);
        // no collateral at all
        r = SettlementMath.settleDecrease(a, 0, USDC_PRICE);
        assertEq(r.collateralToPoolAmount, 0);
        assertEq(r.shortfallUsd, 49 * USD);
    }

    function test_settleDecrease_balancedMovesNothing() public pure {
        SettlementMath.Settlement memory r =
            SettlementMath.settleDecrease(_amounts(5 * IUSD, 0, 5, 0, 0), 0, USDC_PRICE);
        assertEq(r.profitUsd, 0);
        assertEq(r.collateralToPoolAmount, 0);
        assertEq(r.shortfallUsd, 0);
    }

    /// @notice What the pool receives (collateral at its min price plus the recorded shortfall) always
    /// covers the net cost, and never more than one collateral unit beyond it.
    function testFuzz_settleDecrease_conservation(
        int256 pnl,
        int256 impact,
        uint256 positionFee,
        uint256 borrowingFee,
        int256 fundingFee,
        uint256 collateral,
        uint256 price
    ) public pure {
        TradeAmounts memory a = _amounts(
            bound(pnl, -int256(MAX_USD), int256(MAX_USD)),
            bound(impact, -int256(MAX_USD), int256(MAX_USD)),
            0,
            0,
            bound(fundingFee, -int256(MAX_USD), int256(MAX_USD))
        );
        a.positionFeeUsd = bound(positionFee, 0, MAX_USD);
        a.borrowingFeeUsd = bound(borrowingFee, 0, MAX_USD);
        collateral = bound(collateral, 0, 1e30);
        price = bound(price, 1e12, 1e27);
        (uint256 gains, uint256 costs) = SettlementMath.gainsAndCosts(a);
        SettlementMath.Settlement memory r = SettlementMath.settleDecrease(a, collateral, price);
        if (gains >= costs) {
            assertEq(r.profitUsd, gains - costs);
            assertEq(r.collateralToPoolAmount, 0);
            assertEq(r.shortfallUsd, 0);
            return;
        }
        uint256 netCost = costs - gains;
        assertEq(r.profitUsd, 0);
        assertLe(r.collateralToPoolAmount, collateral);
        assertGe(r.collateralToPoolAmount * price + r.shortfallUsd, netCost, "pool covered");
        assertLt(r.collateralToPoolAmount * price, netCost + price, "at most one unit extra");
        if (r.shortfallUsd > 0) {
            assertEq(r.collateralToPoolAmount, collateral, "shortfall only after all collateral");
            assertEq(r.shortfallUsd, netCost - collateral * price, "shortfall exact");
        }
    }

    // ------------------------------------------------------------------ liquidationFeeAmount

    function test_liquidationFeeAmount_examples() public pure {
        // $10,000 x 0.5% = $50 = 50e6 USDC, or ceil(50e30 / 3e15) = 16666666666666667 wei
        assertEq(SettlementMath.liquidationFeeAmount(10_000 * USD, PCT / 2, USDC_PRICE, 100e6), 50e6);
        assertEq(SettlementMath.liquidationFeeAmount(10_000 * USD, PCT / 2, ETH_PRICE, 1e18), 16_666_666_666_666_667);
        assertEq(SettlementMath.liquidationFeeAmount(10_000 * USD, PCT / 2, USDC_PRICE, 30e6), 30e6, "capped");
        assertEq(SettlementMath.liquidationFeeAmount(10_000 * USD, PCT / 2, USDC_PRICE, 0), 0, "nothing left");
        assertEq(SettlementMath.liquidationFeeAmount(10_000 * USD, 0, USDC_PRICE, 100e6), 0);
    }

    function testFuzz_liquidationFeeAmount_neverExceedsCollateralLeft(
        uint256 size,
        uint256 factor,
        uint256 price,
        uint256 collateralLeft
    ) public pure {
        size = bound(size, 0, MAX_USD);
        factor = bound(factor, 0, 2 * PCT);
        price = bound(price, 1e12, 1e27);
        collateralLeft = bound(collateralLeft, 0, 1e30);
        uint256 fee = SettlementMath.liquidationFeeAmount(size, factor, price, collateralLeft);
        assertLe(fee, collateralLeft);
        if (fee < collateralLeft) assertGe(fee * price, size * factor / ONE, "rounded up when not capped");
    }

    // ------------------------------------------------------------------ coverShortfall

    function test_coverShortfall_shortTokenFirstThenLong() public pure {
        // $100: 60 USDC cover $60; the $40 left takes floor(40e30 / 3e15) = 13333333333333333 wei,
        // worth $39.999999999999999; 1e15 (a thousandth of a trillionth of a dollar) stays with LPs
        (uint256 fromShort, uint256 fromLong, uint256 covered) =
            SettlementMath.coverShortfall(100 * USD, 60e6, USDC_PRICE, 1e18, ETH_PRICE);
        assertEq(fromShort, 60e6);
        assertEq(fromLong, 13_333_333_333_333_333);
        assertEq(covered, 99_999_999_999_999_999e15);
    }

    function test_coverShortfall_amplyFundedOrEmpty() public pure {
        (uint256 fromShort, uint256 fromLong, uint256 covered) =
            SettlementMath.coverShortfall(100 * USD, 1000e6, USDC_PRICE, 1e18, ETH_PRICE);
        assertEq(fromShort, 100e6);
        assertEq(fromLong, 0);
        assertEq(covered, 100 * USD);
        (fromShort, fromLong, covered) = SettlementMath.coverShortfall(100 * USD, 0, USDC_PRICE, 0, ETH_PRICE);
        assertEq(fromShort + fromLong + covered, 0);
        // less than one unit of either token: nothing moves
        (fromShort, fromLong, covered) = SettlementMath.coverShortfall(1e15, 1e6, USDC_PRICE, 1e18, ETH_PRICE);
        assertEq(fromShort + fromLong + covered, 0);
    }

    function testFuzz_coverShortfall_neverBeyondFundOrShortfall(
        uint256 shortfall,
        uint256 insuranceShort,
        uint256 shortPrice,
        uint256 insuranceLong,
        uint256 longPrice
    ) public pure {
        shortfall = bound(shortfall, 0, MAX_USD);
        insuranceShort = bound(insuranceShort, 0, 1e30);
        insuranceLong = bound(insuranceLong, 0, 1e30);
        shortPrice = bound(shortPrice, 1e12, 1e27);
        longPrice = bound(longPrice, 1e12, 1e27);
        (uint256 fromShort, uint256 fromLong, uint256 covered) =
            SettlementMath.coverShortfall(shortfall, insuranceShort, shortPrice, insuranceLong, longPrice);
        assertLe(fromShort, insuranceShort);
        assertLe(fromLong, insuranceLong);
        assertLe(covered, shortfall);
        assertEq(covered, fromShort * shortPrice + fromLong * longPrice);
        // It takes as much as it can: what is left is below one unit of a token that still has funds.
        if (fromShort < insuranceShort && fromLong < insuranceLong) {
            assertLt(shortfall - covered, longPrice);
            assertLt(shortfall - fromShort * shortPrice, shortPrice);
        }
    }

    function _amounts(int256 pnl, int256 impact, uint256 positionFee, uint256 borrowingFee, int256 fundingFee)
        private
        pure
        returns (TradeAmounts memory)
    {
        return TradeAmounts({
            realizedPnlUsd: pnl,
            priceImpactUsd: impact,
            positionFeeUsd: positionFee * USD,
            borrowingFeeUsd: borrowingFee * USD,
            fundingFeeUsd: fundingFee
        });
    }
}
