// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Market} from "../../src/types/MarketTypes.sol";
import {RequestFixture} from "../utils/RequestFixture.sol";

/// @notice Depositing and withdrawing in an unchanged state never returns more value than was put in:
/// the fees, the price spread and every rounding favour the pool.
contract LpRoundTripTest is RequestFixture {
    address internal lp2 = makeAddr("lp2");

    function setUp() public override {
        super.setUp();
        depositEth(lp, 100 ether, 300_000e6);
        vm.deal(lp2, 10 ether);
    }

    function _roundTrip(uint256 wethIn, uint256 usdcIn) internal returns (uint256 wethOut, uint256 usdcOut) {
        fund(lp2, wethIn, usdcIn);
        executeDeposit(createDeposit(lp2, ethMarket, wethIn, usdcIn));
        uint256 shares = sharesOf(lp2);
        assertGt(shares, 0, "shares minted");
        executeWithdrawal(createWithdrawalAs(lp2, shares, 0, 0));
        assertEq(sharesOf(lp2), 0);
        wethOut = weth.balanceOf(lp2);
        usdcOut = usdc.balanceOf(lp2);
    }

    function _bound(uint256 wethIn, uint256 usdcIn) internal pure returns (uint256, uint256) {
        wethIn = bound(wethIn, 0, 1000 ether);
        usdcIn = bound(usdcIn, 0, 3_000_000e6);
        if (wethIn == 0 && usdcIn == 0) usdcIn = 1;
        return (wethIn, usdcIn);
    }

    function testFuzz_depositThenWithdraw_neverReturnsMore(uint256 wethIn, uint256 usdcIn) public {
        (wethIn, usdcIn) = _bound(wethIn, usdcIn);
        (uint256 wethOut, uint256 usdcOut) = _roundTrip(wethIn, usdcIn);
        assertLe(midValueUsd(wethOut, usdcOut), midValueUsd(wethIn, usdcIn), "no value created");
    }

    /// @dev With no liquidity fee and no spread only rounding separates what goes in from what comes out:
    /// it must still never favour the LP.
    function testFuzz_roundTripWithoutFeeOrSpread_neverGains(uint256 wethIn, uint256 usdcIn) public {
        Market memory m = marketState(ethMarket);
        m.config.fees.liquidityFeeFactor = 0;
        exchange.setMarketConfig(ethMarket, m.config);
        confBps = 0;
        (wethIn, usdcIn) = _bound(wethIn, usdcIn);
        (uint256 wethOut, uint256 usdcOut) = _roundTrip(wethIn, usdcIn);
        assertLe(midValueUsd(wethOut, usdcOut), midValueUsd(wethIn, usdcIn), "rounding favours the pool");
    }

    function test_roundTrip_costsTheFeesAndTheSpread() public {
        (uint256 wethOut, uint256 usdcOut) = _roundTrip(10 ether, 30_000e6);
        uint256 valueIn = midValueUsd(10 ether, 30_000e6);
        uint256 valueOut = midValueUsd(wethOut, usdcOut);
        // Two 3 bp liquidity fees plus the 1 bp half-spread on each conversion: about 10 bp in all.
        assertGt(valueOut, valueIn * 9985 / 10_000, "not more than the fees and spread");
        assertLt(valueOut, valueIn * 9995 / 10_000, "at least the fees");
    }
}
