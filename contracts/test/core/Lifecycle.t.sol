// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPoolToken} from "../../src/interfaces/IPoolToken.sol";
import {Market} from "../../src/types/MarketTypes.sol";
import {Position} from "../../src/types/PositionTypes.sol";
import {ExchangeFixture} from "../utils/ExchangeFixture.sol";

/// @notice One LP, one trader, a full lifecycle: deposit, open, price move, close, withdraw.
contract LifecycleTest is ExchangeFixture {
    function test_lifecycle_depositOpenCloseWithdraw() public {
        uint256 shares = depositEth(lp, 100 ether, 300_000e6);
        assertGt(shares, 0, "shares minted");
        assertEq(IPoolToken(ethMarket).balanceOf(lp), shares);

        bytes32 key = openEth(trader, address(usdc), 1000e6, 10_000 * USD, true);
        Position memory p = positionOf(key);
        assertEq(p.sizeUsd, 10_000 * USD, "size");
        assertGt(p.sizeInTokens, 0, "tokens");
        assertLt(p.collateralAmount, 1000e6, "open fee paid from collateral");

        setEthPrice(3300 * PYTH_ONE);
        uint256 usdcBefore = usdc.balanceOf(trader);
        uint256 wethBefore = weth.balanceOf(trader);
        closeEth(trader, address(usdc), type(uint256).max, true);
        assertEq(positionOf(key).sizeUsd, 0, "closed");
        assertGt(usdc.balanceOf(trader), usdcBefore, "collateral back");
        assertGt(weth.balanceOf(trader), wethBefore, "profit in WETH");

        for (uint256 i; i < 2; ++i) {
            address token = i == 0 ? address(weth) : address(usdc);
            assertEq(IPoolToken(token).balanceOf(ethMarket), accountedBalance(ethMarket, token), "vault accounted");
        }

        vm.prank(lp);
        uint256 id = exchange.createWithdrawal{value: EXECUTION_FEE}(ethMarket, shares, 0, 0);
        vm.warp(block.timestamp + 1);
        bytes[] memory update = priceUpdateNow();
        vm.prank(keeper);
        exchange.executeWithdrawal{value: 3}(id, update);
        assertEq(IPoolToken(ethMarket).balanceOf(lp), 0, "shares burned");
        assertGt(weth.balanceOf(lp), 0);
        assertGt(usdc.balanceOf(lp), 0);
        Market memory m = marketState(ethMarket);
        assertEq(m.openInterest.longUsd, 0);
    }
}
