// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPoolToken} from "../../src/interfaces/IPoolToken.sol";
import {MarketPrices} from "../../src/types/Price.sol";
import {RequestFixture} from "../utils/RequestFixture.sol";

/// @notice The first-depositor (share inflation) attack fails: pool value comes from the vault's
/// accounting, not its token balances, so a donation does not move the share price, and virtual
/// shares keep a tiny first deposit from setting an absurd one.
contract FirstDepositorTest is RequestFixture {
    address internal attacker = makeAddr("attacker");
    address internal victim = makeAddr("victim");

    function setUp() public override {
        super.setUp();
        vm.deal(attacker, 1 ether);
        vm.deal(victim, 1 ether);
    }

    function _withdrawAll(address account) internal returns (uint256 usdcOut) {
        uint256 before = usdc.balanceOf(account);
        uint256 shares = sharesOf(account);
        if (shares > 0) executeWithdrawal(createWithdrawalAs(account, shares, 0, 0));
        usdcOut = usdc.balanceOf(account) - before;
    }

    function test_donationToVault_doesNotMoveShareValue() public {
        fund(attacker, 0, 1_000_000e6 + 1);
        executeDeposit(createDeposit(attacker, ethMarket, 0, 1));
        assertGt(sharesOf(attacker), 0, "a dust deposit gets shares");

        MarketPrices memory p = ethMarketPrices();
        int256 valueBefore = exchange.getPoolValue(ethMarket, p, true, true);
        vm.prank(attacker);
        assertTrue(usdc.transfer(ethMarket, 1_000_000e6));
        assertEq(exchange.getPoolValue(ethMarket, p, true, true), valueBefore, "a donation is not pool value");

        fund(victim, 0, 10_000e6);
        executeDeposit(createDeposit(victim, ethMarket, 0, 10_000e6));
        assertGt(sharesOf(victim), sharesOf(attacker) * 1e9, "the victim's shares are priced fairly");

        uint256 victimOut = _withdrawAll(victim);
        assertGe(victimOut, 9990e6, "the victim loses only fees and spread");
        assertLe(victimOut, 10_000e6);
        // The attacker, an LP while the victim paid its fees, may earn its pro-rata share of them (a few
        // millionths of a dollar here), never the victim's principal; the donation is lost.
        uint256 attackerOut = _withdrawAll(attacker);
        assertLe(attackerOut - 1, 10_000e6 - victimOut, "gain bounded by the fees the victim paid");
        assertLt(attackerOut, 10, "a few millionths of a dollar");
        assertEq(
            usdc.balanceOf(ethMarket) - accountedBalance(ethMarket, address(usdc)),
            1_000_000e6,
            "the donation stays unowned in the vault"
        );
    }

    function testFuzz_firstDepositorCannotStealFromSecond(uint256 attackerDeposit, uint256 donation) public {
        attackerDeposit = bound(attackerDeposit, 1, 1_000_000e6);
        donation = bound(donation, 0, 10_000_000e6);
        fund(attacker, 0, attackerDeposit + donation);
        executeDeposit(createDeposit(attacker, ethMarket, 0, attackerDeposit));
        vm.prank(attacker);
        assertTrue(usdc.transfer(ethMarket, donation));

        fund(victim, 0, 10_000e6);
        executeDeposit(createDeposit(victim, ethMarket, 0, 10_000e6));
        uint256 victimOut = _withdrawAll(victim);
        assertGe(victimOut, 9990e6, "victim made whole but for fees and spread");
        uint256 attackerOut = _withdrawAll(attacker);
        assertLe(attackerOut + victimOut, attackerDeposit + 10_000e6, "no value created from the donation");
        if (attackerOut > attackerDeposit) {
            assertLe(attackerOut - attackerDeposit, 10_000e6 - victimOut, "gain bounded by the victim's fees");
        }
    }
}
