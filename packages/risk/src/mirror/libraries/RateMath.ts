/**
 * Mirror of `contracts/src/libraries/RateMath.sol`: borrowing (utilization kink model) and funding
 * (skew) as cumulative per-USD-of-size indices with 30 decimals, and the fees they imply.
 * @module
 */
import { add, div, divI, min, mul, mulI, negI, sub, subI } from "../evm.js";
import { abs, mulDivDown, mulDivUp, mulDown, mulUp, ONE, toInt } from "./FixedPoint.js";

/**
 * Receivers earn at most this multiple of the payers' per-USD rate (without it a tiny receiving
 * side's funding index would explode, and with it the sums of size x index).
 */
export const MAX_FUNDING_RECEIVER_MULTIPLE = 10n;

/** Utilization of one side: reserved USD / pool USD backing the side, rounded up, capped at 1. */
export function utilizationFactor(reservedUsd: bigint, poolUsd: bigint): bigint {
  if (reservedUsd === 0n) return 0n;
  if (poolUsd === 0n) return ONE;
  const utilization = mulDivUp(reservedUsd, ONE, poolUsd);
  return min(utilization, ONE);
}

/**
 * Borrowing rate per second at `utilization` (kink model): base + slope1 x u / optimal below the kink,
 * base + slope1 + slope2 x (u - optimal) / (1 - optimal) above.
 */
export function borrowingRatePerSecond(
  utilization: bigint,
  baseRate: bigint,
  slope1: bigint,
  slope2: bigint,
  optimalUtilization: bigint,
): bigint {
  if (utilization <= optimalUtilization) {
    return add(baseRate, mulDivUp(slope1, utilization, optimalUtilization));
  }
  const excess = utilization - optimalUtilization;
  return add(add(baseRate, slope1), mulDivUp(slope2, excess, sub(ONE, optimalUtilization)));
}

/** Funding rate per second paid by the larger side: factor x |long - short| / (long + short); 0 while a side is empty. */
export function fundingRatePerSecond(
  longOpenInterestUsd: bigint,
  shortOpenInterestUsd: bigint,
  fundingFactor: bigint,
): bigint {
  if (longOpenInterestUsd === 0n || shortOpenInterestUsd === 0n) return 0n;
  const skew =
    longOpenInterestUsd > shortOpenInterestUsd
      ? longOpenInterestUsd - shortOpenInterestUsd
      : shortOpenInterestUsd - longOpenInterestUsd;
  return mulDivDown(fundingFactor, skew, add(longOpenInterestUsd, shortOpenInterestUsd));
}

/**
 * Funding index deltas over `elapsed` seconds: the payer's index grows by rate x elapsed; the
 * receiver's falls by what the payer paid spread over the receiver's open interest, rounded down.
 * When the receiving side would earn more than {@link MAX_FUNDING_RECEIVER_MULTIPLE} x the rate, its
 * gain is capped there and the payers pay only what the receivers get (rounded up).
 */
export function fundingDeltas(
  longOpenInterestUsd: bigint,
  shortOpenInterestUsd: bigint,
  ratePerSecond: bigint,
  elapsed: bigint,
): { deltaLong: bigint; deltaShort: bigint } {
  if (ratePerSecond === 0n || elapsed === 0n) return { deltaLong: 0n, deltaShort: 0n };
  let payerDelta = mul(ratePerSecond, elapsed);
  const longsPay = longOpenInterestUsd > shortOpenInterestUsd;
  const payerOpenInterest = longsPay ? longOpenInterestUsd : shortOpenInterestUsd;
  const receiverOpenInterest = longsPay ? shortOpenInterestUsd : longOpenInterestUsd;
  let receiverDelta = mulDivDown(payerDelta, payerOpenInterest, receiverOpenInterest);
  const maxReceiverDelta = mul(payerDelta, MAX_FUNDING_RECEIVER_MULTIPLE);
  if (receiverDelta > maxReceiverDelta) {
    receiverDelta = maxReceiverDelta;
    payerDelta = mulDivUp(maxReceiverDelta, receiverOpenInterest, payerOpenInterest);
  }
  if (longsPay) return { deltaLong: toInt(payerDelta), deltaShort: negI(toInt(receiverDelta)) };
  return { deltaLong: negI(toInt(receiverDelta)), deltaShort: toInt(payerDelta) };
}

/** Borrowing fee a position owes since its snapshot, rounded up. */
export function borrowingFeeUsd(sizeUsd: bigint, cumulativeFactor: bigint, snapshot: bigint): bigint {
  return mulUp(sizeUsd, sub(cumulativeFactor, snapshot));
}

/** Funding a position owes (positive) or earns (negative) since its snapshot: owed rounds up, earned rounds down. */
export function fundingFeeUsd(sizeUsd: bigint, cumulativePerSize: bigint, snapshot: bigint): bigint {
  const delta = subI(cumulativePerSize, snapshot);
  if (delta >= 0n) return toInt(mulUp(sizeUsd, delta));
  return negI(toInt(mulDown(sizeUsd, abs(delta))));
}

/** Borrowing fees pending on a whole side, from its open interest and snapshot sum, rounded down. */
export function pendingBorrowingUsd(
  openInterestUsd: bigint,
  cumulativeFactor: bigint,
  snapshotSum: bigint,
): bigint {
  return div(sub(mul(openInterestUsd, cumulativeFactor), snapshotSum), ONE);
}

/** Net funding pending on a whole side (positive = the side owes the pool), rounded toward negative infinity. */
export function pendingFundingUsd(
  openInterestUsd: bigint,
  cumulativePerSize: bigint,
  snapshotSum: bigint,
): bigint {
  const total = subI(mulI(toInt(openInterestUsd), cumulativePerSize), snapshotSum);
  const quotient = divI(total, ONE);
  if (total < 0n && quotient * ONE !== total) return quotient - 1n;
  return quotient;
}
