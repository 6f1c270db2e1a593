// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchange} from "../../src/interfaces/IExchange.sol";
import {IExchangeEvents} from "../../src/interfaces/IExchangeEvents.sol";
import {IPriceOracle} from "../../src/interfaces/IPriceOracle.sol";
import {Market} from "../../src/types/MarketTypes.sol";
import {KlineCsv} from "../utils/KlineCsv.sol";
import {LiquidationBase} from "../utils/LiquidationBase.sol";
import {Vm} from "forge-std/Vm.sol";
import {console} from "forge-std/console.sol";

/// @notice Replays real crashes (1-minute Binance ETHUSDT klines, see `test/fixtures/README.md`) against
/// a book of positions: several traders, longs and shorts, 2x to 45x, USDC and WETH collateral, plus
/// traders who keep opening high-leverage positions into the move. Each bar becomes four Pyth prints
/// 15 s apart (open, the nearer extreme, the farther extreme, close). At every print a liquidator
/// liquidates every position the health view reports as liquidatable; a print held back by the
/// deviation guard (`liquidatePosition` returns false) is retried with the next print, as a keeper
/// resubmits with the next Pyth update, so a real move is acted on one print late and a single bad
/// print never. After every print: vault balances == accounted balances, the ledger equals the sums of
/// `ShortfallRecorded`, covered + absorbed == total, the insurance fund equals its inflows
/// (`FeesCollected`) minus its outflows (`ShortfallRecorded`), solvency surplus == LP value + fund.
contract CrashReplayTest is LiquidationBase {
    struct Stats {
        uint256 prints;
        uint256 opened;
        uint256 liquidations;
        uint256 partialLiquidations;
        uint256 heldBackByGuard;
        uint256 shortfalls;
        uint256 shortfallUsd;
        uint256 coveredUsd;
        uint256 absorbedUsd;
        uint256 insuranceInLong;
        uint256 insuranceInShort;
        uint256 insuranceOutLong;
        uint256 insuranceOutShort;
        uint256 maxLiquidationPrice;
        uint256 minLiquidationPrice;
        int64 maxHeldBackPrint;
        int256 poolValueStart;
        uint256 insuranceStartUsd;
    }

    Stats internal st;
    bytes32[] internal keys;
    uint256 internal accountCount;
    uint256 internal timeBase;
    uint256 internal firstBarTime;
    bool internal pendingThisPrint;

    function setUp() public override {
        super.setUp();
        vm.deal(liquidator, 1000 ether);
    }

    // ------------------------------------------------------------------ scenarios

    function test_replay_eth_2021_05_19_wickTo1400() public {
        _replay("contracts/test/fixtures/prices/ETHUSDT-1m-2021-05-19T1240_1316.csv", "ETH 2021-05-19 12:40-13:16");
        assertGt(st.liquidations, 10, "the crash liquidates");
        assertGt(st.shortfalls, 0, "the wick gaps through bankruptcy prices");
        assertGt(st.heldBackByGuard, 0, "moves beyond 10% per print wait for confirmation");
    }

    function test_replay_eth_2020_03_13_blackThursdayWithBadPrint() public {
        _replay("contracts/test/fixtures/prices/ETHUSDT-1m-2020-03-13T0150_0245.csv", "ETH 2020-03-13 01:50-02:45");
        assertGt(st.liquidations, 5, "the crash and the squeeze liquidate");
        assertEq(st.maxHeldBackPrint, 32_300_000_000, "the 323.00 print is held back");
        // Nothing was liquidated at the bad print: every liquidation happened at a real price (<= 120).
        assertLe(st.maxLiquidationPrice, 120 * 1e8 * ETH_MULTIPLIER, "no liquidation at the 323.00 print");
    }

    function test_replay_eth_2024_08_05_spotCrash() public {
        _replay(
            "contracts/test/fixtures/prices/ETHUSDT-1m-2024-08-05T0105_0114_spot.csv", "ETH spot 2024-08-05 01:05-01:14"
        );
        assertGt(st.liquidations, 3, "-16% in six minutes liquidates the high-leverage longs");
    }

    function test_klineCsv_readsEveryLayout() public view {
        KlineCsv.Bar[] memory a = KlineCsv.read("contracts/test/fixtures/prices/ETHUSDT-1m-2021-05-19T1240_1316.csv");
        assertEq(a.length, 37);
        assertEq(a[0].openTime, 1_621_428_000); // 2021-05-19 12:40 UTC
        assertEq(a[0].open, 255_898_000_000);
        assertEq(a[30].low, 140_073_000_000, "13:10 low 1,400.73");
        KlineCsv.Bar[] memory b = KlineCsv.read("contracts/test/fixtures/prices/ETHUSDT-1m-2020-03-13T0150_0245.csv");
        assertEq(b.length, 56);
        assertEq(b[49].high, 32_300_000_000, "02:39 bad print 323.00");
        assertEq(b[49].close, 11_744_000_000);
        KlineCsv.Bar[] memory c =
            KlineCsv.read("contracts/test/fixtures/prices/ETHUSDT-1m-2024-08-05T0105_0114_spot.csv");
        assertEq(c.length, 10, "no header: every line is a bar");
        assertEq(c[5].low, 211_100_000_000, "8-decimal spot price 2111.00000000");
        KlineCsv.Bar[] memory d = KlineCsv.read("contracts/test/fixtures/prices/ETHUSDT-1m-2022-11-09T2330_2339.csv");
        assertEq(d.length, 10, "12 columns with a header");
        assertEq(d[0].open, 108_605_000_000);
        assertEq(d[7].low, 107_114_000_000, "the FTX low 1,071.14");
    }

    function test_klineCsv_RevertWhen_malformed() public {
        vm.expectRevert(abi.encodeWithSelector(KlineCsv.MalformedPrice.selector, "12.3.4"));
        this.parseExternal("1,12.3.4,13,12,12.5,1\n");
        vm.expectRevert(abi.encodeWithSelector(KlineCsv.MalformedRow.selector, 1, "1,2,3"));
        this.parseExternal("1,2,3\n");
        vm.expectRevert(abi.encodeWithSelector(KlineCsv.InconsistentBar.selector, 1, 1e8, 2e8, 3e8, 2e8));
        this.parseExternal("1,1,2,3,2,1\n"); // low above open
    }

    function parseExternal(string calldata csv) external pure returns (KlineCsv.Bar[] memory) {
        return KlineCsv.parse(csv);
    }

    // ------------------------------------------------------------------ replay

    function _replay(string memory path, string memory label) internal {
        KlineCsv.Bar[] memory bars = KlineCsv.read(path);
        firstBarTime = bars[0].openTime;
        timeBase = block.timestamp + 60;
        vm.warp(timeBase);
        setEthPrice(bars[0].open);
        _seedPool();
        _openBook();
        st.poolValueStart = poolValue();
        st.insuranceStartUsd = _insuranceUsd();
        st.minLiquidationPrice = type(uint256).max;

        for (uint256 i; i < bars.length; ++i) {
            KlineCsv.Bar memory bar = bars[i];
            bool downFirst = bar.close < bar.open;
            int64[4] memory path4 =
                [bar.open, downFirst ? bar.high : bar.low, downFirst ? bar.low : bar.high, bar.close];
            uint256 start = timeBase + bar.openTime - firstBarTime;
            for (uint256 k; k < 4; ++k) {
                vm.warp(start + 15 * k);
                setEthPrice(path4[k]);
                ++st.prints;
                pendingThisPrint = false;
                _sweep();
                _checkAccounting();
            }
            // Traders keep opening high-leverage positions into the move.
            if (i % 4 == 3) _openIntoTheMove(i);
        }
        _checkAccounting();
        _summary(label);
    }

    function _seedPool() internal {
        uint256 wethAmount = 4_000_000 * 1e18 * 1e8 / uint256(int256(ethPrice));
        depositEth(lp, wethAmount, 4_000_000e6);
    }

    /// @dev Twelve positions: $20k to $300k, 2x to 45x, both sides, both collateral tokens.
    function _openBook() internal {
        uint16[12] memory sizesK = [300, 150, 80, 50, 40, 20, 250, 60, 100, 30, 120, 45];
        uint8[12] memory leverage = [25, 10, 40, 5, 45, 2, 20, 40, 10, 3, 45, 15];
        for (uint256 i; i < 12; ++i) {
            _open(uint256(sizesK[i]) * 1000, leverage[i], i < 6, i % 2 == 1);
        }
    }

    function _openIntoTheMove(uint256 barIndex) internal {
        uint256 leverage = 35 + barIndex % 11;
        _open(50_000 + (barIndex % 5) * 25_000, leverage, true, barIndex % 8 == 3);
        _open(40_000 + (barIndex % 3) * 20_000, leverage, false, barIndex % 8 == 7);
    }

    function _open(uint256 sizeUsd, uint256 leverage, bool isLong, bool wethCollateral) internal {
        address account = address(uint160(0xB00C000 + ++accountCount));
        vm.deal(account, 1 ether);
        address token = wethCollateral ? address(weth) : address(usdc);
        uint256 collateral = collateralForE6(token, sizeUsd * 1e6 / leverage);
        if (wethCollateral) fund(account, collateral, 0);
        else fund(account, 0, collateral);
        uint256 id = createMarketOrder(
            account, ethMarket, token, isLong, true, sizeUsd * USD, collateral, isLong ? type(uint256).max : 0
        );
        bytes[] memory update = priceUpdateNow();
        vm.recordLogs();
        vm.prank(keeper);
        exchange.executeOrder{value: 3}(id, update);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        bytes32 key = exchange.positionKey(account, ethMarket, token, isLong);
        // A refused opening is cancelled; the logs of its reverted body are recorded too: skip them.
        if (position(key).sizeUsd > 0) {
            _consume(logs);
            keys.push(key);
            ++st.opened;
        }
    }

    /// @dev Liquidates every liquidatable position at the current print. A partially liquidated
    /// position still below maintenance is liquidated again at once (inside the cooldown: fully).
    function _sweep() internal {
        uint256 i;
        while (i < keys.length) {
            bytes32 key = keys[i];
            if (position(key).sizeUsd == 0) {
                keys[i] = keys[keys.length - 1];
                keys.pop();
                continue;
            }
            (,, bool liquidatable) = health(key);
            if (!liquidatable) {
                ++i;
                continue;
            }
            if (pendingThisPrint) {
                ++st.heldBackByGuard;
                ++i;
                continue;
            }
            bytes[] memory update = priceUpdateNow();
            vm.recordLogs();
            vm.prank(liquidator);
            bool liquidated = exchange.liquidatePosition{value: 3}(key, update);
            _consume(vm.getRecordedLogs());
            if (!liquidated) {
                pendingThisPrint = true; // retried with the next print
                ++st.heldBackByGuard;
                if (ethPrice > st.maxHeldBackPrint) st.maxHeldBackPrint = ethPrice;
                ++i;
            }
        }
    }

    function _consume(Vm.Log[] memory logs) internal {
        for (uint256 i; i < logs.length; ++i) {
            Vm.Log memory log = logs[i];
            if (log.emitter != address(exchange)) continue;
            bytes32 sig = log.topics[0];
            if (sig == IExchangeEvents.ShortfallRecorded.selector) {
                (, uint256 shortfall, uint256 covered, uint256 absorbed, uint256 fromLong, uint256 fromShort) =
                    abi.decode(log.data, (uint256, uint256, uint256, uint256, uint256, uint256));
                ++st.shortfalls;
                st.shortfallUsd += shortfall;
                st.coveredUsd += covered;
                st.absorbedUsd += absorbed;
                st.insuranceOutLong += fromLong;
                st.insuranceOutShort += fromShort;
            } else if (sig == IExchangeEvents.FeesCollected.selector) {
                address token = address(uint160(uint256(log.topics[2])));
                (,,, uint256 toInsurance,) = abi.decode(log.data, (uint256, uint256, uint256, uint256, uint256));
                if (token == address(weth)) st.insuranceInLong += toInsurance;
                else st.insuranceInShort += toInsurance;
            } else if (sig == IExchangeEvents.PositionLiquidated.selector) {
                (, bool isPartial,, uint256 indexPrice,,) =
                    abi.decode(log.data, (address, bool, uint256, uint256, int256, uint256));
                ++st.liquidations;
                if (isPartial) ++st.partialLiquidations;
                if (indexPrice > st.maxLiquidationPrice) st.maxLiquidationPrice = indexPrice;
                if (indexPrice < st.minLiquidationPrice) st.minLiquidationPrice = indexPrice;
            }
        }
    }

    function _insuranceUsd() internal view returns (uint256) {
        Market memory m = balancesOf();
        return m.balances.insuranceLongAmount * uint256(int256(ethPrice)) * ETH_MULTIPLIER
            + m.balances.insuranceShortAmount * uint256(int256(usdcPrice)) * USDC_MULTIPLIER;
    }

    function _checkAccounting() internal view {
        assertVaultAccounted();
        Market memory m = balancesOf();
        assertEq(m.ledger.totalShortfallUsd, st.shortfallUsd, "ledger total == sum of ShortfallRecorded");
        assertEq(m.ledger.coveredByInsuranceUsd, st.coveredUsd, "ledger covered == sum of events");
        assertEq(m.ledger.absorbedByLpUsd, st.absorbedUsd, "ledger absorbed == sum of events");
        assertEq(m.ledger.shortfallCount, st.shortfalls, "ledger count == number of events");
        assertEq(m.ledger.coveredByInsuranceUsd + m.ledger.absorbedByLpUsd, m.ledger.totalShortfallUsd, "adds up");
        // The fund is exactly its inflows minus its outflows (it started empty): never negative.
        assertEq(m.balances.insuranceLongAmount + st.insuranceOutLong, st.insuranceInLong, "fund WETH flows");
        assertEq(m.balances.insuranceShortAmount + st.insuranceOutShort, st.insuranceInShort, "fund USDC flows");
        IExchange.Solvency memory sv = exchange.getSolvency(ethMarket, ethMarketPrices());
        assertEq(sv.surplusUsd, sv.lpValueUsd + int256(sv.insuranceFundUsd), "surplus == LP value + fund");
    }

    function _summary(string memory label) internal view {
        console.log("=== crash replay:", label);
        console.log("prints replayed          ", st.prints);
        console.log("positions opened         ", st.opened);
        console.log("liquidations (partial)   ", st.liquidations, st.partialLiquidations);
        console.log("held back by the guard   ", st.heldBackByGuard);
        console.log("shortfalls               ", st.shortfalls);
        console.log("total shortfall, USD e-2 ", st.shortfallUsd / 1e28);
        console.log("covered by insurance, e-2", st.coveredUsd / 1e28);
        console.log("LP bad debt, USD e-2     ", st.absorbedUsd / 1e28);
        console.log("insurance start/end, e-2 ", st.insuranceStartUsd / 1e28, _insuranceUsd() / 1e28);
        int256 pv = poolValue();
        console.log("LP pool value start, USD ", uint256(st.poolValueStart) / 1e30);
        console.log("LP pool value end, USD   ", pv > 0 ? uint256(pv) / 1e30 : 0);
        if (st.liquidations > 0) {
            // USD-30 per wei x 1e18 wei / 1e28 = cents per ETH.
            console.log("liquidation prices, e-2  ", st.minLiquidationPrice / 1e10, st.maxLiquidationPrice / 1e10);
        }
    }
}
