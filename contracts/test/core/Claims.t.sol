// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MarketDefaults} from "../../script/MarketDefaults.sol";
import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {IExchangeEvents} from "../../src/interfaces/IExchangeEvents.sol";
import {IPoolToken} from "../../src/interfaces/IPoolToken.sol";
import {Market} from "../../src/types/MarketTypes.sol";
import {BlockableERC20} from "../utils/BlockableERC20.sol";
import {EthRejecter} from "../utils/EthRejecter.sol";
import {RequestFixture} from "../utils/RequestFixture.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice Payments that fail do not block executions: ETH owed to a contract that refuses it and
/// tokens a token contract refuses to move become claims, which `claimEth` and `claimFunds` pay later.
contract ClaimsTest is RequestFixture {
    EthRejecter internal rejecter;
    BlockableERC20 internal busd;
    address internal busdMarket;

    function setUp() public override {
        super.setUp();
        rejecter = new EthRejecter(exchange);
        vm.deal(address(rejecter), 0);
        busd = new BlockableERC20("Blockable USD", "bUSD", 6);
        oracle.setFeed(address(busd), MarketDefaults.USDC_USD_FEED, -8, 6);
        busdMarket = exchange.createMarket(
            address(weth),
            address(weth),
            address(busd),
            marketConfig(),
            MarketDefaults.MAINTENANCE_MARGIN,
            "ETH/bUSD LP",
            "bETH-bUSD"
        );
    }

    // ------------------------------------------------------------------ ETH

    function test_refundToContractRejectingEth_becomesClaimable() public {
        weth.mint(address(rejecter), 1 ether);
        rejecter.approve(IERC20(address(weth)));
        uint256 id = rejecter.createDeposit{value: EXECUTION_FEE}(ethMarket, 1 ether, 0);
        vm.warp(block.timestamp + 30);

        vm.expectEmit(true, true, true, true, address(exchange));
        emit IExchangeEvents.EthClaimable(address(rejecter), EXECUTION_FEE);
        rejecter.cancelDeposit(id);
        assertEq(weth.balanceOf(address(rejecter)), 1 ether, "tokens refunded");
        assertEq(exchange.claimableEth(address(rejecter)), EXECUTION_FEE, "fee owed");
        assertEq(address(exchange).balance, EXECUTION_FEE, "fee kept for the claim");

        vm.expectRevert(
            abi.encodeWithSelector(
                IExchangeErrors.ClaimTransferFailed.selector, address(0), address(rejecter), EXECUTION_FEE
            )
        );
        rejecter.claimEth();

        rejecter.setAcceptsEth(true);
        vm.expectEmit(true, true, true, true, address(exchange));
        emit IExchangeEvents.EthClaimed(address(rejecter), EXECUTION_FEE);
        assertEq(rejecter.claimEth(), EXECUTION_FEE);
        assertEq(address(rejecter).balance, EXECUTION_FEE, "paid");
        assertEq(exchange.claimableEth(address(rejecter)), 0);
        assertEq(address(exchange).balance, 0);

        vm.expectRevert(IExchangeErrors.NothingToClaim.selector);
        rejecter.claimEth();
    }

    function test_keeperRejectingEth_feeAndPythRefundBecomeClaimable() public {
        exchange.grantRole(exchange.ORDER_KEEPER_ROLE(), address(rejecter));
        fund(lp, 1 ether, 0);
        uint256 id = createDeposit(lp, ethMarket, 1 ether, 0);
        vm.warp(block.timestamp + 1);
        bytes[] memory update = priceUpdateNow();
        rejecter.executeDeposit{value: PYTH_FEE + 7}(id, update);

        assertGt(sharesOf(lp), 0, "the deposit executed");
        assertEq(exchange.claimableEth(address(rejecter)), EXECUTION_FEE + 7, "fee and Pyth excess owed");
        rejecter.setAcceptsEth(true);
        rejecter.claimEth();
        assertEq(address(rejecter).balance, EXECUTION_FEE + 7);
    }

    // ------------------------------------------------------------------ tokens

    function _depositBusd(address account, uint256 wethAmount, uint256 busdAmount) internal returns (uint256 shares) {
        weth.mint(account, wethAmount);
        busd.mint(account, busdAmount);
        vm.startPrank(account);
        weth.approve(address(exchange), type(uint256).max);
        busd.approve(address(exchange), type(uint256).max);
        uint256 id = exchange.createDeposit{value: EXECUTION_FEE}(busdMarket, wethAmount, busdAmount, 0);
        vm.stopPrank();
        vm.warp(block.timestamp + 1);
        bytes[] memory update = priceUpdateNow();
        vm.prank(keeper);
        exchange.executeDeposit{value: PYTH_FEE}(id, update);
        shares = IPoolToken(busdMarket).balanceOf(account);
    }

    function _vaultAccounted() internal view {
        assertEq(
            busd.balanceOf(busdMarket), accountedBalance(busdMarket, address(busd)), "every bUSD in the vault owned"
        );
        assertEq(weth.balanceOf(busdMarket), accountedBalance(busdMarket, address(weth)), "every WETH owned");
    }

    function test_withdrawalToBlockedAccount_tokenBecomesClaimable() public {
        uint256 shares = _depositBusd(lp, 10 ether, 30_000e6);
        vm.prank(lp);
        uint256 id = exchange.createWithdrawal{value: EXECUTION_FEE}(busdMarket, shares, 0, 0);
        busd.setBlocked(lp, true);
        vm.warp(block.timestamp + 1);
        bytes[] memory update = priceUpdateNow();
        vm.recordLogs();
        vm.prank(keeper);
        exchange.executeWithdrawal{value: PYTH_FEE}(id, update);
        Vm.Log[] memory logs = vm.getRecordedLogs();

        assertTrue(hasLog(logs, IExchangeEvents.TransferFailed.selector), "TransferFailed emitted");
        assertTrue(hasLog(logs, IExchangeEvents.WithdrawalExecuted.selector), "the withdrawal still executed");
        uint256 owed = exchange.claimableFunds(busdMarket, address(busd), lp);
        assertGt(owed, 29_000e6, "the bUSD part is owed");
        assertEq(busd.balanceOf(lp), 0);
        assertGt(weth.balanceOf(lp), 9.9 ether, "WETH delivered");
        Market memory m = marketState(busdMarket);
        assertEq(m.balances.claimableShortTokenAmount, owed, "claims booked in the vault");
        _vaultAccounted();

        vm.prank(lp);
        vm.expectRevert(abi.encodeWithSelector(IExchangeErrors.ClaimTransferFailed.selector, address(busd), lp, owed));
        exchange.claimFunds(busdMarket, address(busd));

        busd.setBlocked(lp, false);
        vm.expectEmit(true, true, true, true, address(exchange));
        emit IExchangeEvents.FundsClaimed(busdMarket, address(busd), lp, owed);
        vm.prank(lp);
        assertEq(exchange.claimFunds(busdMarket, address(busd)), owed);
        assertEq(busd.balanceOf(lp), owed, "paid");
        assertEq(exchange.claimableFunds(busdMarket, address(busd), lp), 0);
        assertEq(marketState(busdMarket).balances.claimableShortTokenAmount, 0);
        _vaultAccounted();

        vm.prank(lp);
        vm.expectRevert(IExchangeErrors.NothingToClaim.selector);
        exchange.claimFunds(busdMarket, address(busd));
    }

    function test_cancelRefundToBlockedAccount_becomesClaimable() public {
        _depositBusd(lp, 10 ether, 30_000e6);
        busd.mint(trader, 5000e6);
        vm.startPrank(trader);
        busd.approve(address(exchange), type(uint256).max);
        uint256 id = exchange.createDeposit{value: EXECUTION_FEE}(busdMarket, 0, 5000e6, 0);
        vm.stopPrank();
        busd.setBlocked(trader, true);
        vm.warp(block.timestamp + 30);

        vm.expectEmit(true, true, true, true, address(exchange));
        emit IExchangeEvents.TransferFailed(busdMarket, address(busd), trader, 5000e6);
        vm.prank(trader);
        exchange.cancelDeposit(id);
        assertEq(exchange.claimableFunds(busdMarket, address(busd), trader), 5000e6);
        assertEq(marketState(busdMarket).balances.escrowShortTokenAmount, 0, "escrow released");
        _vaultAccounted();
    }

    function test_RevertWhen_claimFundsWithNothingOwed() public {
        vm.prank(trader);
        vm.expectRevert(IExchangeErrors.NothingToClaim.selector);
        exchange.claimFunds(ethMarket, address(usdc));
    }
}
