// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MarketDefaults} from "../../script/MarketDefaults.sol";
import {Position, TradeAmounts} from "../../src/types/PositionTypes.sol";
import {OrderType} from "../../src/types/RequestTypes.sol";
import {RequestFixture} from "../utils/RequestFixture.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice Funding: the larger side pays the smaller at a rate proportional to the skew; receivers
/// never get more than payers pay, so the pool keeps the rounding dust.
contract FundingFeesTest is RequestFixture {
    address internal alice = makeAddr("alice"); // long $20k
    address internal bob = makeAddr("bob"); // short $10k
    bytes32 internal aliceKey;
    bytes32 internal bobKey;
    uint256 internal fundingStartedAt;

    function setUp() public override {
        super.setUp();
        depositEth(lp, 100 ether, 300_000e6);
        vm.deal(alice, 1 ether);
        vm.deal(bob, 1 ether);
        aliceKey = openEth(alice, address(usdc), 2000e6, 20_000 * USD, true);
        bobKey = openEth(bob, address(usdc), 2000e6, 10_000 * USD, false);
        fundingStartedAt = block.timestamp; // both sides open: funding runs from here
    }

    /// @dev Adds one unit of collateral, which settles the position's pending borrowing and funding.
    function _settle(address account, bool isLong) internal returns (TradeAmounts memory amounts) {
        fund(account, 0, 1);
        uint256 id = submitOrder(
            account,
            orderParams(OrderType.MarketIncrease, address(usdc), isLong, 0, 1, 0, isLong ? type(uint256).max : 0)
        );
        (, amounts) = increaseOf(executeOrderRecorded(id));
    }

    function _close(address account, bool isLong) internal returns (TradeAmounts memory amounts) {
        uint256 id = submitOrder(
            account,
            orderParams(
                OrderType.MarketDecrease, address(usdc), isLong, type(uint256).max, 0, 0, isLong ? 0 : type(uint256).max
            )
        );
        Vm.Log[] memory logs = executeOrderRecorded(id);
        (, amounts,,) = decreaseOf(logs);
    }

    /// @dev The payers' rate: factor x |long - short| / (long + short) = factor / 3 here.
    function _payerRate() internal pure returns (uint256) {
        uint256 factor = MarketDefaults.marketConfig().rates.fundingFactorPerSecond;
        return Math.mulDiv(factor, 10_000 * USD, 30_000 * USD);
    }

    function test_funding_largerSidePaysSmaller() public {
        vm.warp(block.timestamp + 1 days);
        Position memory aliceBefore = positionOf(aliceKey);
        Position memory bobBefore = positionOf(bobKey);

        TradeAmounts memory a = _settle(alice, true);
        uint256 aliceElapsed = block.timestamp - fundingStartedAt;
        TradeAmounts memory b = _settle(bob, false);
        uint256 bobElapsed = block.timestamp - fundingStartedAt;

        uint256 rate = _payerRate();
        assertEq(
            a.fundingFeeUsd,
            int256(Math.mulDiv(20_000 * USD, rate * aliceElapsed, 1e30, Math.Rounding.Ceil)),
            "longs pay size x rate x time, rounded up"
        );
        // Shorts hold half the longs' size: each of their USD earns twice the rate, rounded down.
        assertEq(b.fundingFeeUsd, -int256(Math.mulDiv(10_000 * USD, 2 * rate * bobElapsed, 1e30)), "shorts receive");
        assertApproxEqRel(uint256(a.fundingFeeUsd), 9.13e30, 0.01e18, "about $9 a day at a third of 50%/yr");

        assertLt(positionOf(aliceKey).collateralAmount, aliceBefore.collateralAmount, "the payer's collateral falls");
        assertGt(positionOf(bobKey).collateralAmount, bobBefore.collateralAmount + 1, "the receiver's grows");
    }

    function test_funding_poolKeepsTheRoundingDust() public {
        vm.warp(block.timestamp + 1 days);
        TradeAmounts memory a = _close(alice, true);
        TradeAmounts memory b = _close(bob, false);
        uint256 paid = uint256(a.fundingFeeUsd);
        uint256 received = uint256(-b.fundingFeeUsd);
        assertGt(received, 0);
        assertGe(paid, received, "receivers never get more than payers pay");
        assertLt(paid - received, 1e24, "only rounding dust (under a millionth of a dollar)");
        assertEq(marketState(ethMarket).openInterest.longUsd + marketState(ethMarket).openInterest.shortUsd, 0);
    }
}
