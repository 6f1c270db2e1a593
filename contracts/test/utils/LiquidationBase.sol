// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeEvents} from "../../src/interfaces/IExchangeEvents.sol";
import {Market, MarketConfig} from "../../src/types/MarketTypes.sol";
import {DecreaseKind, Position, PositionChange, TradeAmounts} from "../../src/types/PositionTypes.sol";
import {MarketPrices} from "../../src/types/Price.sol";
import {ExchangeFixture} from "./ExchangeFixture.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice Helpers for liquidation, waterfall and ADL tests on top of `ExchangeFixture`: prices at any
/// mantissa, health and pool value views, liquidation without time travel, and event decoding.
/// @dev The test contract also gets the oracle's VERIFIER_ROLE so it can move the deviation guard's
/// reference to the current price the way a keeper's confirmed update does (`acceptCurrentPrices`).
abstract contract LiquidationBase is ExchangeFixture {
    /// @dev ETH (18 decimals) mantissa (8 decimals) to USD-30 per wei: 10^(30 - 8 - 18).
    uint256 internal constant ETH_MULTIPLIER = 1e4;
    /// @dev USDC (6 decimals): 10^(30 - 8 - 6).
    uint256 internal constant USDC_MULTIPLIER = 1e16;

    struct ShortfallEvent {
        bool found;
        bytes32 key;
        address account;
        uint256 indexPrice;
        uint256 shortfallUsd;
        uint256 coveredUsd;
        uint256 absorbedUsd;
        uint256 fromLong;
        uint256 fromShort;
    }

    struct LiquidatedEvent {
        bool found;
        bytes32 key;
        address liquidator;
        bool isPartial;
        uint256 sizeClosedUsd;
        uint256 indexPrice;
        int256 remainingCollateralUsd;
        uint256 maintenanceMarginUsd;
    }

    struct FeesEvent {
        bool found;
        address token;
        uint256 positionFeeUsd;
        uint256 borrowingFeeUsd;
        uint256 liquidationFeeAmount;
        uint256 toInsuranceAmount;
        uint256 toLiquidatorAmount;
    }

    struct DecreasedEvent {
        bool found;
        DecreaseKind kind;
        PositionChange change;
        TradeAmounts amounts;
        uint256 profitLong;
        uint256 profitShort;
    }

    function setUp() public virtual override {
        super.setUp();
        oracle.grantRole(oracle.VERIFIER_ROLE(), address(this));
    }

    // ------------------------------------------------------------------ prices

    /// @dev The market prices the oracle produces for ETH mantissa `m` at the current confidence.
    function pricesAt(int64 m) internal view returns (MarketPrices memory p) {
        p.index = _range(m, ETH_MULTIPLIER);
        p.long = p.index;
        p.short = _range(usdcPrice, USDC_MULTIPLIER);
    }

    /// @dev Makes the current prices the deviation guard's reference, as a keeper does after a real
    /// move: the price is verified (guarded) as published a second ago, where it becomes pending if it
    /// moved beyond the bound, and again as published now, which confirms it. A feed has one price per
    /// publish time, so warp before moving the price again.
    function acceptCurrentPrices() internal {
        for (uint256 i; i < 2; ++i) {
            uint256 publishTime = block.timestamp + i - 1;
            bytes[] memory update = priceUpdate(publishTime);
            oracle.verifyMarketPrices{value: 3}(
                address(weth), address(weth), address(usdc), update, publishTime, publishTime, true
            );
        }
    }

    /// @dev Moves ETH to `m` and records it as accepted.
    function moveEthTo(int64 m) internal {
        setEthPrice(m);
        acceptCurrentPrices();
    }

    // ------------------------------------------------------------------ actions

    /// @dev Opens (or increases) a position, then moves one second on so the next price can differ.
    function openEthAndWait(
        address account,
        address collateralToken,
        uint256 collateralAmount,
        uint256 sizeUsd,
        bool isLong
    ) internal returns (bytes32 key) {
        key = openEth(account, collateralToken, collateralAmount, sizeUsd, isLong);
        vm.warp(block.timestamp + 1);
    }

    /// @dev Moves ETH so that `key`'s remaining collateral is at most `targetUsd` (as close as a tick
    /// allows) and records the price as accepted. Time must have moved since the last verification.
    function moveToRemaining(bytes32 key, int256 targetUsd) internal returns (int64 m) {
        (int256 remaining,,) = health(key);
        assertGt(remaining, targetUsd, "target below the current remaining collateral");
        int64 unsafe = position(key).isLong ? int64(1) : ethPrice * 100;
        m = mantissaForRemaining(key, targetUsd, ethPrice, unsafe);
        moveEthTo(m);
    }

    /// @dev Liquidates at the current prices published now, without warping.
    function liquidateAs(address caller, bytes32 key) internal returns (bool) {
        bytes[] memory update = priceUpdateNow();
        vm.prank(caller);
        return exchange.liquidatePosition{value: 3}(key, update);
    }

    function liquidateNow(bytes32 key) internal returns (bool) {
        return liquidateAs(liquidator, key);
    }

    function adlNow(bytes32 key, uint256 sizeDeltaUsd) internal returns (bool) {
        bytes[] memory update = priceUpdateNow();
        vm.prank(keeper);
        return exchange.executeAdl{value: 3}(key, sizeDeltaUsd, update);
    }

    /// @dev Replaces part of the ETH market's configuration (the test contract holds CONFIG_ROLE).
    function setEthConfig(MarketConfig memory c) internal {
        exchange.setMarketConfig(ethMarket, c);
    }

    function ethConfig() internal view returns (MarketConfig memory) {
        return exchange.getMarket(ethMarket).config;
    }

    /// @dev No borrowing and no funding: pool value and shortfall arithmetic become exact.
    function zeroRates() internal {
        MarketConfig memory c = ethConfig();
        c.rates.borrowingBaseRatePerSecond = 0;
        c.rates.borrowingSlope1PerSecond = 0;
        c.rates.borrowingSlope2PerSecond = 0;
        c.rates.fundingFactorPerSecond = 0;
        setEthConfig(c);
    }

    // ------------------------------------------------------------------ views

    function health(bytes32 key) internal view returns (int256 remaining, uint256 maintenance, bool liquidatable) {
        return exchange.getPositionHealth(key, ethMarketPrices());
    }

    function healthAt(bytes32 key, int64 m)
        internal
        view
        returns (int256 remaining, uint256 maintenance, bool liquidatable)
    {
        return exchange.getPositionHealth(key, pricesAt(m));
    }

    /// @dev Pool value as withdrawals see it (min prices, capped PnL), accrued to now.
    function poolValue() internal view returns (int256) {
        return exchange.getPoolValue(ethMarket, ethMarketPrices(), false, true);
    }

    function balancesOf() internal view returns (Market memory) {
        return exchange.getMarket(ethMarket);
    }

    function assertVaultAccounted() internal view {
        assertEq(weth.balanceOf(ethMarket), accountedBalance(ethMarket, address(weth)), "WETH vault == accounted");
        assertEq(usdc.balanceOf(ethMarket), accountedBalance(ethMarket, address(usdc)), "USDC vault == accounted");
    }

    function assertLedgerAddsUp() internal view {
        Market memory m = exchange.getMarket(ethMarket);
        assertEq(
            m.ledger.coveredByInsuranceUsd + m.ledger.absorbedByLpUsd, m.ledger.totalShortfallUsd, "ledger adds up"
        );
    }

    /// @dev Collateral amount worth `usd` whole dollars at the current mid price.
    function collateralFor(address token, uint256 usd) internal view returns (uint256) {
        return collateralForE6(token, usd * 1e6);
    }

    /// @dev Collateral amount worth `usdE6` micro-dollars at the current mid price.
    function collateralForE6(address token, uint256 usdE6) internal view returns (uint256) {
        if (token == address(usdc)) return usdE6;
        return usdE6 * 1e12 * uint256(int256(PYTH_ONE)) / uint256(int256(ethPrice));
    }

    /// @dev The smallest (long) or largest (short) mantissa in [lo, hi] at which the position is not
    /// liquidatable, given that health is monotonic in the price. `healthyAtHigh` says which end is safe.
    function boundaryMantissa(bytes32 key, int64 lo, int64 hi, bool healthyAtHigh) internal view returns (int64) {
        // Invariant: healthyAtHigh ? (lo liquidatable, hi healthy) : (lo healthy, hi liquidatable).
        while (hi - lo > 1) {
            int64 mid = lo + (hi - lo) / 2;
            (,, bool liq) = healthAt(key, mid);
            if (liq == healthyAtHigh) lo = mid;
            else hi = mid;
        }
        return healthyAtHigh ? hi : lo;
    }

    /// @dev A mantissa at which the position's remaining collateral is as close as possible to (and at
    /// most) `targetUsd`, searching between a healthy `safe` and an unhealthy `unsafe` mantissa.
    function mantissaForRemaining(bytes32 key, int256 targetUsd, int64 safe, int64 unsafe)
        internal
        view
        returns (int64)
    {
        while (safe - unsafe > 1 || unsafe - safe > 1) {
            int64 mid = safe + (unsafe - safe) / 2;
            (int256 remaining,,) = healthAt(key, mid);
            if (remaining > targetUsd) safe = mid;
            else unsafe = mid;
        }
        return unsafe;
    }

    // ------------------------------------------------------------------ events

    function findShortfall(Vm.Log[] memory logs) internal view returns (ShortfallEvent memory e) {
        bytes32 sig = IExchangeEvents.ShortfallRecorded.selector;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(exchange) || logs[i].topics[0] != sig) continue;
            e.found = true;
            e.key = logs[i].topics[2];
            e.account = address(uint160(uint256(logs[i].topics[3])));
            (e.indexPrice, e.shortfallUsd, e.coveredUsd, e.absorbedUsd, e.fromLong, e.fromShort) =
                abi.decode(logs[i].data, (uint256, uint256, uint256, uint256, uint256, uint256));
        }
    }

    function countShortfalls(Vm.Log[] memory logs) internal view returns (uint256 n) {
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == address(exchange) && logs[i].topics[0] == IExchangeEvents.ShortfallRecorded.selector)
            {
                ++n;
            }
        }
    }

    function findLiquidated(Vm.Log[] memory logs) internal view returns (LiquidatedEvent memory e) {
        bytes32 sig = IExchangeEvents.PositionLiquidated.selector;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(exchange) || logs[i].topics[0] != sig) continue;
            e.found = true;
            e.key = logs[i].topics[1];
            (
                e.liquidator,
                e.isPartial,
                e.sizeClosedUsd,
                e.indexPrice,
                e.remainingCollateralUsd,
                e.maintenanceMarginUsd
            ) = abi.decode(logs[i].data, (address, bool, uint256, uint256, int256, uint256));
        }
    }

    /// @dev The last FeesCollected event in `logs`.
    function findFees(Vm.Log[] memory logs) internal view returns (FeesEvent memory e) {
        bytes32 sig = IExchangeEvents.FeesCollected.selector;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(exchange) || logs[i].topics[0] != sig) continue;
            e.found = true;
            e.token = address(uint160(uint256(logs[i].topics[2])));
            (e.positionFeeUsd, e.borrowingFeeUsd, e.liquidationFeeAmount, e.toInsuranceAmount, e.toLiquidatorAmount) =
                abi.decode(logs[i].data, (uint256, uint256, uint256, uint256, uint256));
        }
    }

    /// @dev The last PositionDecreased event in `logs`.
    function findDecreased(Vm.Log[] memory logs) internal view returns (DecreasedEvent memory e) {
        bytes32 sig = IExchangeEvents.PositionDecreased.selector;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(exchange) || logs[i].topics[0] != sig) continue;
            e.found = true;
            (, e.kind,,, e.change, e.amounts, e.profitLong, e.profitShort) = abi.decode(
                logs[i].data, (uint256, DecreaseKind, address, bool, PositionChange, TradeAmounts, uint256, uint256)
            );
        }
    }

    function countEvents(Vm.Log[] memory logs, address emitter, bytes32 sig) internal pure returns (uint256 n) {
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == emitter && logs[i].topics.length > 0 && logs[i].topics[0] == sig) ++n;
        }
    }

    function position(bytes32 key) internal view returns (Position memory) {
        return exchange.getPosition(key);
    }
}
