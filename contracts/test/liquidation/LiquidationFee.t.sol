// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Market, MarketConfig} from "../../src/types/MarketTypes.sol";
import {Position} from "../../src/types/PositionTypes.sol";
import {LiquidationBase} from "../utils/LiquidationBase.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice The liquidation fee: size closed x liquidationFeeFactor, converted at the collateral's min
/// price (rounded up), paid from what is left of the collateral only (never from the pool or the fund):
/// the insurance share (rounded down) goes to the fund while it is below target and to LPs otherwise;
/// the liquidator gets the rest.
contract LiquidationFeeTest is LiquidationBase {
    address internal counterparty = makeAddr("counterparty");

    struct Balances {
        uint256 liquidator;
        uint256 trader;
        uint256 pool;
        uint256 insurance;
        uint256 insuranceOther;
    }

    struct Expected {
        uint256 left;
        uint256 fee;
        uint256 share;
        uint256 closeFeeShare;
    }

    function setUp() public override {
        super.setUp();
        confBps = 0;
        depositEth(lp, 1000 ether, 3_000_000e6);
        vm.deal(counterparty, 100 ether);
        // Short-heavy: closing a long has negative impact, so what collateral keeps is exactly the
        // health view's remaining collateral.
        openEth(counterparty, address(usdc), 60_000e6, 300_000 * USD, false);
    }

    function _balances(address token) internal view returns (Balances memory b) {
        Market memory m = balancesOf();
        bool isLongToken = token == address(weth);
        b.liquidator = isLongToken ? weth.balanceOf(liquidator) : usdc.balanceOf(liquidator);
        b.trader = isLongToken ? weth.balanceOf(trader) : usdc.balanceOf(trader);
        b.pool = isLongToken ? m.balances.longAmount : m.balances.shortAmount;
        b.insurance = isLongToken ? m.balances.insuranceLongAmount : m.balances.insuranceShortAmount;
        b.insuranceOther = isLongToken ? m.balances.insuranceShortAmount : m.balances.insuranceLongAmount;
    }

    function _tokenPrice(address token) internal view returns (uint256) {
        return token == address(weth) ? uint256(int256(ethPrice)) * ETH_MULTIPLIER : 1e8 * USDC_MULTIPLIER;
    }

    /// @dev Liquidates `key` (full size) at the current price and checks every token movement.
    function _liquidateAndCheck(bytes32 key, bool belowTarget) internal returns (Expected memory x) {
        Position memory p = position(key);
        (int256 remaining,,) = health(key);
        assertGt(remaining, 0, "solvent: a fee can be paid");
        uint256 price = _tokenPrice(p.collateralToken);
        x.left = uint256(remaining) / price;
        uint256 feeUsd = (p.sizeUsd * ethConfig().fees.liquidationFeeFactor + 1e30 - 1) / 1e30;
        x.fee = (feeUsd + price - 1) / price;
        if (x.fee > x.left) x.fee = x.left;
        x.share = x.fee * ethConfig().fees.insuranceShareFactor / 1e30;
        Balances memory b0 = _balances(p.collateralToken);

        vm.recordLogs();
        assertTrue(liquidateNow(key));
        Vm.Log[] memory logs = vm.getRecordedLogs();
        FeesEvent memory f = findFees(logs);
        DecreasedEvent memory d = findDecreased(logs);
        if (belowTarget) {
            x.closeFeeShare = d.amounts.positionFeeUsd * ethConfig().fees.insuranceShareFactor / 1e30 / price;
        }
        Balances memory b1 = _balances(p.collateralToken);

        assertEq(f.token, p.collateralToken, "fee token");
        assertEq(f.liquidationFeeAmount, x.fee, "fee: size x factor at min price, capped at what is left");
        assertEq(f.toLiquidatorAmount, x.fee - x.share, "liquidator gets fee - insurance share");
        assertEq(b1.liquidator - b0.liquidator, x.fee - x.share, "liquidator paid");
        assertEq(b1.trader - b0.trader, x.left - x.fee, "trader gets the rest of the collateral");
        assertEq(f.toInsuranceAmount, x.closeFeeShare + (belowTarget ? x.share : 0), "event insurance amount");
        assertEq(b1.insurance - b0.insurance, f.toInsuranceAmount, "fund receives the shares");
        assertEq(b1.insuranceOther, b0.insuranceOther, "other fund token untouched");
        // The pool receives the collateral that paid the loss and fees, minus the close fee's insurance
        // share, plus the liquidation fee's insurance share when the fund is at target; nothing else.
        uint256 costAmount = p.collateralAmount - x.left;
        assertEq(b1.pool - b0.pool, costAmount - x.closeFeeShare + (belowTarget ? 0 : x.share), "pool");
        assertEq(position(key).sizeUsd, 0);
        assertVaultAccounted();
    }

    function test_liquidationFee_splitBetweenLiquidatorAndFundBelowTarget() public {
        bytes32 key = openEthAndWait(trader, address(usdc), 2000e6, 50_000 * USD, true);
        moveToRemaining(key, 300 * int256(USD));
        Expected memory x = _liquidateAndCheck(key, true);
        assertEq(x.fee, 100e6, "0.2% of $50,000");
        assertEq(x.share, 20e6, "20% of it to the fund");
    }

    function test_liquidationFee_shareStaysWithLpsAtTarget() public {
        MarketConfig memory c = ethConfig();
        c.safety.insuranceTargetUsd = 1 * USD; // the fund already holds more (open fee shares)
        setEthConfig(c);
        bytes32 key = openEthAndWait(trader, address(usdc), 2000e6, 50_000 * USD, true);
        moveToRemaining(key, 300 * int256(USD));
        Expected memory x = _liquidateAndCheck(key, false);
        assertEq(x.fee - x.share, 80e6, "liquidator's part is the same");
    }

    function test_liquidationFee_cappedAtCollateralLeft() public {
        bytes32 key = openEthAndWait(trader, address(usdc), 2000e6, 50_000 * USD, true);
        moveToRemaining(key, 40 * int256(USD));
        Expected memory x = _liquidateAndCheck(key, true);
        assertEq(x.fee, x.left, "all that is left");
        assertLt(x.fee, 100e6);
    }

    function test_liquidationFee_wethCollateral() public {
        bytes32 key = openEthAndWait(trader, address(weth), 1 ether, 60_000 * USD, true);
        moveToRemaining(key, 200 * int256(USD));
        _liquidateAndCheck(key, true);
    }

    function test_liquidationFee_noneWhenBankrupt() public {
        bytes32 key = openEthAndWait(trader, address(usdc), 2000e6, 50_000 * USD, true);
        moveToRemaining(key, -50 * int256(USD));
        uint256 before = usdc.balanceOf(liquidator);
        vm.recordLogs();
        assertTrue(liquidateNow(key));
        FeesEvent memory f = findFees(vm.getRecordedLogs());
        assertEq(f.liquidationFeeAmount, 0, "no collateral left, no fee");
        assertEq(usdc.balanceOf(liquidator), before, "liquidator gets nothing (and the pool pays nothing)");
    }

    function testFuzz_liquidationFee_fromRemainingCollateralOnly(
        bool wethCollateral,
        uint256 sizeSeed,
        uint256 remainingSeed,
        bool belowTarget
    ) public {
        if (!belowTarget) {
            MarketConfig memory c = ethConfig();
            c.safety.insuranceTargetUsd = 1 * USD;
            setEthConfig(c);
        }
        uint256 sizeUsd = bound(sizeSeed, 100, 99_000);
        address token = wethCollateral ? address(weth) : address(usdc);
        bytes32 key = openEthAndWait(trader, token, collateralFor(token, sizeUsd / 20 + 2), sizeUsd * USD, true);
        (, uint256 maintenance,) = health(key);
        moveToRemaining(key, int256(bound(remainingSeed, USD / 100, maintenance - 1)));
        _liquidateAndCheck(key, belowTarget);
    }
}
