import type { Kline } from "../market-data/kline.js";
import {
  InconsistentBarError,
  InsufficientBarsError,
  NonFiniteValueError,
  NonPositivePriceError,
  UnsortedTimestampsError,
} from "./errors.js";

/** Errors {@link validateKlines} can throw. */
export type ValidateKlinesErrorType =
  | InsufficientBarsError
  | NonFiniteValueError
  | NonPositivePriceError
  | InconsistentBarError
  | UnsortedTimestampsError;

const PRICE_FIELDS = ["open", "high", "low", "close"] as const;

/**
 * Checks that a kline series can feed a volatility estimator: at least `minBars` bars, finite
 * timestamps and prices, positive prices, `low <= open, close <= high`, and strictly increasing
 * open times (no duplicates). Volume is not checked: no estimator here uses it.
 * Throws the first problem found (see {@link ValidateKlinesErrorType}); returns nothing otherwise.
 *
 * @param purpose names the caller in the "too few bars" message.
 * @example
 * validateKlines(bars, 2, "close-to-close volatility");
 */
export function validateKlines(klines: readonly Kline[], minBars: number, purpose: string): void {
  if (klines.length < minBars) throw new InsufficientBarsError(minBars, klines.length, purpose);
  let previousOpenTimeMs = Number.NEGATIVE_INFINITY;
  klines.forEach((bar, index) => {
    if (!Number.isFinite(bar.openTimeMs)) throw new NonFiniteValueError(index, "openTimeMs", bar.openTimeMs);
    for (const field of PRICE_FIELDS) {
      const value = bar[field];
      if (!Number.isFinite(value)) throw new NonFiniteValueError(index, field, value);
      if (value <= 0) throw new NonPositivePriceError(index, field, value);
    }
    if (bar.low > Math.min(bar.open, bar.close) || bar.high < Math.max(bar.open, bar.close)) {
      throw new InconsistentBarError(index, bar);
    }
    if (bar.openTimeMs <= previousOpenTimeMs) {
      throw new UnsortedTimestampsError(index, previousOpenTimeMs, bar.openTimeMs);
    }
    previousOpenTimeMs = bar.openTimeMs;
  });
}
