import type { Kline } from "../market-data/kline.js";
import { annualizeVolatility } from "./annualize.js";
import { resolveBarIntervalMs } from "./barInterval.js";
import type { InvalidParameterError, IrregularBarIntervalError } from "./errors.js";
import type { VolatilityEstimate, VolatilityOptions } from "./types.js";
import { type ValidateKlinesErrorType, validateKlines } from "./validateKlines.js";

/** Options of {@link garmanKlassVolatility}. */
export type GarmanKlassVolatilityParameters = VolatilityOptions;
/** Result of {@link garmanKlassVolatility}; `observations` is the number of bars. */
export type GarmanKlassVolatilityReturnType = VolatilityEstimate;
/** Errors {@link garmanKlassVolatility} can throw. */
export type GarmanKlassVolatilityErrorType =
  | ValidateKlinesErrorType
  | IrregularBarIntervalError
  | InvalidParameterError;

const CLOSE_OPEN_WEIGHT = 2 * Math.LN2 - 1;

/**
 * Garman-Klass (1980) OHLC volatility:
 * `sigma^2 = mean( 0.5 ln(high / low)^2 - (2 ln 2 - 1) ln(close / open)^2 )`.
 * Each term is >= 0 for a consistent bar (|ln(close/open)| <= ln(high/low)). Like Parkinson it
 * assumes no drift and ignores the gap between one bar's close and the next bar's open.
 *
 * @example
 * garmanKlassVolatility(oneMinuteBars).annualizedVolatility;
 */
export function garmanKlassVolatility(
  klines: readonly Kline[],
  options: GarmanKlassVolatilityParameters = {},
): GarmanKlassVolatilityReturnType {
  validateKlines(klines, 1, "Garman-Klass volatility");
  const barIntervalMs = resolveBarIntervalMs(klines, options.barIntervalMs);
  let sumOfVariances = 0;
  for (const bar of klines) {
    sumOfVariances +=
      0.5 * Math.log(bar.high / bar.low) ** 2 - CLOSE_OPEN_WEIGHT * Math.log(bar.close / bar.open) ** 2;
  }
  const perBarVolatility = Math.sqrt(Math.max(0, sumOfVariances / klines.length));
  return {
    perBarVolatility,
    annualizedVolatility: annualizeVolatility(perBarVolatility, barIntervalMs),
    barIntervalMs,
    observations: klines.length,
  };
}
