import type { Kline } from "../market-data/kline.js";
import { InsufficientBarsError, InvalidParameterError } from "../volatility/errors.js";
import { validateKlines } from "../volatility/validateKlines.js";
import {
  type CalibrateMaintenanceMarginHistoricalParameters,
  calibrateMaintenanceMarginHistorical,
} from "./calibrateMaintenanceMarginHistorical.js";
import {
  type CalibrateMaintenanceMarginParametricParameters,
  calibrateMaintenanceMarginParametric,
} from "./calibrateMaintenanceMarginParametric.js";
import { clampMarginFactorProposal, type MarginFactorClampReason } from "./clampMarginFactor.js";

/** Which calibrator the keeper runs, with its parameters. */
export type MarginScheduleMethod =
  | { kind: "historical"; parameters: CalibrateMaintenanceMarginHistoricalParameters }
  | { kind: "parametric"; parameters: CalibrateMaintenanceMarginParametricParameters };

/** Inputs of {@link volatilityAwareMarginSchedule}. */
export interface VolatilityAwareMarginScheduleParameters {
  method: MarginScheduleMethod;
  /** Bars of history the keeper calibrates on (the rolling window), including the current bar. */
  windowBars: number;
  /** The keeper updates every this many bars once the window is full. Default 1. */
  updateEveryBars?: number;
  /** On-chain limits, 1e30 = 100%; `initial` is the factor in force before the first update. */
  bounds: { min: bigint; max: bigint; maxStep: bigint; initial: bigint };
}

/** The keeper's update at a bar's close. */
export interface MarginScheduleUpdate {
  /** Calibrated factor before clamping. */
  proposedE30: bigint;
  /** Factor submitted (clamped into bounds and step); in force from the next bar. */
  factorE30: bigint;
  reasons: MarginFactorClampReason[];
}

/** One bar of the schedule. */
export interface MarginSchedulePoint {
  openTimeMs: number;
  /** Factor in force during this bar: set at an earlier bar's close, so it never uses this bar's prices. */
  factorE30: bigint;
  /** The update the keeper made at this bar's close, if it made one. */
  update?: MarginScheduleUpdate;
}

/**
 * The maintenance margin factor a keeper would have kept on chain along a price path: at the close
 * of bar i (every `updateEveryBars` bars, once `windowBars` bars exist) it calibrates on bars
 * `i - windowBars + 1 .. i`, clamps the proposal into `bounds` and the step limit relative to the
 * factor then in force, and the result applies from bar i + 1. Bars before the first update carry
 * `bounds.initial`. Comparing this series with a fixed factor on the same path is the point.
 *
 * @example
 * const schedule = volatilityAwareMarginSchedule(bars, {
 *   method: { kind: "parametric", parameters: calibrationParameters },
 *   windowBars: 240,
 *   updateEveryBars: 5,
 *   bounds: { min: 5n * 10n ** 27n, max: 10n ** 29n, maxStep: 2n * 10n ** 27n, initial: 10n ** 28n },
 * });
 * schedule.map((point) => point.factorE30);
 */
export function volatilityAwareMarginSchedule(
  klines: readonly Kline[],
  parameters: VolatilityAwareMarginScheduleParameters,
): MarginSchedulePoint[] {
  const { windowBars, method, bounds } = parameters;
  const updateEveryBars = parameters.updateEveryBars ?? 1;
  if (!Number.isInteger(windowBars) || windowBars < 2) {
    throw new InvalidParameterError("windowBars", windowBars, "an integer >= 2");
  }
  if (!Number.isInteger(updateEveryBars) || updateEveryBars < 1) {
    throw new InvalidParameterError("updateEveryBars", updateEveryBars, "an integer >= 1");
  }
  validateKlines(klines, 1, "a margin schedule");
  if (klines.length < windowBars)
    throw new InsufficientBarsError(windowBars, klines.length, "a margin schedule window");
  // Validates the bounds (and that `initial` admits an update) before any work.
  clampMarginFactorProposal(bounds.initial, { ...bounds, current: bounds.initial });
  const calibrate = (window: readonly Kline[]): bigint =>
    method.kind === "historical"
      ? calibrateMaintenanceMarginHistorical(window, method.parameters).factorE30
      : calibrateMaintenanceMarginParametric(window, method.parameters).factorE30;

  let inForceE30 = bounds.initial;
  return klines.map((bar, index) => {
    const point: MarginSchedulePoint = { openTimeMs: bar.openTimeMs, factorE30: inForceE30 };
    const firstFullWindow = windowBars - 1;
    if (index >= firstFullWindow && (index - firstFullWindow) % updateEveryBars === 0) {
      const proposedE30 = calibrate(klines.slice(index - windowBars + 1, index + 1));
      const clamp = clampMarginFactorProposal(proposedE30, { ...bounds, current: inForceE30 });
      point.update = { proposedE30, factorE30: clamp.factorE30, reasons: clamp.reasons };
      inForceE30 = clamp.factorE30;
    }
    return point;
  });
}
