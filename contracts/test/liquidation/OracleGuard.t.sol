// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MarketDefaults} from "../../script/MarketDefaults.sol";
import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {IPriceOracle} from "../../src/interfaces/IPriceOracle.sol";
import {BadDebtLedger} from "../../src/types/MarketTypes.sol";
import {LiquidationBase} from "../utils/LiquidationBase.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice The deviation guard on liquidations, with the real bad print of Binance's ETHUSDT perp on
/// 2020-03-13 02:39 UTC: open 109.00, high 323.00, low 108.80, close 117.44 (previous close 108.86), from
/// /work/shared/data/prices/binance_futures_2020-03-12_13_excerpt (row 218 of the ETH file).
/// A single print more than 10% away from the last accepted price does not liquidate
/// (`liquidatePosition` returns false, `PriceDeviationPending`); a later, consistent print does.
contract OracleGuardTest is LiquidationBase {
    int64 internal constant CLOSE_0238 = 10_886_000_000; // 108.86
    int64 internal constant OPEN_0239 = 10_900_000_000; // 109.00
    int64 internal constant HIGH_0239 = 32_300_000_000; // 323.00 (bad print)
    int64 internal constant CLOSE_0239 = 11_744_000_000; // 117.44

    bytes32 internal key;

    function setUp() public override {
        super.setUp();
        setEthPrice(CLOSE_0238);
        depositEth(lp, 20_000 ether, 2_000_000e6);
        // A 5x short: liquidated near +19%, far below the bad print, far above the close.
        key = openEthAndWait(trader, address(usdc), 10_000e6, 50_000 * USD, false);
        setEthPrice(OPEN_0239);
        acceptCurrentPrices();
    }

    function _ethPrice30(int64 mantissa) internal pure returns (uint256) {
        return uint256(int256(mantissa)) * ETH_MULTIPLIER;
    }

    function _badPrint() internal {
        vm.warp(block.timestamp + 15);
        setEthPrice(HIGH_0239);
        (,, bool liquidatable) = health(key);
        assertTrue(liquidatable, "the bad print would liquidate");
        BadDebtLedger memory ledgerBefore = balancesOf().ledger;

        vm.expectEmit(true, false, false, true, address(oracle));
        emit IPriceOracle.PriceDeviationPending(
            MarketDefaults.ETH_USD_FEED, _ethPrice30(HIGH_0239), block.timestamp, _ethPrice30(OPEN_0239)
        );
        vm.recordLogs();
        assertFalse(liquidateNow(key), "held back");
        assertFalse(findLiquidated(vm.getRecordedLogs()).found, "no PositionLiquidated");
        assertEq(position(key).sizeUsd, 50_000 * USD, "untouched");
        assertEq(balancesOf().ledger.totalShortfallUsd, ledgerBefore.totalShortfallUsd, "no bad debt booked");
        IPriceOracle.AcceptedPrice memory pending = oracle.pendingDeviation(MarketDefaults.ETH_USD_FEED);
        assertEq(pending.price, _ethPrice30(HIGH_0239));
        assertEq(oracle.lastAcceptedPrice(MarketDefaults.ETH_USD_FEED).price, _ethPrice30(OPEN_0239));
    }

    function test_oracleGuard_singleBadPrintDoesNotLiquidate() public {
        _badPrint();
        // The same update again (same publish time) does not confirm itself.
        assertFalse(liquidateNow(key), "a print cannot confirm itself");

        // The bar closes at 117.44: within 10% of the last accepted price, accepted, and the position is
        // healthy there.
        vm.warp(block.timestamp + 15);
        setEthPrice(CLOSE_0239);
        (int256 remaining, uint256 maintenance, bool liquidatable) = health(key);
        assertFalse(liquidatable);
        bytes[] memory update = priceUpdateNow();
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.PositionNotLiquidatable.selector, key, remaining, maintenance)
        );
        vm.prank(liquidator);
        exchange.liquidatePosition{value: 3}(key, update);
        // In a transaction that succeeds, the close replaces the pending print.
        acceptCurrentPrices();
        assertEq(oracle.pendingDeviation(MarketDefaults.ETH_USD_FEED).publishTime, 0, "pending cleared");
        assertEq(position(key).sizeUsd, 50_000 * USD);
    }

    function test_oracleGuard_secondConsistentPrintLiquidates() public {
        _badPrint();
        vm.warp(block.timestamp + 5);
        setEthPrice(32_000_000_000); // 320.00, within 10% of the pending 323.00
        vm.recordLogs();
        assertTrue(liquidateNow(key), "confirmed by a later consistent print");
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertTrue(findLiquidated(logs).found);
        assertTrue(findShortfall(logs).found, "a real move of +190% is bad debt");
        assertEq(oracle.lastAcceptedPrice(MarketDefaults.ETH_USD_FEED).price, _ethPrice30(32_000_000_000));
        assertEq(position(key).sizeUsd, 0);
        assertVaultAccounted();
    }

    function test_oracleGuard_inconsistentSecondPrintReplacesPending() public {
        _badPrint();
        vm.warp(block.timestamp + 5);
        setEthPrice(20_000_000_000); // 200.00: beyond 10% of both the accepted and the pending price
        assertFalse(liquidateNow(key), "still unconfirmed");
        assertEq(oracle.pendingDeviation(MarketDefaults.ETH_USD_FEED).price, _ethPrice30(20_000_000_000));
        assertEq(position(key).sizeUsd, 50_000 * USD);
    }

    function test_oracleGuard_olderPrintDoesNotConfirm() public {
        _badPrint();
        uint256 pendingTime = block.timestamp;
        vm.warp(block.timestamp + 5);
        bytes[] memory older = priceUpdate(pendingTime - 1); // 323.00, published before the pending one
        vm.prank(liquidator);
        assertFalse(exchange.liquidatePosition{value: 3}(key, older), "older print does not confirm");
        assertEq(oracle.pendingDeviation(MarketDefaults.ETH_USD_FEED).publishTime, pendingTime, "pending kept");
    }

    function test_oracleGuard_movesWithinTheBoundNeedNoConfirmation() public {
        int64[4] memory path = [int64(11_300_000_000), 12_200_000_000, 13_000_000_000, 13_900_000_000];
        bool liquidated;
        for (uint256 i; i < path.length && !liquidated; ++i) {
            vm.warp(block.timestamp + 15);
            setEthPrice(path[i]);
            (,, bool liquidatable) = health(key);
            if (liquidatable) liquidated = liquidateNow(key);
        }
        assertTrue(liquidated, "a stepwise move of < 10% per print is acted on at once");
    }
}
