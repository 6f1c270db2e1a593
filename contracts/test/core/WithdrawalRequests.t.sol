// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {IExchangeEvents} from "../../src/interfaces/IExchangeEvents.sol";
import {IPoolToken} from "../../src/interfaces/IPoolToken.sol";
import {Market} from "../../src/types/MarketTypes.sol";
import {MarketPrices} from "../../src/types/Price.sol";
import {Withdrawal} from "../../src/types/RequestTypes.sol";
import {RequestFixture} from "../utils/RequestFixture.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @notice Withdrawal requests: share escrow, execution at the low pool value, cancellation, and the
/// conditions that refuse or cancel a withdrawal.
contract WithdrawalRequestsTest is RequestFixture {
    uint256 internal shares;

    function setUp() public override {
        super.setUp();
        shares = depositEth(lp, 100 ether, 300_000e6);
    }

    struct Expected {
        uint256 longOut;
        uint256 shortOut;
        uint256 feeUsd;
        int256 poolValue;
        uint256 supply;
    }

    /// @dev What `sharesIn` withdraw at `p`, computed independently: the pool valued low (min prices,
    /// PnL uncapped), minus the liquidity fee, split by the pool's token values at max prices.
    function _expected(uint256 sharesIn, MarketPrices memory p) internal view returns (Expected memory e) {
        e.poolValue = exchange.getPoolValue(ethMarket, p, false, false);
        e.supply = IPoolToken(ethMarket).totalSupply();
        uint256 grossUsd = Math.mulDiv(sharesIn, uint256(e.poolValue) + 1e30, e.supply + 1e18);
        e.feeUsd = Math.mulDiv(grossUsd, 3 * BPS, 1e30, Math.Rounding.Ceil);
        Market memory m = marketState(ethMarket);
        uint256 longValue = m.balances.longAmount * p.long.max;
        uint256 shortValue = m.balances.shortAmount * p.short.max;
        uint256 longUsd = Math.mulDiv(grossUsd - e.feeUsd, longValue, longValue + shortValue);
        e.longOut = longUsd / p.long.max;
        e.shortOut = (grossUsd - e.feeUsd - longUsd) / p.short.max;
    }

    function test_createWithdrawal_escrowsShares() public {
        vm.expectEmit(true, true, true, true, address(exchange));
        emit IExchangeEvents.WithdrawalCreated(2, lp, ethMarket, shares / 4, 1, 2, EXECUTION_FEE);
        uint256 id = createWithdrawalAs(lp, shares / 4, 1, 2);

        assertEq(sharesOf(lp), shares - shares / 4, "shares left");
        assertEq(IPoolToken(ethMarket).balanceOf(ethMarket), shares / 4, "shares escrowed in the pool token");
        Withdrawal memory w = exchange.getWithdrawal(id);
        assertEq(w.account, lp);
        assertEq(w.market, ethMarket);
        assertEq(w.shares, shares / 4);
        assertEq(w.minLongTokenAmount, 1);
        assertEq(w.minShortTokenAmount, 2);
        assertEq(w.executionFee, EXECUTION_FEE);
        assertEq(w.createdAt, block.timestamp);
        assertTrue(isPending(WITHDRAWALS, id));
    }

    function test_executeWithdrawal_paysTokensAtLowPoolValue() public {
        uint256 id = createWithdrawalAs(lp, shares / 4, 0, 0);
        vm.warp(block.timestamp + 1);
        Expected memory e = _expected(shares / 4, ethMarketPrices());
        Market memory before = marketState(ethMarket);
        uint256 keeperEth = keeper.balance;
        bytes[] memory update = priceUpdateNow();

        vm.expectEmit(true, true, true, true, address(exchange));
        emit IExchangeEvents.WithdrawalExecuted(
            id, lp, ethMarket, shares / 4, e.longOut, e.shortOut, e.feeUsd, e.poolValue, e.supply
        );
        vm.prank(keeper);
        exchange.executeWithdrawal{value: PYTH_FEE}(id, update);

        assertEq(weth.balanceOf(lp), e.longOut, "weth paid");
        assertEq(usdc.balanceOf(lp), e.shortOut, "usdc paid");
        assertApproxEqRel(e.longOut, 25 ether, 0.001e18, "a quarter of the weth");
        assertEq(IPoolToken(ethMarket).totalSupply(), e.supply - shares / 4, "escrowed shares burned");
        Market memory m = marketState(ethMarket);
        assertEq(m.balances.longAmount, before.balances.longAmount - e.longOut);
        assertEq(m.balances.shortAmount, before.balances.shortAmount - e.shortOut);
        assertEq(keeper.balance, keeperEth + EXECUTION_FEE - PYTH_FEE, "keeper paid");
        assertFalse(isPending(WITHDRAWALS, id));
        assertEq(exchange.getWithdrawal(id).account, address(0));
    }

    function test_executeWithdrawal_minTokensNotMet_cancelsAndReturnsShares() public {
        uint256 id = createWithdrawalAs(lp, shares / 4, 100 ether, 0);
        vm.warp(block.timestamp + 1);
        Expected memory e = _expected(shares / 4, ethMarketPrices());
        uint256 keeperEth = keeper.balance;
        bytes[] memory update = priceUpdateNow();

        expectCancelled(
            id,
            lp,
            keeper,
            abi.encodeWithSelector(IExchangeErrors.MinTokensNotMet.selector, e.longOut, 100 ether, e.shortOut, 0)
        );
        vm.prank(keeper);
        exchange.executeWithdrawal{value: PYTH_FEE}(id, update);

        assertEq(sharesOf(lp), shares, "shares returned");
        assertEq(IPoolToken(ethMarket).balanceOf(ethMarket), 0);
        assertEq(keeper.balance, keeperEth + EXECUTION_FEE - PYTH_FEE);
        assertFalse(isPending(WITHDRAWALS, id));
    }

    function test_executeWithdrawal_pnlFactorTooHigh_cancels() public {
        // Withdrawals stop while shorts' profit exceeds 10% of the USDC side.
        setMaxPnlFactorForWithdrawals(10 * PCT);
        openEth(trader, address(usdc), 20_000e6, 100_000 * USD, false);
        setEthPrice(1800 * PYTH_ONE);
        uint256 id = createWithdrawalAs(lp, shares / 4, 0, 0);
        vm.warp(block.timestamp + 1);

        MarketPrices memory p = ethMarketPrices();
        Market memory m = marketState(ethMarket);
        uint256 pnl = m.openInterest.shortUsd - m.openInterest.shortTokens * p.index.min;
        uint256 factor = Math.mulDiv(pnl, 1e30, m.balances.shortAmount * p.short.min);
        assertGt(factor, 10 * PCT);
        bytes[] memory update = priceUpdateNow();

        expectCancelled(
            id,
            lp,
            keeper,
            abi.encodeWithSelector(IExchangeErrors.PnlFactorExceededForWithdrawals.selector, false, factor, 10 * PCT)
        );
        vm.prank(keeper);
        exchange.executeWithdrawal{value: PYTH_FEE}(id, update);
        assertEq(sharesOf(lp), shares, "shares returned");
    }

    function setMaxPnlFactorForWithdrawals(uint256 factor) internal {
        Market memory m = marketState(ethMarket);
        m.config.risk.maxPnlFactorForWithdrawals = factor;
        exchange.setMarketConfig(ethMarket, m.config);
    }

    function test_cancelWithdrawal_byOwnerAfterDelay_returnsSharesAndFee() public {
        uint256 id = createWithdrawalAs(lp, shares / 4, 0, 0);
        uint256 lpEth = lp.balance;
        vm.warp(block.timestamp + 30);
        expectCancelled(id, lp, lp, "");
        vm.prank(lp);
        exchange.cancelWithdrawal(id);
        assertEq(sharesOf(lp), shares);
        assertEq(lp.balance, lpEth + EXECUTION_FEE);
        assertFalse(isPending(WITHDRAWALS, id));
    }

    function test_cancelWithdrawal_expiredByAnyone_returnsSharesAndFeeToOwner() public {
        uint256 createdAt = block.timestamp;
        uint256 id = createWithdrawalAs(lp, shares / 4, 0, 0);
        uint256 lpEth = lp.balance;
        vm.warp(createdAt + 61);
        vm.prank(trader);
        exchange.cancelWithdrawal(id);
        assertEq(sharesOf(lp), shares);
        assertEq(lp.balance, lpEth + EXECUTION_FEE);
    }

    function test_RevertWhen_cancelWithdrawalBeforeDelay() public {
        uint256 createdAt = block.timestamp;
        uint256 id = createWithdrawalAs(lp, shares / 4, 0, 0);
        vm.warp(createdAt + 10);
        vm.prank(lp);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.RequestNotCancellableYet.selector, id, createdAt + 30));
        exchange.cancelWithdrawal(id);
    }

    function test_RevertWhen_createWithdrawalOfZeroShares() public {
        vm.prank(lp);
        vm.expectRevert(IExchangeErrors.ZeroShares.selector);
        exchange.createWithdrawal{value: EXECUTION_FEE}(ethMarket, 0, 0, 0);
    }

    function test_RevertWhen_createWithdrawalOfMoreSharesThanHeld() public {
        vm.prank(lp);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, lp, shares, shares + 1));
        exchange.createWithdrawal{value: EXECUTION_FEE}(ethMarket, shares + 1, 0, 0);
    }

    function test_RevertWhen_createWithdrawalInUnknownMarket() public {
        address unknown = makeAddr("unknown market");
        vm.prank(lp);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.MarketNotFound.selector, unknown));
        exchange.createWithdrawal{value: EXECUTION_FEE}(unknown, 1, 0, 0);
    }

    function test_RevertWhen_createWithdrawalFeeBelowMinimum() public {
        vm.prank(lp);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.InsufficientExecutionFee.selector, 0, EXECUTION_FEE));
        exchange.createWithdrawal(ethMarket, 1, 0, 0);
    }

    function test_RevertWhen_executeWithdrawalTwice() public {
        uint256 id = createWithdrawalAs(lp, shares / 4, 0, 0);
        executeWithdrawal(id);
        vm.warp(block.timestamp + 1);
        bytes[] memory update = priceUpdateNow();
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.RequestNotFound.selector, id));
        exchange.executeWithdrawal{value: PYTH_FEE}(id, update);
    }

    function test_RevertWhen_executeWithdrawalAfterExpiry() public {
        uint256 createdAt = block.timestamp;
        uint256 id = createWithdrawalAs(lp, shares / 4, 0, 0);
        vm.warp(createdAt + 100);
        bytes[] memory update = priceUpdate(createdAt + 1);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.RequestExpired.selector, id, createdAt + 60));
        exchange.executeWithdrawal{value: PYTH_FEE}(id, update);
    }
}
