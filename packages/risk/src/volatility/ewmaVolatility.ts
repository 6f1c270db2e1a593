import type { Kline } from "../market-data/kline.js";
import { annualizeVolatility } from "./annualize.js";
import { resolveBarIntervalMs } from "./barInterval.js";
import { InvalidParameterError, type IrregularBarIntervalError } from "./errors.js";
import { closeLogReturns } from "./logReturns.js";
import type { VolatilityEstimate, VolatilityOptions } from "./types.js";
import { type ValidateKlinesErrorType, validateKlines } from "./validateKlines.js";

/** RiskMetrics (1996) decay factor for daily data. Per-minute data usually wants a value closer to 1. */
export const RISKMETRICS_DAILY_LAMBDA = 0.94;

/** Options of {@link ewmaVolatility}. */
export interface EwmaVolatilityParameters extends VolatilityOptions {
  /** Decay factor, 0 <= lambda < 1; weight of the previous variance. Default {@link RISKMETRICS_DAILY_LAMBDA}. */
  lambda?: number;
  /**
   * Per-bar variance before the first return (the prior). Default: the first squared return,
   * so the first estimate is `|r0|`.
   */
  initialVariance?: number;
}

/** Result of {@link ewmaVolatility}. */
export interface EwmaVolatilityReturnType extends VolatilityEstimate {
  /** Per-bar volatility after each return: `series[t]` uses returns 0..t (bars 0..t+1); length bars - 1. */
  series: number[];
  /** The latest value, `series[series.length - 1]`; equal to `perBarVolatility`. */
  latest: number;
  /** The decay factor used. */
  lambda: number;
}

/** Errors {@link ewmaVolatility} can throw. */
export type EwmaVolatilityErrorType =
  | ValidateKlinesErrorType
  | IrregularBarIntervalError
  | InvalidParameterError;

/**
 * Exponentially weighted (RiskMetrics) volatility of close-to-close log returns, zero mean:
 * `var[t] = lambda * var[t-1] + (1 - lambda) * r[t]^2`, with `var[-1] = initialVariance`
 * (default `r[0]^2`). Returns the whole series and the latest value, which is the forecast of
 * the next bar's volatility. Needs at least 2 bars.
 *
 * @example
 * const { latest, series } = ewmaVolatility(oneMinuteBars, { lambda: 0.97 });
 */
export function ewmaVolatility(
  klines: readonly Kline[],
  options: EwmaVolatilityParameters = {},
): EwmaVolatilityReturnType {
  const lambda = options.lambda ?? RISKMETRICS_DAILY_LAMBDA;
  if (!Number.isFinite(lambda) || lambda < 0 || lambda >= 1) {
    throw new InvalidParameterError("lambda", lambda, "a number in [0, 1)");
  }
  validateKlines(klines, 2, "EWMA volatility");
  const barIntervalMs = resolveBarIntervalMs(klines, options.barIntervalMs);
  const returns = closeLogReturns(klines);
  const { initialVariance } = options;
  if (initialVariance !== undefined && !(Number.isFinite(initialVariance) && initialVariance >= 0)) {
    throw new InvalidParameterError("initialVariance", initialVariance, "a finite number >= 0");
  }
  let variance = initialVariance ?? (returns[0] ?? 0) ** 2;
  const series = returns.map((logReturn) => {
    variance = lambda * variance + (1 - lambda) * logReturn * logReturn;
    return Math.sqrt(variance);
  });
  const latest = series[series.length - 1] ?? 0;
  return {
    perBarVolatility: latest,
    annualizedVolatility: annualizeVolatility(latest, barIntervalMs),
    barIntervalMs,
    observations: returns.length,
    series,
    latest,
    lambda,
  };
}
