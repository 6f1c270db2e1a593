import { InvalidParameterError } from "../volatility/errors.js";

/** How a liquidation horizon maps onto bars. */
export interface LiquidationHorizonInBars {
  /** Horizon in milliseconds (oracle latency + liquidation delay), rounded to whole microseconds. */
  horizonMs: number;
  /** Bars the adverse move is measured over: `ceil(horizon / bar)`, at least 1. */
  windowBars: number;
  /**
   * Factor applied to a one-bar move when the horizon is shorter than a bar:
   * `sqrt(horizon / bar)` (square-root-of-time, Brownian scaling of the running extreme). 1 otherwise.
   */
  subBarScale: number;
}

/**
 * The liquidation horizon (oracle latency + liquidation delay) in bars. A horizon of at least one
 * bar is rounded UP to whole bars (conservative: the window covers the whole horizon). A horizon
 * shorter than a bar uses one bar, scaled down by `sqrt(horizon / bar)`; that assumes Brownian
 * moves inside the bar and understates sub-bar jumps.
 *
 * @example
 * liquidationHorizonInBars(2, 10, 60_000); // { horizonMs: 12000, windowBars: 1, subBarScale: 0.447... }
 * liquidationHorizonInBars(30, 60, 60_000); // { horizonMs: 90000, windowBars: 2, subBarScale: 1 }
 */
export function liquidationHorizonInBars(
  oracleLatencySeconds: number,
  liquidationDelaySeconds: number,
  barIntervalMs: number,
): LiquidationHorizonInBars {
  for (const [name, value] of [
    ["oracleLatencySeconds", oracleLatencySeconds],
    ["liquidationDelaySeconds", liquidationDelaySeconds],
  ] as const) {
    if (!Number.isFinite(value) || value < 0)
      throw new InvalidParameterError(name, value, "a finite number >= 0");
  }
  if (!Number.isFinite(barIntervalMs) || barIntervalMs <= 0) {
    throw new InvalidParameterError("barIntervalMs", barIntervalMs, "a positive finite number");
  }
  // Whole microseconds, so a float sum such as 59.994 + 0.006 s is not read as a bit more than a minute.
  const horizonMs = Math.round((oracleLatencySeconds + liquidationDelaySeconds) * 1_000_000) / 1000;
  if (horizonMs >= barIntervalMs) {
    return { horizonMs, windowBars: Math.ceil(horizonMs / barIntervalMs), subBarScale: 1 };
  }
  return { horizonMs, windowBars: 1, subBarScale: Math.sqrt(horizonMs / barIntervalMs) };
}
