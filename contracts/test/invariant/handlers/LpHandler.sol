// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPoolToken} from "../../../src/interfaces/IPoolToken.sol";
import {HandlerBase} from "./HandlerBase.sol";

/// @notice Liquidity providers: request deposits (one or both pool tokens) and withdrawals of part of
/// their shares. The keeper handler executes the requests.
contract LpHandler is HandlerBase {
    address[3] public actors;
    uint256 public depositRequests;
    uint256 public withdrawalRequests;

    constructor(Deployment memory d) HandlerBase(d) {
        for (uint256 i; i < 3; ++i) {
            actors[i] = address(uint160(0x1A0000 + i));
            vm.deal(actors[i], 100 ether);
        }
    }

    function deposit(uint256 actorSeed, uint256 wethSeed, uint256 usdcSeed) external {
        _keeperTick();
        address lp = actors[actorSeed % 3];
        uint256 wethAmount = _bound(wethSeed, 0, 200 ether);
        uint256 usdcAmount = _bound(usdcSeed, 0, 600_000e6);
        if (wethAmount + usdcAmount < 1e6) usdcAmount = 1000e6;
        _fund(lp, wethAmount, usdcAmount);
        vm.prank(lp);
        exchange.createDeposit{value: EXECUTION_FEE}(market, wethAmount, usdcAmount, 0);
        ++depositRequests;
    }

    function withdraw(uint256 actorSeed, uint256 fractionSeed) external {
        _keeperTick();
        address lp = actors[actorSeed % 3];
        uint256 balance = IPoolToken(market).balanceOf(lp);
        if (balance == 0) return;
        uint256 shares = balance * _bound(fractionSeed, 1, 100) / 100;
        if (shares == 0) return;
        vm.prank(lp);
        exchange.createWithdrawal{value: EXECUTION_FEE}(market, shares, 0, 0);
        ++withdrawalRequests;
    }
}
