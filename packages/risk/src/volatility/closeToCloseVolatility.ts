import type { Kline } from "../market-data/kline.js";
import { annualizeVolatility } from "./annualize.js";
import { resolveBarIntervalMs } from "./barInterval.js";
import type { InvalidParameterError, IrregularBarIntervalError } from "./errors.js";
import { closeLogReturns } from "./logReturns.js";
import { sampleVariance } from "./sampleMoments.js";
import type { VolatilityEstimate, VolatilityOptions } from "./types.js";
import { type ValidateKlinesErrorType, validateKlines } from "./validateKlines.js";

/** Options of {@link closeToCloseVolatility}. */
export type CloseToCloseVolatilityParameters = VolatilityOptions;
/** Result of {@link closeToCloseVolatility}; `observations` is the number of returns (bars - 1). */
export type CloseToCloseVolatilityReturnType = VolatilityEstimate;
/** Errors {@link closeToCloseVolatility} can throw. */
export type CloseToCloseVolatilityErrorType =
  | ValidateKlinesErrorType
  | IrregularBarIntervalError
  | InvalidParameterError;

/**
 * Close-to-close realized volatility: the sample standard deviation (n - 1 divisor, mean removed)
 * of the log returns `ln(close[i] / close[i-1])`. Needs at least 3 bars (2 returns).
 * A series growing at a constant rate has zero volatility under this estimator.
 *
 * @example
 * const { perBarVolatility, annualizedVolatility } = closeToCloseVolatility(oneMinuteBars);
 */
export function closeToCloseVolatility(
  klines: readonly Kline[],
  options: CloseToCloseVolatilityParameters = {},
): CloseToCloseVolatilityReturnType {
  validateKlines(klines, 3, "close-to-close volatility");
  const barIntervalMs = resolveBarIntervalMs(klines, options.barIntervalMs);
  const returns = closeLogReturns(klines);
  const perBarVolatility = Math.sqrt(sampleVariance(returns));
  return {
    perBarVolatility,
    annualizedVolatility: annualizeVolatility(perBarVolatility, barIntervalMs),
    barIntervalMs,
    observations: returns.length,
  };
}
