// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchange} from "../../src/interfaces/IExchange.sol";
import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {Market, MarketConfig} from "../../src/types/MarketTypes.sol";
import {CreateOrderParams, OrderType} from "../../src/types/RequestTypes.sol";
import {EthRejectingLiquidator} from "../utils/LiquidationActors.sol";
import {LiquidationBase} from "../utils/LiquidationBase.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice A position below maintenance margin can always be liquidated: paused market, empty or
/// too-small insurance fund, dust collateral, long accrual, positive close impact, a liquidator that
/// rejects ETH, a trader that cannot receive tokens.
contract LiquidationAlwaysPossibleTest is LiquidationBase {
    address internal counterparty = makeAddr("counterparty");

    function setUp() public override {
        super.setUp();
        depositEth(lp, 2000 ether, 6_000_000e6);
        vm.deal(counterparty, 100 ether);
    }

    /// @dev Closing a lone long reduces skew: the positive impact is a gain the health view leaves out,
    /// so what collateral keeps (or the shortfall) is remaining + that impact.
    function _positiveImpact(DecreasedEvent memory d) internal pure returns (int256) {
        return d.amounts.priceImpactUsd > 0 ? d.amounts.priceImpactUsd : int256(0);
    }

    function _openLong(uint256 collateralUsd, uint256 sizeUsd) internal returns (bytes32) {
        return openEthAndWait(trader, address(usdc), collateralUsd * 1e6, sizeUsd * USD, true);
    }

    function _assertLiquidatedFully(bytes32 key) internal {
        (,, bool liquidatable) = health(key);
        assertTrue(liquidatable, "below maintenance");
        vm.recordLogs();
        assertTrue(liquidateNow(key), "liquidated");
        assertTrue(findLiquidated(vm.getRecordedLogs()).found, "PositionLiquidated");
        assertEq(position(key).sizeUsd, 0, "closed");
        assertVaultAccounted();
        assertLedgerAddsUp();
    }

    function test_liquidate_whenMarketPaused() public {
        bytes32 key = _openLong(1000, 20_000);
        exchange.setMarketPaused(ethMarket, true);

        // The pause is effective: increases are refused.
        fund(trader, 0, 100e6);
        CreateOrderParams memory increase = CreateOrderParams({
            market: ethMarket,
            collateralToken: address(usdc),
            isLong: true,
            orderType: OrderType.MarketIncrease,
            sizeDeltaUsd: 1000 * USD,
            collateralDeltaAmount: 100e6,
            triggerPrice: 0,
            acceptablePrice: type(uint256).max
        });
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.MarketPaused.selector, ethMarket));
        vm.prank(trader);
        exchange.createOrder{value: EXECUTION_FEE}(increase);

        moveToRemaining(key, 100 * int256(USD));
        _assertLiquidatedFully(key);
    }

    function test_liquidate_withEmptyInsuranceFund() public {
        MarketConfig memory c = ethConfig();
        c.safety.insuranceTargetUsd = 0; // fee shares never go to the fund
        setEthConfig(c);
        bytes32 key = _openLong(1000, 20_000);
        Market memory m = balancesOf();
        assertEq(m.balances.insuranceLongAmount + m.balances.insuranceShortAmount, 0, "fund empty");

        moveToRemaining(key, -500 * int256(USD));
        (int256 remaining,,) = health(key);
        vm.recordLogs();
        assertTrue(liquidateNow(key));
        Vm.Log[] memory logs = vm.getRecordedLogs();
        ShortfallEvent memory e = findShortfall(logs);
        assertTrue(e.found, "shortfall recorded");
        assertEq(int256(e.shortfallUsd), -remaining - _positiveImpact(findDecreased(logs)), "shortfall");
        assertEq(e.coveredUsd, 0, "nothing covered");
        assertEq(e.absorbedUsd, e.shortfallUsd, "LPs absorb all");
        assertVaultAccounted();
    }

    function test_liquidate_whenShortfallExceedsInsuranceFund() public {
        bytes32 key = _openLong(1000, 20_000);
        Market memory before = balancesOf();
        assertGt(before.balances.insuranceShortAmount, 0, "open fee share in the fund");
        moveToRemaining(key, -2000 * int256(USD));
        vm.recordLogs();
        assertTrue(liquidateNow(key));
        ShortfallEvent memory e = findShortfall(vm.getRecordedLogs());
        assertEq(e.fromShort, before.balances.insuranceShortAmount, "fund drained");
        assertGt(e.absorbedUsd, 0, "LPs absorb the rest");
        assertEq(balancesOf().balances.insuranceShortAmount, 0);
        assertVaultAccounted();
        assertLedgerAddsUp();
    }

    /// @dev Remaining collateral of a cent: the liquidation fee is capped at what is left.
    function test_liquidate_withDustCollateralLeft() public {
        confBps = 0;
        bytes32 key = _openLong(1000, 20_000);
        moveToRemaining(key, int256(USD) / 100);
        (int256 remaining,,) = health(key);
        assertGt(remaining, 0);
        uint256 liquidatorBefore = usdc.balanceOf(liquidator);
        uint256 traderBefore = usdc.balanceOf(trader);
        vm.recordLogs();
        assertTrue(liquidateNow(key));
        Vm.Log[] memory logs = vm.getRecordedLogs();
        FeesEvent memory f = findFees(logs);
        uint256 left = uint256(remaining + _positiveImpact(findDecreased(logs))) / (1e8 * USDC_MULTIPLIER);
        assertEq(f.liquidationFeeAmount, left, "fee capped at the collateral left");
        assertEq(usdc.balanceOf(liquidator) - liquidatorBefore, f.toLiquidatorAmount);
        assertEq(usdc.balanceOf(trader), traderBefore, "nothing left for the trader");
        assertVaultAccounted();
    }

    /// @dev The smallest position the market allows, with the smallest collateral it accepts.
    function test_liquidate_minimumPositionWithMinimumCollateral() public {
        bytes32 key = openEthAndWait(trader, address(usdc), 1_050_000, 10 * USD, true); // $1.05 for $10
        assertEq(position(key).sizeUsd, 10 * USD);
        moveToRemaining(key, int256(USD) / 2);
        _assertLiquidatedFully(key);
    }

    function test_liquidate_afterLongAccrualOfBorrowingAndFunding() public {
        openEthAndWait(counterparty, address(usdc), 5000e6, 5000 * USD, false);
        bytes32 key = _openLong(2000, 20_000);
        (int256 remainingBefore,,) = health(key);
        vm.warp(block.timestamp + 730 days);
        acceptCurrentPrices();
        (int256 remaining,,) = health(key);
        assertLt(remaining, remainingBefore - 5000 * int256(USD), "two years of fees");
        vm.recordLogs();
        assertTrue(liquidateNow(key));
        Vm.Log[] memory logs = vm.getRecordedLogs();
        ShortfallEvent memory e = findShortfall(logs);
        assertTrue(e.found, "fees beyond collateral are a shortfall");
        assertEq(int256(e.shortfallUsd), -remaining - _positiveImpact(findDecreased(logs)), "shortfall");
        assertEq(position(key).sizeUsd, 0);
        assertVaultAccounted();
        assertLedgerAddsUp();
    }

    function test_liquidate_withPositiveCloseImpact() public {
        openEthAndWait(counterparty, address(usdc), 50_000e6, 400_000 * USD, true); // long-heavy market
        bytes32 key = _openLong(1000, 20_000);
        moveToRemaining(key, 50 * int256(USD));
        vm.recordLogs();
        assertTrue(liquidateNow(key));
        DecreasedEvent memory d = findDecreased(vm.getRecordedLogs());
        assertGt(d.amounts.priceImpactUsd, 0, "closing a long in a long-heavy market earns impact");
        assertEq(position(key).sizeUsd, 0);
        assertVaultAccounted();
    }

    function test_liquidate_byContractThatRejectsEth() public {
        bytes32 key = _openLong(1000, 20_000);
        moveToRemaining(key, 100 * int256(USD));
        EthRejectingLiquidator bot = new EthRejectingLiquidator();
        bytes[] memory update = priceUpdateNow();
        assertTrue(bot.liquidate{value: 10}(IExchange(address(exchange)), key, update), "liquidated");
        assertEq(exchange.claimableEth(address(bot)), 7, "refund beyond the Pyth fee became a claim");
        assertGt(usdc.balanceOf(address(bot)), 0, "fee paid in tokens");
        assertEq(position(key).sizeUsd, 0);
    }

    function test_liquidate_whenTraderCannotReceiveTokens() public {
        bytes32 key = _openLong(1000, 20_000);
        moveToRemaining(key, 100 * int256(USD));
        vm.mockCallRevert(address(usdc), abi.encodeWithSelector(IERC20.transfer.selector, trader), "blocked");
        uint256 claimableBefore = balancesOf().balances.claimableShortTokenAmount;
        assertTrue(liquidateNow(key), "liquidated");
        vm.clearMockedCalls();
        uint256 owed = exchange.claimableFunds(ethMarket, address(usdc), trader);
        assertGt(owed, 0, "what the trader is owed became a claim");
        assertEq(balancesOf().balances.claimableShortTokenAmount - claimableBefore, owed);
        assertVaultAccounted();

        uint256 traderBefore = usdc.balanceOf(trader);
        vm.prank(trader);
        assertEq(exchange.claimFunds(ethMarket, address(usdc)), owed);
        assertEq(usdc.balanceOf(trader) - traderBefore, owed);
        assertVaultAccounted();
    }

    struct FuzzCase {
        uint256 sizeUsd;
        uint256 leverageBps;
        bool isLong;
        bool wethCollateral;
        uint256 counterweightUsd;
        bool paused;
        bool emptyInsurance;
        uint256 warpSeconds;
        int256 moveBps;
        bool traderRejectsTokens;
        bool liquidatorRejectsEth;
    }

    /// @dev Any position, any move, any accrual: liquidatable (by the view) implies liquidation succeeds,
    /// healthy implies `PositionNotLiquidatable`.
    function testFuzz_liquidate_succeedsIffBelowMaintenance(FuzzCase memory f) public {
        f.sizeUsd = bound(f.sizeUsd, 10, 1_000_000);
        f.leverageBps = bound(f.leverageBps, 11_000, 450_000);
        f.counterweightUsd = bound(f.counterweightUsd, 0, 2_000_000);
        f.warpSeconds = bound(f.warpSeconds, 1, 3 * 365 days);
        f.moveBps = bound(f.moveBps, -6000, 6000);
        if (f.emptyInsurance) {
            MarketConfig memory c = ethConfig();
            c.safety.insuranceTargetUsd = 0;
            setEthConfig(c);
        }
        if (f.counterweightUsd >= 10) {
            openEth(counterparty, address(usdc), f.counterweightUsd * 1e6 / 5, f.counterweightUsd * USD, !f.isLong);
        }
        address token = f.wethCollateral ? address(weth) : address(usdc);
        uint256 collateral = collateralForE6(token, f.sizeUsd * 1e6 * 1e4 / f.leverageBps);
        bytes32 key = openEth(trader, token, collateral, f.sizeUsd * USD, f.isLong);
        if (position(key).sizeUsd == 0) return; // the opening requirement refused it (minimum collateral)
        if (f.paused) exchange.setMarketPaused(ethMarket, true);

        vm.warp(block.timestamp + f.warpSeconds);
        setEthPrice(int64(int256(ethPrice) * (10_000 + f.moveBps) / 10_000));
        acceptCurrentPrices();
        (int256 remaining, uint256 maintenance, bool liquidatable) = health(key);

        if (f.traderRejectsTokens) {
            vm.mockCallRevert(address(usdc), abi.encodeWithSelector(IERC20.transfer.selector, trader), "blocked");
            vm.mockCallRevert(address(weth), abi.encodeWithSelector(IERC20.transfer.selector, trader), "blocked");
        }
        bytes[] memory update = priceUpdateNow();
        EthRejectingLiquidator bot = new EthRejectingLiquidator();
        if (!liquidatable) {
            vm.expectRevert(
                abi.encodeWithSelector(IExchangeErrors.PositionNotLiquidatable.selector, key, remaining, maintenance)
            );
        }
        bool ok;
        if (f.liquidatorRejectsEth) {
            ok = bot.liquidate{value: 5}(IExchange(address(exchange)), key, update);
        } else {
            vm.prank(liquidator);
            ok = exchange.liquidatePosition{value: 3}(key, update);
        }
        vm.clearMockedCalls();
        if (liquidatable) {
            assertTrue(ok, "liquidatable => liquidated");
            assertLt(position(key).sizeUsd, f.sizeUsd * USD, "size reduced");
        } else {
            assertEq(position(key).sizeUsd, f.sizeUsd * USD, "healthy => untouched");
        }
        assertVaultAccounted();
        assertLedgerAddsUp();
    }
}
