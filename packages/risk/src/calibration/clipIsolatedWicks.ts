import type { Kline } from "../market-data/kline.js";
import { InvalidParameterError } from "../volatility/errors.js";

/** One wick removed by {@link clipIsolatedWicks}. */
export interface ClippedWick {
  barIndex: number;
  openTimeMs: number;
  field: "high" | "low";
  original: number;
  replacement: number;
}

/** Result of {@link clipIsolatedWicks}. */
export interface ClipIsolatedWicksReturnType {
  /** A copy of the series with isolated wicks clipped to the bar's body. */
  klines: Kline[];
  clipped: ClippedWick[];
}

/**
 * Removes isolated wicks, the signature of a single-venue bad print that an aggregated oracle
 * (Pyth's median of publishers) would not show. A bar's high is isolated when it exceeds
 * `(1 + maxExcess) *` the highest of its own open/close and the neighbouring bars' highs; it is
 * then clipped to `max(open, close)`. Lows mirror this: below the lowest of open/close and the
 * neighbours' lows divided by `(1 + maxExcess)`, clipped to `min(open, close)`.
 * A real crash wick is kept: its neighbours confirm it (ETH 2021-05-19 13:10, low 1,400.73,
 * is flanked by lows of 1,550 and 1,450), a bad print is not (ETH 2020-03-13 02:39, high 323.00
 * between bars topping at 110 and 117.88).
 * Opt-in preprocessing for the calibrator: whether a wick is "real" depends on the oracle.
 *
 * @example
 * const { klines, clipped } = clipIsolatedWicks(bars, 0.2); // drop wicks 20% beyond their context
 */
export function clipIsolatedWicks(klines: readonly Kline[], maxExcess: number): ClipIsolatedWicksReturnType {
  if (!Number.isFinite(maxExcess) || maxExcess <= 0) {
    throw new InvalidParameterError("maxExcess", maxExcess, "a finite number > 0");
  }
  const clipped: ClippedWick[] = [];
  const result = klines.map((bar, barIndex) => {
    const previous = klines[barIndex - 1];
    const next = klines[barIndex + 1];
    const highContext = Math.max(
      bar.open,
      bar.close,
      previous?.high ?? Number.NEGATIVE_INFINITY,
      next?.high ?? Number.NEGATIVE_INFINITY,
    );
    const lowContext = Math.min(
      bar.open,
      bar.close,
      previous?.low ?? Number.POSITIVE_INFINITY,
      next?.low ?? Number.POSITIVE_INFINITY,
    );
    const copy = { ...bar };
    if (bar.high > highContext * (1 + maxExcess)) {
      copy.high = Math.max(bar.open, bar.close);
      clipped.push({
        barIndex,
        openTimeMs: bar.openTimeMs,
        field: "high",
        original: bar.high,
        replacement: copy.high,
      });
    }
    if (bar.low < lowContext / (1 + maxExcess)) {
      copy.low = Math.min(bar.open, bar.close);
      clipped.push({
        barIndex,
        openTimeMs: bar.openTimeMs,
        field: "low",
        original: bar.low,
        replacement: copy.low,
      });
    }
    return copy;
  });
  return { klines: result, clipped };
}
