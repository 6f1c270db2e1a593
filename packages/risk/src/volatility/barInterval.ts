import type { Kline } from "../market-data/kline.js";
import { InsufficientBarsError, InvalidParameterError, IrregularBarIntervalError } from "./errors.js";

/**
 * The bar interval of a series, inferred from its open times: every gap between consecutive bars
 * must be the same, otherwise {@link IrregularBarIntervalError} names the first bar whose gap differs
 * (usually a missing bar). The series must already be sorted (see `validateKlines`).
 *
 * @example
 * inferBarIntervalMs(oneMinuteBars); // 60_000
 */
export function inferBarIntervalMs(klines: readonly Kline[]): number {
  const [first, second] = klines;
  if (first === undefined || second === undefined) {
    throw new InsufficientBarsError(2, klines.length, "inferring the bar interval");
  }
  const intervalMs = second.openTimeMs - first.openTimeMs;
  for (let index = 2; index < klines.length; index++) {
    const gapMs = (klines[index]?.openTimeMs ?? Number.NaN) - (klines[index - 1]?.openTimeMs ?? Number.NaN);
    if (gapMs !== intervalMs) throw new IrregularBarIntervalError(index, intervalMs, gapMs);
  }
  return intervalMs;
}

/**
 * The bar interval to use: the explicit one when given (it must be a positive finite number of
 * milliseconds; the series is then NOT checked for regularity, which lets a caller accept gaps
 * knowingly), otherwise the interval inferred by {@link inferBarIntervalMs}.
 *
 * @example
 * resolveBarIntervalMs(bars, undefined); // inferred
 * resolveBarIntervalMs(barsWithGaps, 60_000); // trusted
 */
export function resolveBarIntervalMs(klines: readonly Kline[], barIntervalMs: number | undefined): number {
  if (barIntervalMs === undefined) return inferBarIntervalMs(klines);
  if (!Number.isFinite(barIntervalMs) || barIntervalMs <= 0) {
    throw new InvalidParameterError(
      "barIntervalMs",
      barIntervalMs,
      "a positive finite number of milliseconds",
    );
  }
  return barIntervalMs;
}
