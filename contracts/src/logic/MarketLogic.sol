// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IExchangeErrors} from "../interfaces/IExchangeErrors.sol";
import {IExchangeEvents} from "../interfaces/IExchangeEvents.sol";
import {IPoolToken} from "../interfaces/IPoolToken.sol";
import {FeeMath} from "../libraries/FeeMath.sol";
import {FixedPoint} from "../libraries/FixedPoint.sol";
import {PoolMath} from "../libraries/PoolMath.sol";
import {PositionMath} from "../libraries/PositionMath.sol";
import {PriceImpactMath} from "../libraries/PriceImpactMath.sol";
import {RateMath} from "../libraries/RateMath.sol";
import {ExchangeState} from "../state/ExchangeState.sol";
import {Market, OpenInterest, RateConfig, RateState} from "../types/MarketTypes.sol";
import {MarketPrices} from "../types/Price.sol";

/// @title MarketLogic
/// @notice Market-level state: rate accrual, pool value, reserves, open interest and the PnL of a side.
library MarketLogic {
    using FixedPoint for uint256;

    /// @notice The market, or `MarketNotFound`.
    function get(ExchangeState storage s, address market) internal view returns (Market storage m) {
        m = s.markets[market];
        if (m.longToken == address(0)) revert IExchangeErrors.MarketNotFound(market);
    }

    /// @notice Accrues borrowing and funding to now at `prices` (the change is emitted with the pool
    /// state at the end of the execution).
    function accrue(Market storage m, MarketPrices memory prices) internal {
        RateState memory next = accruedRates(m, prices, block.timestamp);
        if (next.lastAccruedAt == m.rates.lastAccruedAt) return;
        m.rates = next;
    }

    /// @notice The rate state accrued to `timestamp` without writing it (views and accrual share it).
    function accruedRates(Market storage m, MarketPrices memory prices, uint256 timestamp)
        internal
        view
        returns (RateState memory rates)
    {
        rates = m.rates;
        if (timestamp <= rates.lastAccruedAt) return rates;
        uint256 elapsed = timestamp - rates.lastAccruedAt;
        RateConfig memory config = m.config.rates;
        OpenInterest memory oi = m.openInterest;

        uint256 utilizationLong =
            RateMath.utilizationFactor(reservedUsd(oi, prices, true), m.balances.longAmount * prices.long.min);
        uint256 utilizationShort =
            RateMath.utilizationFactor(reservedUsd(oi, prices, false), m.balances.shortAmount * prices.short.min);
        rates.cumulativeBorrowingFactorLong += elapsed
            * RateMath.borrowingRatePerSecond(
                utilizationLong,
                config.borrowingBaseRatePerSecond,
                config.borrowingSlope1PerSecond,
                config.borrowingSlope2PerSecond,
                config.optimalUtilizationFactor
            );
        rates.cumulativeBorrowingFactorShort += elapsed
            * RateMath.borrowingRatePerSecond(
                utilizationShort,
                config.borrowingBaseRatePerSecond,
                config.borrowingSlope1PerSecond,
                config.borrowingSlope2PerSecond,
                config.optimalUtilizationFactor
            );
        uint256 fundingRate = RateMath.fundingRatePerSecond(oi.longUsd, oi.shortUsd, config.fundingFactorPerSecond);
        (int256 deltaLong, int256 deltaShort) = RateMath.fundingDeltas(oi.longUsd, oi.shortUsd, fundingRate, elapsed);
        rates.cumulativeFundingPerSizeLong += deltaLong;
        rates.cumulativeFundingPerSizeShort += deltaShort;
        rates.lastAccruedAt = timestamp;
    }

    /// @notice USD the pool has promised to a side: long tokens x max index price for longs (their
    /// upside), size for shorts.
    function reservedUsd(OpenInterest memory oi, MarketPrices memory prices, bool isLong)
        internal
        pure
        returns (uint256)
    {
        return isLong ? oi.longTokens * prices.index.max : oi.shortUsd;
    }

    /// @notice Value of the LP-owned pool token backing a side (long token for longs), at its min price.
    function sidePoolUsd(Market storage m, MarketPrices memory prices, bool isLong) internal view returns (uint256) {
        return isLong ? m.balances.longAmount * prices.long.min : m.balances.shortAmount * prices.short.min;
    }

    /// @notice Traders' PnL on a side at `indexPrice` (uncapped).
    function sidePnlUsd(Market storage m, bool isLong, uint256 indexPrice) internal view returns (int256) {
        return isLong
            ? PositionMath.pnlUsd(true, m.openInterest.longUsd, m.openInterest.longTokens, indexPrice)
            : PositionMath.pnlUsd(false, m.openInterest.shortUsd, m.openInterest.shortTokens, indexPrice);
    }

    /// @notice A side's PnL to pool factor for ADL and the withdrawal cap, at the index price that
    /// maximises traders' PnL.
    function pnlToPoolFactor(Market storage m, MarketPrices memory prices, bool isLong)
        internal
        view
        returns (uint256)
    {
        int256 pnl = sidePnlUsd(m, isLong, isLong ? prices.index.max : prices.index.min);
        return PoolMath.pnlToPoolFactor(pnl, sidePoolUsd(m, prices, isLong));
    }

    /// @notice Pool value in USD with `rates` (already accrued). `maximize` values the pool tokens at
    /// max prices and traders' PnL at the prices that minimise it (deposits); otherwise the reverse
    /// (withdrawals). `capPnl` caps each side's profit at maxPnlFactor.
    function poolValueUsd(
        Market storage m,
        RateState memory rates,
        MarketPrices memory prices,
        bool maximize,
        bool capPnl
    ) internal view returns (int256) {
        OpenInterest memory oi = m.openInterest;
        uint256 longPrice = maximize ? prices.long.max : prices.long.min;
        uint256 shortPrice = maximize ? prices.short.max : prices.short.min;
        PoolMath.PoolValueInputs memory inputs;
        inputs.longTokenUsd = m.balances.longAmount * longPrice;
        inputs.shortTokenUsd = m.balances.shortAmount * shortPrice;
        inputs.pendingBorrowingUsd = RateMath.pendingBorrowingUsd(
            oi.longUsd, rates.cumulativeBorrowingFactorLong, rates.borrowingSnapshotSumLong
        )
        + RateMath.pendingBorrowingUsd(
            oi.shortUsd, rates.cumulativeBorrowingFactorShort, rates.borrowingSnapshotSumShort
        );
        inputs.pendingFundingUsd = RateMath.pendingFundingUsd(
            oi.longUsd, rates.cumulativeFundingPerSizeLong, rates.fundingSnapshotSumLong
        ) + RateMath.pendingFundingUsd(oi.shortUsd, rates.cumulativeFundingPerSizeShort, rates.fundingSnapshotSumShort);
        uint256 maxPnlFactor = capPnl ? m.config.risk.maxPnlFactor : 0;
        inputs.longPnlUsd = PoolMath.cappedPnlUsd(
            PositionMath.pnlUsd(true, oi.longUsd, oi.longTokens, maximize ? prices.index.min : prices.index.max),
            inputs.longTokenUsd,
            maxPnlFactor
        );
        inputs.shortPnlUsd = PoolMath.cappedPnlUsd(
            PositionMath.pnlUsd(false, oi.shortUsd, oi.shortTokens, maximize ? prices.index.max : prices.index.min),
            inputs.shortTokenUsd,
            maxPnlFactor
        );
        return PoolMath.poolValueUsd(inputs);
    }

    /// @notice Price impact of changing a side's open interest by `sizeDeltaUsd`. Positive impact is
    /// always capped; negative impact is capped on decreases only, so that an open split in slices pays
    /// the same impact as one open (the skew cost telescopes) and no round trip can profit from caps.
    function priceImpactUsd(Market storage m, uint256 sizeDeltaUsd, bool isLong, bool isIncrease)
        internal
        view
        returns (int256)
    {
        if (sizeDeltaUsd == 0) return 0;
        int256 raw = PriceImpactMath.rawImpactUsd(
            m.openInterest.longUsd,
            m.openInterest.shortUsd,
            sizeDeltaUsd,
            isLong,
            isIncrease,
            m.config.impact.positiveImpactFactor,
            m.config.impact.negativeImpactFactor
        );
        if (isIncrease && raw < 0) return raw;
        return PriceImpactMath.capImpactUsd(
            raw, sizeDeltaUsd, m.config.impact.maxPositiveImpactFactor, m.config.impact.maxNegativeImpactFactor
        );
    }

    /// @notice Open/close fee of a size change with the given price impact.
    function positionFeeUsd(Market storage m, uint256 sizeDeltaUsd, int256 impactUsd) internal view returns (uint256) {
        return FeeMath.positionFeeUsd(
            sizeDeltaUsd,
            impactUsd,
            m.config.fees.positionFeeFactorPositiveImpact,
            m.config.fees.positionFeeFactorNegativeImpact
        );
    }

    /// @notice Reverts unless the side's reserved USD is within reserveFactor x its pool value.
    function validateReserve(Market storage m, MarketPrices memory prices, bool isLong) internal view {
        uint256 reserved = reservedUsd(m.openInterest, prices, isLong);
        uint256 maxReserved = sidePoolUsd(m, prices, isLong).mulDown(m.config.risk.reserveFactor);
        if (reserved > maxReserved) revert IExchangeErrors.ReserveExceeded(reserved, maxReserved);
    }

    /// @notice Replaces one position's contribution to its side's open interest and snapshot sums.
    function updateOpenInterest(
        Market storage m,
        bool isLong,
        uint256 sizeBefore,
        uint256 tokensBefore,
        uint256 borrowingSnapshotBefore,
        int256 fundingSnapshotBefore,
        uint256 sizeAfter,
        uint256 tokensAfter
    ) internal {
        OpenInterest storage oi = m.openInterest;
        RateState storage rates = m.rates;
        if (isLong) {
            oi.longUsd = oi.longUsd - sizeBefore + sizeAfter;
            oi.longTokens = oi.longTokens - tokensBefore + tokensAfter;
            rates.borrowingSnapshotSumLong = rates.borrowingSnapshotSumLong - sizeBefore * borrowingSnapshotBefore
                + sizeAfter * rates.cumulativeBorrowingFactorLong;
            rates.fundingSnapshotSumLong = rates.fundingSnapshotSumLong - FixedPoint.toInt(sizeBefore)
                * fundingSnapshotBefore + FixedPoint.toInt(sizeAfter) * rates.cumulativeFundingPerSizeLong;
        } else {
            oi.shortUsd = oi.shortUsd - sizeBefore + sizeAfter;
            oi.shortTokens = oi.shortTokens - tokensBefore + tokensAfter;
            rates.borrowingSnapshotSumShort = rates.borrowingSnapshotSumShort - sizeBefore * borrowingSnapshotBefore
                + sizeAfter * rates.cumulativeBorrowingFactorShort;
            rates.fundingSnapshotSumShort = rates.fundingSnapshotSumShort - FixedPoint.toInt(sizeBefore)
                * fundingSnapshotBefore + FixedPoint.toInt(sizeAfter) * rates.cumulativeFundingPerSizeShort;
        }
    }

    /// @notice Reverts when a side's open interest exceeds its maximum.
    function validateOpenInterest(Market storage m, bool isLong) internal view {
        uint256 openInterest = isLong ? m.openInterest.longUsd : m.openInterest.shortUsd;
        uint256 maxOpenInterest = isLong ? m.config.risk.maxOpenInterestLongUsd : m.config.risk.maxOpenInterestShortUsd;
        if (openInterest > maxOpenInterest) {
            revert IExchangeErrors.MaxOpenInterestExceeded(openInterest, maxOpenInterest);
        }
    }

    /// @notice Emits the pool's balances, open interest, rate indices and LP supply after a change.
    function emitPoolState(Market storage m, address market) internal {
        emit IExchangeEvents.PoolStateUpdated(
            market, m.balances, m.openInterest, m.rates, IPoolToken(market).totalSupply()
        );
    }
}
