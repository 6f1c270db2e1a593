// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {BadDebtLedger, Market, MarketConfig} from "../../src/types/MarketTypes.sol";
import {DecreaseKind, Position} from "../../src/types/PositionTypes.sol";
import {LiquidationBase} from "../utils/LiquidationBase.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice The loss waterfall after a gap through the liquidation price: collateral, then the insurance
/// fund (short token first), then LPs; every figure of `ShortfallRecorded`, the ledger, the fund and
/// the pool value checked to the unit.
/// @dev Zero confidence and zero borrowing/funding rates make the pool value arithmetic exact. A larger
/// counterweight on the other side makes the closing impact negative, so the health view's remaining
/// collateral is exactly minus the shortfall.
contract WaterfallTest is LiquidationBase {
    address internal counterparty = makeAddr("counterparty");
    address internal victim2 = makeAddr("victim2");

    struct State {
        int256 poolValue;
        uint256 poolLong;
        uint256 poolShort;
        uint256 insuranceLong;
        uint256 insuranceShort;
        BadDebtLedger ledger;
    }

    struct Expected {
        uint256 shortfallUsd;
        uint256 fromShort;
        uint256 fromLong;
        uint256 coveredUsd;
        uint256 collateralUsd;
        uint256 lossUsd;
        uint256 indexPrice;
    }

    function setUp() public override {
        super.setUp();
        confBps = 0;
        zeroRates();
        depositEth(lp, 1000 ether, 3_000_000e6);
        vm.deal(counterparty, 100 ether);
        vm.deal(victim2, 100 ether);
    }

    // ------------------------------------------------------------------ helpers

    /// @dev Counterweight on the other side (WETH collateral, so the fund holds both tokens), then the
    /// victim at 40x.
    function _book(address account, bool isLong, bool wethCollateral, uint256 sizeUsd) internal returns (bytes32 key) {
        if (position(exchange.positionKey(counterparty, ethMarket, address(weth), !isLong)).sizeUsd == 0) {
            openEth(counterparty, address(weth), 20 ether, 300_000 * USD, !isLong);
        }
        address token = wethCollateral ? address(weth) : address(usdc);
        key = openEthAndWait(account, token, collateralFor(token, sizeUsd / 40), sizeUsd * USD, isLong);
        assertEq(position(key).sizeUsd, sizeUsd * USD, "victim opened");
    }

    function _state() internal view returns (State memory s) {
        Market memory m = balancesOf();
        s.poolValue = poolValue();
        s.poolLong = m.balances.longAmount;
        s.poolShort = m.balances.shortAmount;
        s.insuranceLong = m.balances.insuranceLongAmount;
        s.insuranceShort = m.balances.insuranceShortAmount;
        s.ledger = m.ledger;
    }

    /// @dev The waterfall as specified: the fund pays the short (stable) token first, then the long
    /// token, each at its min price rounded down, never more than it holds.
    function _expected(bytes32 key, State memory s) internal view returns (Expected memory x) {
        Position memory p = position(key);
        uint256 wethPrice = uint256(int256(ethPrice)) * ETH_MULTIPLIER;
        uint256 usdcPrice_ = uint256(int256(usdcPrice)) * USDC_MULTIPLIER;
        (int256 remaining,,) = health(key);
        assertLt(remaining, 0, "gapped through bankruptcy");
        x.shortfallUsd = uint256(-remaining);
        x.indexPrice = wethPrice;
        x.collateralUsd = p.collateralAmount * (p.collateralToken == address(weth) ? wethPrice : usdcPrice_);
        x.lossUsd = p.isLong ? p.sizeUsd - p.sizeInTokens * wethPrice : p.sizeInTokens * wethPrice - p.sizeUsd;
        x.fromShort = x.shortfallUsd / usdcPrice_;
        if (x.fromShort > s.insuranceShort) x.fromShort = s.insuranceShort;
        x.coveredUsd = x.fromShort * usdcPrice_;
        x.fromLong = (x.shortfallUsd - x.coveredUsd) / wethPrice;
        if (x.fromLong > s.insuranceLong) x.fromLong = s.insuranceLong;
        x.coveredUsd += x.fromLong * wethPrice;
    }

    /// @dev Gaps the price so the victim's remaining collateral is `remainingUsd` (< 0), closes it by
    /// liquidation or by the owner's own order, and checks every figure.
    function _gapAndClose(address account, bytes32 key, int256 remainingUsd, bool byOwner)
        internal
        returns (ShortfallEvent memory e, Expected memory x)
    {
        moveToRemaining(key, remainingUsd);
        Position memory p = position(key);
        State memory s0 = _state();
        x = _expected(key, s0);

        vm.recordLogs();
        if (byOwner) closeEth(account, p.collateralToken, type(uint256).max, p.isLong);
        else assertTrue(liquidateNow(key), "liquidated");
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(position(key).sizeUsd, 0, "closed");
        assertEq(countShortfalls(logs), 1, "one ShortfallRecorded");
        e = findShortfall(logs);
        DecreasedEvent memory d = findDecreased(logs);
        assertEq(uint8(d.kind), uint8(byOwner ? DecreaseKind.Order : DecreaseKind.Liquidation), "decrease kind");

        // The event, to the unit.
        assertEq(e.key, key, "key");
        assertEq(e.account, account, "account");
        assertEq(e.indexPrice, x.indexPrice, "index price");
        assertEq(e.shortfallUsd, x.shortfallUsd, "shortfall == what was owed beyond collateral");
        assertEq(e.fromShort, x.fromShort, "insurance short token used first");
        assertEq(e.fromLong, x.fromLong, "then the long token");
        assertEq(e.coveredUsd, x.coveredUsd, "covered by insurance");
        assertEq(e.absorbedUsd, x.shortfallUsd - x.coveredUsd, "absorbed by LPs == shortfall - covered");

        State memory s1 = _state();
        // The ledger.
        assertEq(s1.ledger.totalShortfallUsd - s0.ledger.totalShortfallUsd, e.shortfallUsd, "ledger total");
        assertEq(s1.ledger.coveredByInsuranceUsd - s0.ledger.coveredByInsuranceUsd, e.coveredUsd, "ledger covered");
        assertEq(s1.ledger.absorbedByLpUsd - s0.ledger.absorbedByLpUsd, e.absorbedUsd, "ledger absorbed");
        assertEq(s1.ledger.shortfallCount, s0.ledger.shortfallCount + 1, "ledger count");
        assertEq(
            s1.ledger.coveredByInsuranceUsd + s1.ledger.absorbedByLpUsd, s1.ledger.totalShortfallUsd, "ledger adds up"
        );
        // The fund falls by exactly what it covered; the pool receives it and all the collateral.
        assertEq(s0.insuranceShort - s1.insuranceShort, x.fromShort, "fund short token");
        assertEq(s0.insuranceLong - s1.insuranceLong, x.fromLong, "fund long token");
        bool collateralIsLong = p.collateralToken == address(weth);
        assertEq(s1.poolShort - s0.poolShort, x.fromShort + (collateralIsLong ? 0 : p.collateralAmount), "pool USDC");
        assertEq(s1.poolLong - s0.poolLong, x.fromLong + (collateralIsLong ? p.collateralAmount : 0), "pool WETH");
        // Pool value: + collateral + covered - the loss it had counted; the same as - absorbed + what
        // the trade itself moved (close fee and negative impact, which the shortfall includes).
        int256 delta = s1.poolValue - s0.poolValue;
        assertEq(delta, int256(x.collateralUsd + x.coveredUsd) - int256(x.lossUsd), "pool value delta");
        assertLt(d.amounts.priceImpactUsd, 0, "negative closing impact (counterweight)");
        int256 moved = int256(d.amounts.positionFeeUsd) - d.amounts.priceImpactUsd;
        assertEq(delta, moved - int256(e.absorbedUsd), "pool value falls by absorbed minus fee and impact");
        assertVaultAccounted();
    }

    // ------------------------------------------------------------------ cases

    function test_waterfall_fundCoversAll_shortTokenOnly() public {
        bytes32 key = _book(trader, true, false, 100_000);
        State memory s = _state();
        assertGt(s.insuranceShort, 5e6, "fund holds > $5 USDC");
        (ShortfallEvent memory e,) = _gapAndClose(trader, key, -2 * int256(USD), false);
        // USDC pays every whole unit; WETH only the fraction of a USDC unit left (wei are finer). The
        // fund pays whole units rounded down, so LPs absorb less than one WETH wei's worth (~$3e-15).
        assertEq(e.fromShort, e.shortfallUsd / (1e8 * USDC_MULTIPLIER), "USDC pays the whole units");
        assertLt(e.fromLong * uint256(int256(ethPrice)) * ETH_MULTIPLIER, 1e8 * USDC_MULTIPLIER, "WETH < one USDC unit");
        assertLt(e.absorbedUsd, uint256(int256(ethPrice)) * ETH_MULTIPLIER, "LPs absorb only sub-unit rounding");
    }

    function test_waterfall_fundCoversAll_bothTokens() public {
        bytes32 key = _book(trader, true, false, 100_000);
        State memory s = _state();
        uint256 usdcFundUsd = s.insuranceShort * USDC_MULTIPLIER * 1e8;
        uint256 wethFundUsd = s.insuranceLong * uint256(int256(ethPrice)) * ETH_MULTIPLIER;
        assertGt(wethFundUsd, 10 * USD);
        // A shortfall between the USDC part and the whole fund.
        int256 target = -int256(usdcFundUsd + 5 * USD);
        (ShortfallEvent memory e,) = _gapAndClose(trader, key, target, false);
        assertEq(e.fromShort, s.insuranceShort, "USDC part drained first");
        assertGt(e.fromLong, 0, "then WETH");
        assertLe(e.absorbedUsd, uint256(int256(ethPrice)) * ETH_MULTIPLIER, "LPs absorb at most the rounding");
    }

    function test_waterfall_fundCoversPart() public {
        bytes32 key = _book(trader, true, false, 100_000);
        State memory s = _state();
        (ShortfallEvent memory e, Expected memory x) = _gapAndClose(trader, key, -1000 * int256(USD), false);
        assertEq(e.fromShort, s.insuranceShort, "USDC drained");
        assertEq(e.fromLong, s.insuranceLong, "WETH drained");
        assertGt(e.absorbedUsd, 0, "LPs absorb the rest");
        assertEq(e.coveredUsd + e.absorbedUsd, x.shortfallUsd);
    }

    function test_waterfall_fundCoversNone() public {
        MarketConfig memory c = ethConfig();
        c.safety.insuranceTargetUsd = 0; // no fee share ever reaches the fund
        setEthConfig(c);
        bytes32 key = _book(trader, true, true, 100_000);
        State memory s = _state();
        assertEq(s.insuranceLong + s.insuranceShort, 0, "fund empty");
        (ShortfallEvent memory e,) = _gapAndClose(trader, key, -700 * int256(USD), false);
        assertEq(e.coveredUsd, 0);
        assertEq(e.absorbedUsd, e.shortfallUsd, "LPs absorb everything");
    }

    function test_waterfall_shortGappedUp_wethCollateral() public {
        bytes32 key = _book(trader, false, true, 100_000);
        _gapAndClose(trader, key, -300 * int256(USD), false);
    }

    /// @dev A user's own close of a bankrupt position runs the same waterfall and ledger.
    function test_waterfall_ownCloseWithShortfall() public {
        bytes32 key = _book(trader, true, false, 100_000);
        (ShortfallEvent memory e,) = _gapAndClose(trader, key, -400 * int256(USD), true);
        assertGt(e.absorbedUsd, 0);
    }

    function test_waterfall_ledgerAccumulates() public {
        bytes32 first = _book(trader, true, false, 100_000);
        bytes32 second = _book(victim2, true, true, 50_000);
        (ShortfallEvent memory a,) = _gapAndClose(trader, first, -3 * int256(USD), false);
        vm.warp(block.timestamp + 1);
        (ShortfallEvent memory b,) = _gapAndClose(victim2, second, -900 * int256(USD), false);
        BadDebtLedger memory ledger = balancesOf().ledger;
        assertEq(ledger.totalShortfallUsd, a.shortfallUsd + b.shortfallUsd, "total");
        assertEq(ledger.coveredByInsuranceUsd, a.coveredUsd + b.coveredUsd, "covered");
        assertEq(ledger.absorbedByLpUsd, a.absorbedUsd + b.absorbedUsd, "absorbed");
        assertEq(ledger.shortfallCount, 2, "count");
    }

    function testFuzz_waterfall_exactForAnyGap(bool isLong, bool wethCollateral, uint256 sizeSeed, uint256 gapSeed)
        public
    {
        uint256 sizeUsd = bound(sizeSeed, 1000, 90_000);
        bytes32 key = _book(trader, isLong, wethCollateral, sizeUsd);
        // From a cent to ~ a third of the size beyond bankruptcy.
        int256 remaining = -int256(bound(gapSeed, USD / 100, sizeUsd * USD / 3));
        _gapAndClose(trader, key, remaining, false);
    }
}
