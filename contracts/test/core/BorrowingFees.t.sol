// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Market, RateConfig} from "../../src/types/MarketTypes.sol";
import {TradeAmounts} from "../../src/types/PositionTypes.sol";
import {MarketPrices} from "../../src/types/Price.sol";
import {RequestFixture} from "../utils/RequestFixture.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice Borrowing accrues per second at a rate set by the utilization of the pool token backing the
/// side (kink model), and is paid to the pool when the position is settled.
contract BorrowingFeesTest is RequestFixture {
    function setUp() public override {
        super.setUp();
        depositEth(lp, 100 ether, 300_000e6);
    }

    /// @dev The kink model, written out: base + slope1 x u / optimal below the kink, base + slope1 +
    /// slope2 x (u - optimal) / (1 - optimal) above it; each term rounded up.
    function _ratePerSecond(uint256 utilization) internal view returns (uint256) {
        RateConfig memory c = marketState(ethMarket).config.rates;
        if (utilization <= c.optimalUtilizationFactor) {
            return c.borrowingBaseRatePerSecond
                + Math.mulDiv(c.borrowingSlope1PerSecond, utilization, c.optimalUtilizationFactor, Math.Rounding.Ceil);
        }
        return c.borrowingBaseRatePerSecond + c.borrowingSlope1PerSecond
            + Math.mulDiv(
            c.borrowingSlope2PerSecond,
            utilization - c.optimalUtilizationFactor,
            1e30 - c.optimalUtilizationFactor,
            Math.Rounding.Ceil
        );
    }

    /// @dev Long utilization: index tokens held by longs at the max price over the long pool at min.
    function _longUtilization() internal view returns (uint256 u) {
        Market memory m = marketState(ethMarket);
        MarketPrices memory p = ethMarketPrices();
        u = Math.mulDiv(
            m.openInterest.longTokens * p.index.max, 1e30, m.balances.longAmount * p.long.min, Math.Rounding.Ceil
        );
        if (u > 1e30) u = 1e30;
    }

    function _close() internal returns (TradeAmounts memory amounts, uint256 usdcOut) {
        uint256 before = usdc.balanceOf(trader);
        vm.recordLogs();
        closeEth(trader, address(usdc), type(uint256).max, true);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        (, amounts,,) = decreaseOf(logs);
        usdcOut = usdc.balanceOf(trader) - before;
    }

    function test_borrowing_accruesByUtilizationOverTime() public {
        uint256 sizeUsd = 100_000 * USD;
        openEth(trader, address(usdc), 10_000e6, sizeUsd, true);
        vm.warp(block.timestamp + 1 days);

        uint256 u = _longUtilization();
        assertGt(u, 30 * PCT, "a third of the pool's WETH is reserved");
        uint256 elapsed = block.timestamp + 1 - marketState(ethMarket).rates.lastAccruedAt;
        uint256 expectedFee = Math.mulDiv(sizeUsd, elapsed * _ratePerSecond(u), 1e30, Math.Rounding.Ceil);

        (TradeAmounts memory amounts,) = _close();
        assertEq(amounts.borrowingFeeUsd, expectedFee, "size x elapsed x rate(utilization)");
        assertApproxEqRel(expectedFee, 36 * USD, 0.05e18, "about 13% a year on $100k for a day");
    }

    function test_borrowing_ratePerSecondRisesWithUtilization() public {
        uint256 snap = vm.snapshotState();
        openEth(trader, address(usdc), 20_000e6, 30_000 * USD, true);
        vm.warp(block.timestamp + 1 days);
        (TradeAmounts memory low,) = _close();
        vm.revertToState(snap);

        openEth(trader, address(usdc), 20_000e6, 260_000 * USD, true);
        assertGt(_longUtilization(), 80 * PCT, "beyond the kink");
        vm.warp(block.timestamp + 1 days);
        (TradeAmounts memory high,) = _close();

        uint256 lowPerUsd = low.borrowingFeeUsd * 1e6 / 30_000;
        uint256 highPerUsd = high.borrowingFeeUsd * 1e6 / 260_000;
        assertGt(highPerUsd, lowPerUsd * 4, "the kink makes high utilization far dearer");
    }

    function test_borrowing_isPaidToThePoolOnClose() public {
        openEth(trader, address(usdc), 10_000e6, 100_000 * USD, true);
        uint256 snap = vm.snapshotState();
        (TradeAmounts memory soon, uint256 outSoon) = _close();
        uint256 poolSoon = marketState(ethMarket).balances.shortAmount;
        vm.revertToState(snap);

        vm.warp(block.timestamp + 1 days);
        (TradeAmounts memory late, uint256 outLate) = _close();
        uint256 poolLate = marketState(ethMarket).balances.shortAmount;

        uint256 extraFeeUsd = late.borrowingFeeUsd - soon.borrowingFeeUsd;
        MarketPrices memory p = ethMarketPrices();
        uint256 extraFeeAmount = extraFeeUsd / p.short.min;
        assertGt(extraFeeAmount, 30e6, "a day of borrowing");
        assertApproxEqAbs(outSoon - outLate, extraFeeAmount, 1, "the trader pays it from collateral");
        assertEq(poolLate - poolSoon, outSoon - outLate, "and the pool receives it");
    }
}
