import { InvalidParameterError } from "./errors.js";

/** Milliseconds in a year of continuous (24/7, 365-day) crypto trading. */
export const MS_PER_YEAR = 365 * 24 * 60 * 60 * 1000;

function assertPositiveFinite(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new InvalidParameterError(name, value, "a positive finite number");
  }
}

/**
 * Rescales a volatility from one time interval to another with the square-root-of-time rule
 * (independent increments): `sigma_to = sigma_from * sqrt(toMs / fromMs)`.
 *
 * @example
 * scaleVolatility(0.001, 60_000, 12_000); // 1-minute vol -> 12-second vol, ~0.000447
 */
export function scaleVolatility(volatility: number, fromIntervalMs: number, toIntervalMs: number): number {
  if (!Number.isFinite(volatility) || volatility < 0) {
    throw new InvalidParameterError("volatility", volatility, "a finite number >= 0");
  }
  assertPositiveFinite("fromIntervalMs", fromIntervalMs);
  assertPositiveFinite("toIntervalMs", toIntervalMs);
  return volatility * Math.sqrt(toIntervalMs / fromIntervalMs);
}

/**
 * Annualises a per-bar volatility: `sigma_year = sigma_bar * sqrt(MS_PER_YEAR / barIntervalMs)`,
 * with a 365-day, 24-hour year (crypto never closes).
 *
 * @example
 * annualizeVolatility(0.001, 60_000); // 1-minute vol of 0.1% -> ~0.725 (72.5% a year)
 */
export function annualizeVolatility(perBarVolatility: number, barIntervalMs: number): number {
  return scaleVolatility(perBarVolatility, barIntervalMs, MS_PER_YEAR);
}
