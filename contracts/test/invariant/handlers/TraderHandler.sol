// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CreateOrderParams, OrderType} from "../../../src/types/RequestTypes.sol";
import {HandlerBase} from "./HandlerBase.sol";

/// @notice Traders: request market increases (open or grow, $1k to $300k, 1.1x to 35x, either side,
/// either collateral token) and decreases (1% to 100% of a position). The keeper handler executes them.
contract TraderHandler is HandlerBase {
    address[4] public actors;
    uint256 public increaseRequests;
    uint256 public decreaseRequests;

    constructor(Deployment memory d) HandlerBase(d) {
        for (uint256 i; i < 4; ++i) {
            actors[i] = address(uint160(0x7A0000 + i));
            vm.deal(actors[i], 100 ether);
        }
    }

    function increase(uint256 actorSeed, bool isLong, bool wethCollateral, uint256 sizeSeed, uint256 leverageSeed)
        external
    {
        _keeperTick();
        address trader = actors[actorSeed % 4];
        uint256 sizeUsd = _bound(sizeSeed, 1000, 300_000) * USD;
        uint256 leverageBps = _bound(leverageSeed, 11_000, 350_000);
        uint256 collateralUsd = sizeUsd * 1e4 / leverageBps;
        address token = wethCollateral ? address(weth) : address(usdc);
        // USD-30 / price per smallest unit.
        uint256 amount = wethCollateral ? collateralUsd / prices.ethMid() : collateralUsd / 1e24;
        if (amount == 0) return;
        if (wethCollateral) _fund(trader, amount, 0);
        else _fund(trader, 0, amount);
        vm.prank(trader);
        exchange.createOrder{value: EXECUTION_FEE}(
            CreateOrderParams({
                market: market,
                collateralToken: token,
                isLong: isLong,
                orderType: OrderType.MarketIncrease,
                sizeDeltaUsd: sizeUsd,
                collateralDeltaAmount: amount,
                triggerPrice: 0,
                acceptablePrice: isLong ? type(uint256).max : 0
            })
        );
        ++increaseRequests;
    }

    function decrease(uint256 actorSeed, bool isLong, bool wethCollateral, uint256 fractionSeed) external {
        _keeperTick();
        address trader = actors[actorSeed % 4];
        address token = wethCollateral ? address(weth) : address(usdc);
        uint256 size = exchange.getPosition(exchange.positionKey(trader, market, token, isLong)).sizeUsd;
        if (size == 0) return;
        uint256 fraction = _bound(fractionSeed, 1, 100);
        uint256 sizeDelta = fraction == 100 ? size : size * fraction / 100;
        vm.prank(trader);
        exchange.createOrder{value: EXECUTION_FEE}(
            CreateOrderParams({
                market: market,
                collateralToken: token,
                isLong: isLong,
                orderType: OrderType.MarketDecrease,
                sizeDeltaUsd: sizeDelta,
                collateralDeltaAmount: 0,
                triggerPrice: 0,
                acceptablePrice: isLong ? 0 : type(uint256).max
            })
        );
        ++decreaseRequests;
    }
}
