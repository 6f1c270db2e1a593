// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {PoolMath} from "../../src/libraries/PoolMath.sol";
import {LibraryTest} from "./LibraryTest.sol";

contract PoolMathTest is LibraryTest {
    int256 internal constant IUSD = int256(USD);
    /// @dev One pool share (18 decimals).
    uint256 internal constant SHARE = 1e18;

    // ------------------------------------------------------------------ cappedPnlUsd

    function test_cappedPnlUsd_examples() public pure {
        // cap = $1,000 x 5% = $50
        assertEq(PoolMath.cappedPnlUsd(100 * IUSD, 1000 * USD, 5 * PCT), 50 * IUSD);
        assertEq(PoolMath.cappedPnlUsd(30 * IUSD, 1000 * USD, 5 * PCT), 30 * IUSD);
        assertEq(PoolMath.cappedPnlUsd(-100 * IUSD, 1000 * USD, 5 * PCT), -100 * IUSD, "losses are not capped");
        assertEq(PoolMath.cappedPnlUsd(100 * IUSD, 1000 * USD, 0), 100 * IUSD, "factor 0: no cap");
        assertEq(PoolMath.cappedPnlUsd(100 * IUSD, 0, 5 * PCT), 0, "empty side");
        // cap 3 x 50% = 1.5 -> 1
        assertEq(PoolMath.cappedPnlUsd(5, 3, ONE / 2), 1);
    }

    function testFuzz_cappedPnlUsd_neverAbovePnlOrCap(int256 pnl, uint256 poolUsd, uint256 factor) public pure {
        pnl = bound(pnl, -int256(MAX_USD), int256(MAX_USD));
        poolUsd = bound(poolUsd, 0, MAX_USD);
        factor = bound(factor, 0, ONE);
        int256 capped = PoolMath.cappedPnlUsd(pnl, poolUsd, factor);
        assertLe(capped, pnl);
        if (pnl <= 0 || factor == 0) assertEq(capped, pnl);
        else assertTrue(capped >= 0 && uint256(capped) <= poolUsd * factor / ONE);
    }

    // ------------------------------------------------------------------ poolValueUsd

    function test_poolValueUsd_example() public pure {
        // $1,000 + $2,000 + $10 borrowing + $5 funding - $100 long profit + $50 short loss = $2,965
        assertEq(PoolMath.poolValueUsd(_inputs(1000, 2000, 10, 5, 100, -50)), 2965 * IUSD);
    }

    function test_poolValueUsd_negativeWhenTradersWinMoreThanPool() public pure {
        assertEq(PoolMath.poolValueUsd(_inputs(100, 0, 0, 0, 300, 0)), -200 * IUSD);
        assertEq(PoolMath.poolValueUsd(_inputs(0, 0, 0, -5, 0, 0)), -5 * IUSD);
    }

    // ------------------------------------------------------------------ shares

    function test_sharesForDepositUsd_emptyPoolMintsOneSharePerDollar() public pure {
        // $1,000 x (0 + 1e18) / (0 + 1e30) = 1,000 shares
        assertEq(PoolMath.sharesForDepositUsd(1000 * USD, 0, 0), 1000 * SHARE);
        assertEq(PoolMath.sharesForDepositUsd(1000 * USD, -5 * IUSD, 0), 1000 * SHARE, "negative value counts as 0");
    }

    function test_sharesForDepositUsd_withVirtualOffsets() public pure {
        // pool $2,000 with 1,000 shares: $1,000 x 1001e18 / 2001e30 = 500.249875062468765617 shares
        assertEq(PoolMath.sharesForDepositUsd(1000 * USD, 2000 * IUSD, 1000 * SHARE), 500_249_875_062_468_765_617);
        assertEq(PoolMath.sharesForDepositUsd(0, 2000 * IUSD, 1000 * SHARE), 0);
    }

    function test_usdForShares_roundsDown() public pure {
        // 1,000 shares of $2,000 / 1,000 shares: 1000e18 x 2001e30 / 1001e18 = $1,999.000999...
        assertEq(
            PoolMath.usdForShares(1000 * SHARE, 2000 * IUSD, 1000 * SHARE),
            1_999_000_999_000_999_000_999_000_999_000_999
        );
        assertEq(PoolMath.usdForShares(0, 2000 * IUSD, 1000 * SHARE), 0);
        // a pool worth nothing: only the virtual dollar, shared with the virtual shares
        assertEq(PoolMath.usdForShares(SHARE, -IUSD, SHARE), USD / 2);
    }

    /// @notice Deposit then withdraw with the pool value moving only by the deposit: never more out
    /// than in.
    function testFuzz_depositThenWithdraw_neverReturnsMore(int256 poolValue, uint256 supply, uint256 depositUsd)
        public
        pure
    {
        poolValue = bound(poolValue, -int256(MAX_USD), int256(MAX_USD));
        supply = bound(supply, 0, 1e36);
        depositUsd = bound(depositUsd, 0, MAX_USD);
        uint256 shares = PoolMath.sharesForDepositUsd(depositUsd, poolValue, supply);
        uint256 usdOut = PoolMath.usdForShares(shares, poolValue + int256(depositUsd), supply + shares);
        assertLe(usdOut, depositUsd);
    }

    /// @notice The exact bound: with no shares outstanding a $1 deposit mints at least one share-unit
    /// until the pool is worth $1e18 - $1 (a donation the virtual shares would mostly keep).
    function test_inflation_dollarDepositRoundsToZeroOnlyAboveBound() public pure {
        // $1 x 1e18 / (V + 1e30) >= 1  <=>  V <= 1e48 - 1e30
        assertEq(PoolMath.sharesForDepositUsd(USD, 1e48 - 1e30, 0), 1);
        assertEq(PoolMath.sharesForDepositUsd(USD, 1e48 - 1e30 + 1, 0), 0);
        // at $1e12 (the largest realistic pool) it still mints 999,999 share-units
        assertEq(PoolMath.sharesForDepositUsd(USD, int256(MAX_USD + USD), 0), 999_999);
    }

    /// @notice First-depositor inflation: an attacker deposits up to $1 into an empty pool, then the
    /// pool value is inflated by up to $1e12. A later deposit of at least $1 still mints shares, loses
    /// at most one share-unit's worth to rounding, and the attacker gains at most that dust.
    function testFuzz_inflation_laterDepositorKeepsShares(uint256 attackerUsd, uint256 inflationUsd, uint256 victimUsd)
        public
        pure
    {
        attackerUsd = bound(attackerUsd, 1, USD);
        inflationUsd = bound(inflationUsd, 0, MAX_USD);
        victimUsd = bound(victimUsd, USD, MAX_USD);

        uint256 attackerShares = PoolMath.sharesForDepositUsd(attackerUsd, 0, 0);
        uint256 value = attackerUsd + inflationUsd;
        uint256 victimShares = PoolMath.sharesForDepositUsd(victimUsd, int256(value), attackerShares);
        // shares >= $1 x 1e18 / ($1e12 + $2) = 999,999
        assertGe(victimShares, 999_999, "victim shares");

        uint256 supply = attackerShares + victimShares;
        uint256 valueAfter = value + victimUsd;
        uint256 victimOut = PoolMath.usdForShares(victimShares, int256(valueAfter), supply);
        uint256 sharePrice = (value + PoolMath.VIRTUAL_USD) / (attackerShares + PoolMath.VIRTUAL_SHARES) + 1;
        assertLe(victimOut, victimUsd);
        assertLe(victimUsd - victimOut, sharePrice + 1, "victim loses at most a share-unit");
        uint256 attackerOut = PoolMath.usdForShares(attackerShares, int256(valueAfter), supply);
        // The attacker put in `value` (deposit + inflation) and gets back at most that plus the victim's
        // rounding dust (under one share-unit's worth): the victim's deposit cannot be captured.
        assertLe(attackerOut, value + sharePrice, "attacker gains at most dust");
    }

    // ------------------------------------------------------------------ splitWithdrawalUsd

    function test_splitWithdrawalUsd_examples() public pure {
        (uint256 longUsd, uint256 shortUsd) = PoolMath.splitWithdrawalUsd(100 * USD, 30 * USD, 70 * USD);
        assertEq(longUsd, 30 * USD);
        assertEq(shortUsd, 70 * USD);
        // 10 x 1 / 3 = 3.33 -> long 3, short the rest 7
        (longUsd, shortUsd) = PoolMath.splitWithdrawalUsd(10, 1, 2);
        assertEq(longUsd, 3);
        assertEq(shortUsd, 7);
        (longUsd, shortUsd) = PoolMath.splitWithdrawalUsd(10, 0, 0);
        assertEq(longUsd, 0);
        assertEq(shortUsd, 0);
    }

    function testFuzz_splitWithdrawalUsd_partsAddUp(uint256 usd, uint256 longTokenUsd, uint256 shortTokenUsd)
        public
        pure
    {
        usd = bound(usd, 0, MAX_USD);
        longTokenUsd = bound(longTokenUsd, 0, MAX_USD);
        shortTokenUsd = bound(shortTokenUsd, 1, MAX_USD);
        (uint256 longUsd, uint256 shortUsd) = PoolMath.splitWithdrawalUsd(usd, longTokenUsd, shortTokenUsd);
        assertEq(longUsd + shortUsd, usd);
        assertTrue(_mulLe(longUsd, longTokenUsd + shortTokenUsd, usd, longTokenUsd), "long part rounded down");
    }

    // ------------------------------------------------------------------ pnlToPoolFactor

    function test_pnlToPoolFactor_examples() public pure {
        assertEq(PoolMath.pnlToPoolFactor(25 * IUSD, 100 * USD), 25 * PCT);
        assertEq(PoolMath.pnlToPoolFactor(0, 100 * USD), 0);
        assertEq(PoolMath.pnlToPoolFactor(-5 * IUSD, 100 * USD), 0);
        assertEq(PoolMath.pnlToPoolFactor(1, 0), type(uint256).max, "profit against an empty side");
        assertEq(PoolMath.pnlToPoolFactor(-1, 0), 0);
        assertEq(PoolMath.pnlToPoolFactor(1, 3), 333_333_333_333_333_333_333_333_333_333, "rounds down");
    }

    // ------------------------------------------------------------------ capRealizedProfit

    function test_capRealizedProfit_examples() public pure {
        // side profit $1,000 capped at $500: a $100 profit becomes $50
        assertEq(PoolMath.capRealizedProfit(100 * IUSD, 1000 * IUSD, 500 * IUSD), 50 * IUSD);
        assertEq(PoolMath.capRealizedProfit(100 * IUSD, 1000 * IUSD, 1000 * IUSD), 100 * IUSD, "not capped");
        assertEq(PoolMath.capRealizedProfit(-100 * IUSD, 1000 * IUSD, 500 * IUSD), -100 * IUSD, "loss");
        assertEq(PoolMath.capRealizedProfit(100 * IUSD, -5 * IUSD, -5 * IUSD), 100 * IUSD, "side not in profit");
        assertEq(PoolMath.capRealizedProfit(100 * IUSD, 1000 * IUSD, 0), 0, "cap of zero");
        // 10 x 1 / 3 = 3.33 -> 3
        assertEq(PoolMath.capRealizedProfit(10, 3, 1), 3);
    }

    function testFuzz_capRealizedProfit_neverIncreasesProfit(
        int256 realized,
        int256 sidePnl,
        uint256 poolUsd,
        uint256 factor
    ) public pure {
        realized = bound(realized, -int256(MAX_USD), int256(MAX_USD));
        sidePnl = bound(sidePnl, -int256(MAX_USD), int256(MAX_USD));
        poolUsd = bound(poolUsd, 0, MAX_USD);
        factor = bound(factor, 0, ONE);
        int256 capped = PoolMath.capRealizedProfit(realized, sidePnl, PoolMath.cappedPnlUsd(sidePnl, poolUsd, factor));
        assertLe(capped, realized);
        if (realized <= 0) assertEq(capped, realized);
        else assertGe(capped, 0);
    }

    function _inputs(int256 longUsd, int256 shortUsd, int256 borrowing, int256 funding, int256 longPnl, int256 shortPnl)
        private
        pure
        returns (PoolMath.PoolValueInputs memory)
    {
        return PoolMath.PoolValueInputs({
            longTokenUsd: uint256(longUsd) * USD,
            shortTokenUsd: uint256(shortUsd) * USD,
            pendingBorrowingUsd: uint256(borrowing) * USD,
            pendingFundingUsd: funding * IUSD,
            longPnlUsd: longPnl * IUSD,
            shortPnlUsd: shortPnl * IUSD
        });
    }
}
