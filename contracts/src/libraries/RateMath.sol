// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {FixedPoint} from "./FixedPoint.sol";

/// @title RateMath
/// @notice Borrowing (utilization kink model, paid to LPs) and funding (skew, larger side pays the
/// smaller) as cumulative per-USD-of-size indices with 30 decimals, and the fees they imply.
library RateMath {
    using FixedPoint for uint256;

    /// @dev Receivers earn at most this multiple of the payers' per-USD rate. Without it a tiny
    /// receiving side would see its funding index explode (and with it the sums of size x index).
    uint256 internal constant MAX_FUNDING_RECEIVER_MULTIPLE = 10;

    /// @notice Utilization of one side: reserved USD / pool USD backing the side, rounded up, capped at 1.
    function utilizationFactor(uint256 reservedUsd, uint256 poolUsd) internal pure returns (uint256) {
        if (reservedUsd == 0) return 0;
        if (poolUsd == 0) return FixedPoint.ONE;
        uint256 utilization = reservedUsd.mulDivUp(FixedPoint.ONE, poolUsd);
        return utilization > FixedPoint.ONE ? FixedPoint.ONE : utilization;
    }

    /// @notice Borrowing rate per second at `utilization` (kink model):
    /// base + slope1 x u / optimal below the kink, base + slope1 + slope2 x (u - optimal) / (1 - optimal) above.
    function borrowingRatePerSecond(
        uint256 utilization,
        uint256 baseRate,
        uint256 slope1,
        uint256 slope2,
        uint256 optimalUtilization
    ) internal pure returns (uint256) {
        if (utilization <= optimalUtilization) {
            return baseRate + slope1.mulDivUp(utilization, optimalUtilization);
        }
        uint256 excess = utilization - optimalUtilization;
        return baseRate + slope1 + slope2.mulDivUp(excess, FixedPoint.ONE - optimalUtilization);
    }

    /// @notice Funding rate per second paid by the larger side: factor x |long - short| / (long + short).
    /// Zero while either side is empty (no one to pay).
    function fundingRatePerSecond(uint256 longOpenInterestUsd, uint256 shortOpenInterestUsd, uint256 fundingFactor)
        internal
        pure
        returns (uint256)
    {
        if (longOpenInterestUsd == 0 || shortOpenInterestUsd == 0) return 0;
        uint256 skew = longOpenInterestUsd > shortOpenInterestUsd
            ? longOpenInterestUsd - shortOpenInterestUsd
            : shortOpenInterestUsd - longOpenInterestUsd;
        return fundingFactor.mulDivDown(skew, longOpenInterestUsd + shortOpenInterestUsd);
    }

    /// @notice Funding index deltas over `elapsed` seconds: the payer's index grows by rate x elapsed;
    /// the receiver's falls by what the payer paid spread over the receiver's open interest, rounded
    /// down (receivers never get more than payers pay). When the receiving side is so small that it
    /// would earn more than `MAX_FUNDING_RECEIVER_MULTIPLE` x the rate, its gain is capped there and
    /// the payers pay only what the receivers get (rounded up).
    /// @return deltaLong the change of the long side's cumulative funding per size
    /// @return deltaShort the change of the short side's cumulative funding per size
    function fundingDeltas(
        uint256 longOpenInterestUsd,
        uint256 shortOpenInterestUsd,
        uint256 ratePerSecond,
        uint256 elapsed
    ) internal pure returns (int256 deltaLong, int256 deltaShort) {
        if (ratePerSecond == 0 || elapsed == 0) return (0, 0);
        uint256 payerDelta = ratePerSecond * elapsed;
        bool longsPay = longOpenInterestUsd > shortOpenInterestUsd;
        uint256 payerOpenInterest = longsPay ? longOpenInterestUsd : shortOpenInterestUsd;
        uint256 receiverOpenInterest = longsPay ? shortOpenInterestUsd : longOpenInterestUsd;
        uint256 receiverDelta = payerDelta.mulDivDown(payerOpenInterest, receiverOpenInterest);
        uint256 maxReceiverDelta = payerDelta * MAX_FUNDING_RECEIVER_MULTIPLE;
        if (receiverDelta > maxReceiverDelta) {
            receiverDelta = maxReceiverDelta;
            payerDelta = maxReceiverDelta.mulDivUp(receiverOpenInterest, payerOpenInterest);
        }
        if (longsPay) return (FixedPoint.toInt(payerDelta), -FixedPoint.toInt(receiverDelta));
        return (-FixedPoint.toInt(receiverDelta), FixedPoint.toInt(payerDelta));
    }

    /// @notice Borrowing fee a position owes since its snapshot, rounded up.
    function borrowingFeeUsd(uint256 sizeUsd, uint256 cumulativeFactor, uint256 snapshot)
        internal
        pure
        returns (uint256)
    {
        return sizeUsd.mulUp(cumulativeFactor - snapshot);
    }

    /// @notice Funding a position owes (positive) or earns (negative) since its snapshot: owed rounds
    /// up, earned rounds down.
    function fundingFeeUsd(uint256 sizeUsd, int256 cumulativePerSize, int256 snapshot) internal pure returns (int256) {
        int256 delta = cumulativePerSize - snapshot;
        if (delta >= 0) return FixedPoint.toInt(sizeUsd.mulUp(uint256(delta)));
        return -FixedPoint.toInt(sizeUsd.mulDown(FixedPoint.abs(delta)));
    }

    /// @notice Borrowing fees pending on a whole side, from its open interest and snapshot sum
    /// (sum of size x snapshot), rounded down: what the pool may count as owed to it.
    function pendingBorrowingUsd(uint256 openInterestUsd, uint256 cumulativeFactor, uint256 snapshotSum)
        internal
        pure
        returns (uint256)
    {
        return (openInterestUsd * cumulativeFactor - snapshotSum) / FixedPoint.ONE;
    }

    /// @notice Net funding pending on a whole side (positive = the side owes the pool), rounded toward
    /// negative infinity.
    function pendingFundingUsd(uint256 openInterestUsd, int256 cumulativePerSize, int256 snapshotSum)
        internal
        pure
        returns (int256)
    {
        int256 total = FixedPoint.toInt(openInterestUsd) * cumulativePerSize - snapshotSum;
        int256 one = int256(FixedPoint.ONE);
        int256 quotient = total / one;
        if (total < 0 && quotient * one != total) quotient -= 1;
        return quotient;
    }
}
