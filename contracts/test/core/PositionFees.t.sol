// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {TradeAmounts} from "../../src/types/PositionTypes.sol";
import {OrderType} from "../../src/types/RequestTypes.sol";
import {RequestFixture} from "../utils/RequestFixture.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice The open/close fee is 5 bp for a trade that reduces the open-interest skew (positive price
/// impact) and 7 bp for one that adds to it.
contract PositionFeesTest is RequestFixture {
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");

    function setUp() public override {
        super.setUp();
        depositEth(lp, 100 ether, 300_000e6);
        vm.deal(alice, 1 ether);
        vm.deal(bob, 1 ether);
        vm.deal(carol, 1 ether);
    }

    function _open(address account, bool isLong, uint256 sizeUsd) internal returns (TradeAmounts memory amounts) {
        fund(account, 0, 2000e6);
        uint256 id = submitOrder(
            account,
            orderParams(
                OrderType.MarketIncrease, address(usdc), isLong, sizeUsd, 2000e6, 0, isLong ? type(uint256).max : 0
            )
        );
        (, amounts) = increaseOf(executeOrderRecorded(id));
    }

    function _feeUsd(uint256 sizeUsd, uint256 bps) internal pure returns (uint256) {
        return Math.mulDiv(sizeUsd, bps * BPS, 1e30, Math.Rounding.Ceil);
    }

    function test_openFee_lowerWhenTradeReducesSkew() public {
        TradeAmounts memory a = _open(alice, true, 20_000 * USD);
        assertLt(a.priceImpactUsd, 0, "the first long builds skew");
        assertEq(a.positionFeeUsd, _feeUsd(20_000 * USD, 7), "7 bp");

        TradeAmounts memory b = _open(bob, false, 10_000 * USD);
        assertGt(b.priceImpactUsd, 0, "a short reduces the long skew");
        assertEq(b.positionFeeUsd, _feeUsd(10_000 * USD, 5), "5 bp");
        assertLt(b.positionFeeUsd * 20_000, a.positionFeeUsd * 10_000, "cheaper per USD");
    }

    function test_openFee_higherWhenTradeAddsToSkew() public {
        _open(alice, true, 20_000 * USD);
        TradeAmounts memory c = _open(carol, true, 10_000 * USD);
        assertLt(c.priceImpactUsd, 0);
        assertEq(c.positionFeeUsd, _feeUsd(10_000 * USD, 7));
    }

    function test_closeFee_lowerWhenCloseReducesSkew() public {
        _open(alice, true, 20_000 * USD);
        _open(bob, false, 5000 * USD);
        // Alice closing part of her long reduces the long skew: the lower fee.
        uint256 id = submitOrder(alice, orderParams(OrderType.MarketDecrease, address(usdc), true, 5000 * USD, 0, 0, 0));
        Vm.Log[] memory logs = executeOrderRecorded(id);
        (, TradeAmounts memory amounts,,) = decreaseOf(logs);
        assertGt(amounts.priceImpactUsd, 0);
        assertEq(amounts.positionFeeUsd, _feeUsd(5000 * USD, 5));

        // Bob closing his short adds back to the skew: the higher fee.
        id = submitOrder(
            bob, orderParams(OrderType.MarketDecrease, address(usdc), false, 5000 * USD, 0, 0, type(uint256).max)
        );
        logs = executeOrderRecorded(id);
        (, amounts,,) = decreaseOf(logs);
        assertLt(amounts.priceImpactUsd, 0);
        assertEq(amounts.positionFeeUsd, _feeUsd(5000 * USD, 7));
    }
}
