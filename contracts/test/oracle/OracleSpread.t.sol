// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MarketDefaults} from "../../script/MarketDefaults.sol";
import {IExchangeEvents} from "../../src/interfaces/IExchangeEvents.sol";
import {IPoolToken} from "../../src/interfaces/IPoolToken.sol";
import {MarketConfig} from "../../src/types/MarketTypes.sol";
import {PositionChange} from "../../src/types/PositionTypes.sol";
import {MarketPrices} from "../../src/types/Price.sol";
import {RequestFixture} from "../utils/RequestFixture.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice The oracle's min/max prices (price -/+ confidence) are used on the side worse for the trader
/// or LP. Confidence is a wide 0.5% here and price impact is off, so each execution price is exactly
/// one end of the range.
contract OracleSpreadTest is RequestFixture {
    uint256 internal constant SIZE = 10_000 * USD;

    function marketConfig() internal pure override returns (MarketConfig memory c) {
        c = MarketDefaults.marketConfig();
        c.impact.positiveImpactFactor = 0;
        c.impact.negativeImpactFactor = 0;
    }

    function setUp() public override {
        super.setUp();
        confBps = 50;
        depositEth(lp, 100 ether, 300_000e6);
    }

    function _changeOf(Vm.Log[] memory logs, bool increase) internal pure returns (PositionChange memory change) {
        if (increase) (change,) = increaseOf(logs);
        else (change,,,) = decreaseOf(logs);
    }

    function _trade(bool isLong, bool increase, uint256 collateral) internal returns (PositionChange memory) {
        if (increase) fund(trader, 0, collateral);
        uint256 acceptable = isLong == increase ? type(uint256).max : 0;
        uint256 id = createMarketOrder(
            trader,
            ethMarket,
            address(usdc),
            isLong,
            increase,
            increase ? SIZE : type(uint256).max,
            collateral,
            acceptable
        );
        return _changeOf(executeOrderRecorded(id), increase);
    }

    function test_longOpensAtMaxAndClosesAtMin() public {
        MarketPrices memory p = ethMarketPrices();
        assertEq(p.index.max - p.index.min, 30e12, "a $30 wide range at $3000 and 0.5%");
        PositionChange memory open = _trade(true, true, 1000e6);
        assertEq(open.sizeDeltaInTokens, SIZE / p.index.max, "tokens bought at the max price");
        assertEq(open.executionPrice, Math.ceilDiv(SIZE, open.sizeDeltaInTokens));
        assertGe(open.executionPrice, p.index.max);

        PositionChange memory close = _trade(true, false, 0);
        assertEq(close.executionPrice, p.index.min, "sold at the min price");
    }

    function test_shortOpensAtMinAndClosesAtMax() public {
        MarketPrices memory p = ethMarketPrices();
        PositionChange memory open = _trade(false, true, 1000e6);
        assertEq(open.sizeDeltaInTokens, Math.ceilDiv(SIZE, p.index.min), "tokens sold at the min price");
        assertLe(open.executionPrice, p.index.min);

        PositionChange memory close = _trade(false, false, 0);
        assertEq(close.executionPrice, p.index.max, "bought back at the max price");
    }

    function test_depositIsValuedAtMinAndPoolAtMax() public {
        fund(trader, 1 ether, 0);
        uint256 id = createDeposit(trader, ethMarket, 1 ether, 0);
        vm.warp(block.timestamp + 1);
        MarketPrices memory p = ethMarketPrices();
        int256 poolAtMax = exchange.getPoolValue(ethMarket, p, true, true);
        assertGt(poolAtMax, exchange.getPoolValue(ethMarket, p, false, true), "max > min valuation");
        uint256 supply = sharesOf(lp);
        uint256 depositUsd = 1 ether * p.long.min;
        uint256 feeUsd = Math.mulDiv(depositUsd, 3 * BPS, 1e30, Math.Rounding.Ceil);
        uint256 shares = Math.mulDiv(depositUsd - feeUsd, supply + 1e18, uint256(poolAtMax) + 1e30);
        bytes[] memory update = priceUpdateNow();

        vm.expectEmit(true, true, true, true, address(exchange));
        emit IExchangeEvents.DepositExecuted(id, trader, ethMarket, 1 ether, 0, shares, feeUsd, poolAtMax, supply);
        vm.prank(keeper);
        exchange.executeDeposit{value: PYTH_FEE}(id, update);
    }

    function test_withdrawalValuesPoolAtMinAndPaysTokensAtMax() public {
        uint256 shares = sharesOf(lp) / 10;
        uint256 id = createWithdrawalAs(lp, shares, 0, 0);
        vm.warp(block.timestamp + 1);
        MarketPrices memory p = ethMarketPrices();
        int256 poolAtMin = exchange.getPoolValue(ethMarket, p, false, false);
        uint256 supply = IPoolToken(ethMarket).totalSupply();
        uint256 grossUsd = Math.mulDiv(shares, uint256(poolAtMin) + 1e30, supply + 1e18);
        uint256 netUsd = grossUsd - Math.mulDiv(grossUsd, 3 * BPS, 1e30, Math.Rounding.Ceil);
        uint256 longValue = 100 ether * p.long.max;
        uint256 longUsd = Math.mulDiv(netUsd, longValue, longValue + 300_000e6 * p.short.max);
        executeWithdrawal(id);
        assertEq(weth.balanceOf(lp), longUsd / p.long.max, "WETH paid at its max price");
        assertEq(usdc.balanceOf(lp), (netUsd - longUsd) / p.short.max, "USDC paid at its max price");
    }
}
