// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MarketDefaults} from "../../script/MarketDefaults.sol";
import {IExchangeErrors} from "../../src/interfaces/IExchangeErrors.sol";
import {Market, MarketConfig} from "../../src/types/MarketTypes.sol";
import {Position} from "../../src/types/PositionTypes.sol";
import {MarketPrices} from "../../src/types/Price.sol";
import {OrderType} from "../../src/types/RequestTypes.sol";
import {RequestFixture} from "../utils/RequestFixture.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @notice Orders that fail their own conditions at execution: each is cancelled, its escrow refunded
/// to the owner, and the keeper still earns the execution fee. Price impact, borrowing and funding are
/// off in this suite so every expected value can be computed by hand: tokens = size / max price, open
/// and close fee = 7 bps of size.
contract ExecutionFailuresTest is RequestFixture {
    uint256 internal constant SIZE = 10_000 * USD;

    function marketConfig() internal pure override returns (MarketConfig memory c) {
        c = MarketDefaults.marketConfig();
        c.impact.positiveImpactFactor = 0;
        c.impact.negativeImpactFactor = 0;
        c.rates.borrowingBaseRatePerSecond = 0;
        c.rates.borrowingSlope1PerSecond = 0;
        c.rates.borrowingSlope2PerSecond = 0;
        c.rates.fundingFactorPerSecond = 0;
    }

    function setUp() public override {
        super.setUp();
        depositEth(lp, 100 ether, 300_000e6);
    }

    // ------------------------------------------------------------------ helpers

    function _submitIncrease(uint256 sizeUsd, uint256 collateral, uint256 acceptablePrice) internal returns (uint256) {
        fund(trader, 0, collateral);
        return submitOrder(
            trader, orderParams(OrderType.MarketIncrease, address(usdc), true, sizeUsd, collateral, 0, acceptablePrice)
        );
    }

    /// @dev Executes `id`, expecting a cancellation with `reason`, and checks the refund and the fee.
    function _expectCancelledExecution(uint256 id, bytes memory reason, uint256 refundUsdc) internal {
        vm.warp(block.timestamp + 1);
        uint256 keeperEth = keeper.balance;
        uint256 traderUsdc = usdc.balanceOf(trader);
        bytes[] memory update = priceUpdateNow();
        expectCancelled(id, trader, keeper, reason);
        vm.prank(keeper);
        exchange.executeOrder{value: PYTH_FEE}(id, update);
        assertEq(usdc.balanceOf(trader), traderUsdc + refundUsdc, "escrow refunded");
        assertEq(keeper.balance, keeperEth + EXECUTION_FEE - PYTH_FEE, "keeper paid");
        assertFalse(isPending(ORDERS, id), "removed");
        assertEq(marketState(ethMarket).balances.escrowShortTokenAmount, 0, "no escrow left");
        assertEq(usdc.balanceOf(ethMarket), accountedBalance(ethMarket, address(usdc)), "vault accounted");
    }

    function _tokensFor(uint256 sizeUsd) internal view returns (uint256) {
        return sizeUsd / ethMarketPrices().index.max;
    }

    /// @dev Remaining collateral of a fresh long (no borrowing or funding yet, no impact) of `sizeUsd`
    /// holding `tokens` with `collateral` USDC left after its open fee.
    function _remaining(uint256 sizeUsd, uint256 tokens, uint256 collateral) internal view returns (int256) {
        MarketPrices memory p = ethMarketPrices();
        uint256 closeFee = Math.mulDiv(sizeUsd, 7 * BPS, 1e30, Math.Rounding.Ceil);
        return int256(collateral * p.short.min) + int256(tokens * p.index.min) - int256(sizeUsd) - int256(closeFee);
    }

    function _openFeeAmount(uint256 sizeUsd) internal view returns (uint256) {
        return Math.ceilDiv(Math.mulDiv(sizeUsd, 7 * BPS, 1e30, Math.Rounding.Ceil), ethMarketPrices().short.min);
    }

    function _key() internal view returns (bytes32) {
        return exchange.positionKey(trader, ethMarket, address(usdc), true);
    }

    // ------------------------------------------------------------------ increases

    function test_executeIncrease_acceptablePriceViolated_cancels() public {
        uint256 acceptable = 3000e12; // below the max price the long buys at (execution price rounds up)
        uint256 id = _submitIncrease(SIZE, 1000e6, acceptable);
        uint256 tokens = _tokensFor(SIZE);
        _expectCancelledExecution(
            id,
            abi.encodeWithSelector(
                IExchangeErrors.AcceptablePriceNotMet.selector, Math.ceilDiv(SIZE, tokens), acceptable
            ),
            1000e6
        );
        assertEq(positionOf(_key()).account, address(0), "no position");
    }

    function test_executeIncrease_leverageAboveMax_cancelsWithInsufficientCollateral() public {
        uint256 collateral = 150e6; // 1.5% of size; opening needs 2%
        uint256 id = _submitIncrease(SIZE, collateral, type(uint256).max);
        int256 remaining = _remaining(SIZE, _tokensFor(SIZE), collateral - _openFeeAmount(SIZE));
        _expectCancelledExecution(
            id,
            abi.encodeWithSelector(IExchangeErrors.InsufficientCollateral.selector, remaining, 200 * USD),
            collateral
        );
    }

    function test_executeIncrease_atMaxLeverage_succeeds() public {
        // 2% of size plus the open fee, the spread loss and the close fee, with a little room.
        uint256 id = _submitIncrease(SIZE, 220e6, type(uint256).max);
        executeOrder(id);
        assertEq(positionOf(_key()).sizeUsd, SIZE);
    }

    function test_executeIncrease_collateralTooSmallForFees_cancelsWithInsufficientCollateral() public {
        // One micro-USDC cannot pay the $0.70 open fee of a $1,000 position.
        uint256 id = _submitIncrease(1000 * USD, 1, type(uint256).max);
        uint256 openFee = Math.mulDiv(1000 * USD, 7 * BPS, 1e30, Math.Rounding.Ceil);
        int256 remaining = int256(ethMarketPrices().short.min) - int256(openFee);
        _expectCancelledExecution(
            id, abi.encodeWithSelector(IExchangeErrors.InsufficientCollateral.selector, remaining, 0), 1
        );
    }

    function test_executeIncrease_zeroSizeForNewPosition_cancels() public {
        uint256 id = _submitIncrease(0, 100e6, type(uint256).max);
        _expectCancelledExecution(id, abi.encodeWithSelector(IExchangeErrors.ZeroSizeDelta.selector), 100e6);
    }

    function test_executeIncrease_positionTooSmall_cancels() public {
        uint256 id = _submitIncrease(5 * USD, 100e6, type(uint256).max);
        _expectCancelledExecution(
            id, abi.encodeWithSelector(IExchangeErrors.PositionTooSmall.selector, 5 * USD, 10 * USD), 100e6
        );
    }

    function test_executeIncrease_maxOpenInterest_cancels() public {
        Market memory m = marketState(ethMarket);
        m.config.risk.maxOpenInterestLongUsd = 5000 * USD;
        exchange.setMarketConfig(ethMarket, m.config);
        uint256 id = _submitIncrease(SIZE, 1000e6, type(uint256).max);
        _expectCancelledExecution(
            id, abi.encodeWithSelector(IExchangeErrors.MaxOpenInterestExceeded.selector, SIZE, 5000 * USD), 1000e6
        );
    }

    function test_executeIncrease_reserveExceeded_cancels() public {
        // Longs may reserve 90% of the pool's 100 WETH at min price: $269,973.
        uint256 sizeUsd = 280_000 * USD;
        uint256 id = _submitIncrease(sizeUsd, 10_000e6, type(uint256).max);
        MarketPrices memory p = ethMarketPrices();
        uint256 reserved = _tokensFor(sizeUsd) * p.index.max;
        uint256 maxReserved = Math.mulDiv(100 ether * p.long.min, 90 * PCT, 1e30);
        _expectCancelledExecution(
            id, abi.encodeWithSelector(IExchangeErrors.ReserveExceeded.selector, reserved, maxReserved), 10_000e6
        );
    }

    // ------------------------------------------------------------------ decreases

    function _open() internal returns (Position memory) {
        openEth(trader, address(usdc), 1000e6, SIZE, true);
        return positionOf(_key());
    }

    function _submitDecrease(uint256 sizeUsd, uint256 collateralOut, uint256 acceptablePrice)
        internal
        returns (uint256)
    {
        return submitOrder(
            trader,
            orderParams(OrderType.MarketDecrease, address(usdc), true, sizeUsd, collateralOut, 0, acceptablePrice)
        );
    }

    function test_executeDecrease_acceptablePriceViolated_cancels() public {
        Position memory before = _open();
        uint256 acceptable = 3100e12; // a long closes at the min price, 2999.7
        uint256 id = _submitDecrease(SIZE, 0, acceptable);
        _expectCancelledExecution(
            id,
            abi.encodeWithSelector(
                IExchangeErrors.AcceptablePriceNotMet.selector, ethMarketPrices().index.min, acceptable
            ),
            0
        );
        Position memory pos = positionOf(_key());
        assertEq(pos.sizeUsd, before.sizeUsd, "position untouched");
        assertEq(pos.collateralAmount, before.collateralAmount);
    }

    function test_executeDecrease_leavesPositionTooSmall_cancels() public {
        _open();
        uint256 id = _submitDecrease(SIZE - 5 * USD, 0, 0);
        _expectCancelledExecution(
            id, abi.encodeWithSelector(IExchangeErrors.PositionTooSmall.selector, 5 * USD, 10 * USD), 0
        );
    }

    function test_executeDecrease_withdrawalBelowOpeningMargin_cancels() public {
        Position memory before = _open();
        uint256 collateralOut = before.collateralAmount - 150e6;
        uint256 id = _submitDecrease(0, collateralOut, 0);
        int256 remaining = _remaining(SIZE, before.sizeInTokens, 150e6);
        _expectCancelledExecution(
            id, abi.encodeWithSelector(IExchangeErrors.InsufficientCollateral.selector, remaining, 200 * USD), 0
        );
        assertEq(positionOf(_key()).collateralAmount, before.collateralAmount, "collateral untouched");
    }

    function test_executeDecrease_collateralWithdrawalTooLarge_cancels() public {
        Position memory before = _open();
        uint256 id = _submitDecrease(0, 2000e6, 0);
        _expectCancelledExecution(
            id,
            abi.encodeWithSelector(
                IExchangeErrors.CollateralWithdrawalTooLarge.selector, 2000e6, before.collateralAmount
            ),
            0
        );
    }
}
