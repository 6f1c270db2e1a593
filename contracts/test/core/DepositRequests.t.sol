// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {IExchangeEvents} from "../../src/interfaces/IExchangeEvents.sol";
import {IPoolToken} from "../../src/interfaces/IPoolToken.sol";
import {Market} from "../../src/types/MarketTypes.sol";
import {MarketPrices} from "../../src/types/Price.sol";
import {Deposit} from "../../src/types/RequestTypes.sol";
import {RequestFixture} from "../utils/RequestFixture.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @notice Deposit requests: creation and escrow, execution at pool value, cancellation, and every
/// way a deposit request is refused.
contract DepositRequestsTest is RequestFixture {
    address internal lp2 = makeAddr("lp2");

    function setUp() public override {
        super.setUp();
        vm.deal(lp2, 10 ether);
        fund(lp2, 10 ether, 30_000e6);
    }

    function _create(uint256 wethAmount, uint256 usdcAmount, uint256 minShares) internal returns (uint256 id) {
        vm.prank(lp2);
        id = exchange.createDeposit{value: EXECUTION_FEE}(ethMarket, wethAmount, usdcAmount, minShares);
    }

    /// @dev Shares a deposit gets at `prices`, computed independently: (deposit at min prices - fee) x
    /// (supply + 1e18) / (pool value + 1e30), rounded down.
    function _expectedShares(uint256 wethAmount, uint256 usdcAmount, MarketPrices memory p)
        internal
        view
        returns (uint256 shares, uint256 feeUsd, int256 poolValue, uint256 supply)
    {
        uint256 depositUsd = wethAmount * p.long.min + usdcAmount * p.short.min;
        feeUsd = Math.mulDiv(depositUsd, 3 * BPS, 1e30, Math.Rounding.Ceil);
        poolValue = exchange.getPoolValue(ethMarket, p, true, true);
        supply = IPoolToken(ethMarket).totalSupply();
        shares = Math.mulDiv(depositUsd - feeUsd, supply + 1e18, uint256(poolValue) + 1e30);
    }

    // ------------------------------------------------------------------ creation

    function test_createDeposit_escrowsTokensAndFee() public {
        vm.expectEmit(true, true, true, true, address(exchange));
        emit IExchangeEvents.DepositCreated(1, lp2, ethMarket, 2 ether, 5000e6, 7, EXECUTION_FEE);
        uint256 id = _create(2 ether, 5000e6, 7);

        assertEq(id, 1, "first id");
        assertEq(weth.balanceOf(ethMarket), 2 ether, "weth in vault");
        assertEq(usdc.balanceOf(ethMarket), 5000e6, "usdc in vault");
        assertEq(weth.balanceOf(lp2), 8 ether, "weth left");
        assertEq(address(exchange).balance, EXECUTION_FEE, "fee held");
        Market memory m = marketState(ethMarket);
        assertEq(m.balances.escrowLongTokenAmount, 2 ether, "long escrow");
        assertEq(m.balances.escrowShortTokenAmount, 5000e6, "short escrow");
        assertEq(m.balances.longAmount, 0, "not pool yet");

        Deposit memory d = exchange.getDeposit(id);
        assertEq(d.account, lp2);
        assertEq(d.createdAt, block.timestamp);
        assertEq(d.market, ethMarket);
        assertEq(d.longTokenAmount, 2 ether);
        assertEq(d.shortTokenAmount, 5000e6);
        assertEq(d.minShares, 7);
        assertEq(d.executionFee, EXECUTION_FEE);
        assertTrue(isPending(DEPOSITS, id), "pending");
        assertEq(exchange.getPendingRequestCount(DEPOSITS), 1);
    }

    function test_createDeposit_acceptsASingleToken() public {
        uint256 id = _create(0, 1000e6, 0);
        assertEq(marketState(ethMarket).balances.escrowShortTokenAmount, 1000e6);
        assertEq(marketState(ethMarket).balances.escrowLongTokenAmount, 0);
        assertTrue(isPending(DEPOSITS, id));
    }

    function test_RevertWhen_createDepositIsEmpty() public {
        vm.prank(lp2);
        vm.expectRevert(IExchangeErrors.EmptyDeposit.selector);
        exchange.createDeposit{value: EXECUTION_FEE}(ethMarket, 0, 0, 0);
    }

    function test_RevertWhen_createDepositInUnknownMarket() public {
        address unknown = makeAddr("unknown market");
        vm.prank(lp2);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.MarketNotFound.selector, unknown));
        exchange.createDeposit{value: EXECUTION_FEE}(unknown, 1 ether, 0, 0);
    }

    function test_RevertWhen_createDepositFeeBelowMinimum() public {
        vm.prank(lp2);
        vm.expectRevert(
            abi.encodeWithSelector(IExchangeErrors.InsufficientExecutionFee.selector, EXECUTION_FEE - 1, EXECUTION_FEE)
        );
        exchange.createDeposit{value: EXECUTION_FEE - 1}(ethMarket, 1 ether, 0, 0);
    }

    // ------------------------------------------------------------------ execution

    function test_executeDeposit_mintsSharesAtPoolValue() public {
        depositEth(lp, 100 ether, 300_000e6);
        uint256 id = _create(2 ether, 5000e6, 0);
        vm.warp(block.timestamp + 1);
        (uint256 shares, uint256 feeUsd, int256 poolValue, uint256 supply) =
            _expectedShares(2 ether, 5000e6, ethMarketPrices());
        Market memory before = marketState(ethMarket);
        uint256 keeperEth = keeper.balance;
        uint256 pythEth = address(pyth).balance;
        bytes[] memory update = priceUpdateNow();

        vm.expectEmit(true, true, true, true, address(exchange));
        emit IExchangeEvents.DepositExecuted(id, lp2, ethMarket, 2 ether, 5000e6, shares, feeUsd, poolValue, supply);
        vm.prank(keeper);
        exchange.executeDeposit{value: PYTH_FEE}(id, update);

        assertEq(sharesOf(lp2), shares, "shares minted");
        assertGt(shares, 0);
        Market memory m = marketState(ethMarket);
        assertEq(m.balances.escrowLongTokenAmount, 0, "escrow released");
        assertEq(m.balances.escrowShortTokenAmount, 0);
        assertEq(m.balances.longAmount, before.balances.longAmount + 2 ether, "tokens join the pool");
        assertEq(m.balances.shortAmount, before.balances.shortAmount + 5000e6);
        assertEq(exchange.getDeposit(id).account, address(0), "deleted");
        assertFalse(isPending(DEPOSITS, id), "not pending");
        assertEq(keeper.balance, keeperEth + EXECUTION_FEE - PYTH_FEE, "keeper paid, Pyth fee spent");
        assertEq(address(pyth).balance, pythEth + PYTH_FEE, "Pyth got its fee");
        assertEq(address(exchange).balance, 0, "no ETH left behind");
    }

    function test_executeDeposit_firstDepositGetsVirtualRate() public {
        uint256 id = _create(1 ether, 0, 0);
        vm.warp(block.timestamp + 1);
        MarketPrices memory p = ethMarketPrices();
        uint256 depositUsd = 1 ether * p.long.min;
        uint256 feeUsd = Math.mulDiv(depositUsd, 3 * BPS, 1e30, Math.Rounding.Ceil);
        bytes[] memory update = priceUpdateNow();
        vm.prank(keeper);
        exchange.executeDeposit{value: PYTH_FEE}(id, update);
        // One share per USD (18 decimals) in an empty pool.
        assertEq(sharesOf(lp2), (depositUsd - feeUsd) / 1e12);
    }

    function test_executeDeposit_refundsExcessPythFee() public {
        uint256 id = _create(1 ether, 0, 0);
        vm.warp(block.timestamp + 1);
        uint256 keeperEth = keeper.balance;
        bytes[] memory update = priceUpdateNow();
        vm.prank(keeper);
        exchange.executeDeposit{value: 1 ether}(id, update);
        assertEq(keeper.balance, keeperEth + EXECUTION_FEE - PYTH_FEE, "only the quoted fee is kept");
    }

    function test_executeDeposit_minSharesNotMet_cancelsRefundsAndPaysKeeper() public {
        depositEth(lp, 100 ether, 300_000e6);
        uint256 id = _create(2 ether, 5000e6, type(uint256).max);
        vm.warp(block.timestamp + 1);
        (uint256 shares,,,) = _expectedShares(2 ether, 5000e6, ethMarketPrices());
        uint256 keeperEth = keeper.balance;
        uint256 lp2Eth = lp2.balance;
        bytes[] memory update = priceUpdateNow();

        expectCancelled(
            id, lp2, keeper, abi.encodeWithSelector(IExchangeErrors.MinSharesNotMet.selector, shares, type(uint256).max)
        );
        vm.prank(keeper);
        exchange.executeDeposit{value: PYTH_FEE}(id, update);

        assertEq(sharesOf(lp2), 0, "no shares");
        assertEq(weth.balanceOf(lp2), 10 ether, "weth refunded");
        assertEq(usdc.balanceOf(lp2), 30_000e6, "usdc refunded");
        assertEq(marketState(ethMarket).balances.escrowLongTokenAmount, 0);
        assertEq(keeper.balance, keeperEth + EXECUTION_FEE - PYTH_FEE, "keeper still paid");
        assertEq(lp2.balance, lp2Eth, "fee not refunded to the owner");
        assertFalse(isPending(DEPOSITS, id));
    }

    function test_RevertWhen_executeDepositTwice() public {
        uint256 id = _create(1 ether, 0, 0);
        executeDeposit(id);
        vm.warp(block.timestamp + 1);
        bytes[] memory update = priceUpdateNow();
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.RequestNotFound.selector, id));
        exchange.executeDeposit{value: PYTH_FEE}(id, update);
    }

    function test_RevertWhen_executeDepositByNonKeeper() public {
        uint256 id = _create(1 ether, 0, 0);
        vm.warp(block.timestamp + 1);
        bytes[] memory update = priceUpdateNow();
        bytes32 role = exchange.ORDER_KEEPER_ROLE();
        vm.prank(trader);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, trader, role));
        exchange.executeDeposit{value: PYTH_FEE}(id, update);
    }

    function test_RevertWhen_executeDepositAfterExpiry() public {
        uint256 createdAt = block.timestamp;
        uint256 id = _create(1 ether, 0, 0);
        vm.warp(createdAt + 61);
        bytes[] memory update = priceUpdate(createdAt + 30);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.RequestExpired.selector, id, createdAt + 60));
        exchange.executeDeposit{value: PYTH_FEE}(id, update);
    }

    function test_executeDeposit_atLastSecondBeforeExpiry() public {
        uint256 createdAt = block.timestamp;
        uint256 id = _create(1 ether, 0, 0);
        vm.warp(createdAt + 60);
        bytes[] memory update = priceUpdate(createdAt + 60);
        vm.prank(keeper);
        exchange.executeDeposit{value: PYTH_FEE}(id, update);
        assertGt(sharesOf(lp2), 0);
    }

    // ------------------------------------------------------------------ cancellation

    function test_cancelDeposit_byOwnerAfterDelay_refundsEscrowAndFee() public {
        uint256 id = _create(2 ether, 5000e6, 0);
        uint256 lp2Eth = lp2.balance;
        vm.warp(block.timestamp + 30);
        expectCancelled(id, lp2, lp2, "");
        vm.prank(lp2);
        exchange.cancelDeposit(id);

        assertEq(weth.balanceOf(lp2), 10 ether, "weth back");
        assertEq(usdc.balanceOf(lp2), 30_000e6, "usdc back");
        assertEq(lp2.balance, lp2Eth + EXECUTION_FEE, "fee back");
        assertEq(marketState(ethMarket).balances.escrowLongTokenAmount, 0);
        assertEq(marketState(ethMarket).balances.escrowShortTokenAmount, 0);
        assertEq(exchange.getDeposit(id).account, address(0));
        assertEq(exchange.getPendingRequestCount(DEPOSITS), 0);
    }

    function test_RevertWhen_cancelDepositBeforeDelay() public {
        uint256 createdAt = block.timestamp;
        uint256 id = _create(1 ether, 0, 0);
        vm.warp(createdAt + 29);
        vm.prank(lp2);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.RequestNotCancellableYet.selector, id, createdAt + 30));
        exchange.cancelDeposit(id);
    }

    function test_RevertWhen_cancelDepositByOtherBeforeExpiry() public {
        uint256 createdAt = block.timestamp;
        uint256 id = _create(1 ether, 0, 0);
        vm.warp(createdAt + 60);
        vm.prank(trader);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.RequestNotCancellableYet.selector, id, createdAt + 61));
        exchange.cancelDeposit(id);
    }

    function test_cancelDeposit_expiredByAnyone_refundsEverythingToOwner() public {
        uint256 createdAt = block.timestamp;
        uint256 id = _create(2 ether, 5000e6, 0);
        uint256 lp2Eth = lp2.balance;
        uint256 traderEth = trader.balance;
        vm.warp(createdAt + 61);
        expectCancelled(id, lp2, trader, "");
        vm.prank(trader);
        exchange.cancelDeposit(id);
        assertEq(weth.balanceOf(lp2), 10 ether);
        assertEq(usdc.balanceOf(lp2), 30_000e6);
        assertEq(lp2.balance, lp2Eth + EXECUTION_FEE, "execution fee to the owner");
        assertEq(trader.balance, traderEth, "the canceller earns nothing");
    }

    function test_RevertWhen_cancelUnknownDeposit() public {
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.RequestNotFound.selector, 42));
        exchange.cancelDeposit(42);
    }

    function test_RevertWhen_cancelDepositAsWithdrawal() public {
        uint256 id = _create(1 ether, 0, 0);
        vm.warp(block.timestamp + 30);
        vm.prank(lp2);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.RequestNotFound.selector, id));
        exchange.cancelWithdrawal(id);
    }
}
