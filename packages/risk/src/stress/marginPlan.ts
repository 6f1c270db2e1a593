/**
 * The maintenance margin factor in force at every bar of a replay: a fixed factor, or the factor a
 * risk keeper would have set along the path with `volatilityAwareMarginSchedule` (calibrated on the
 * bars before, clamped into the on-chain bounds and step limit, at most once per `minInterval`).
 * @module
 */
import {
  type MarginScheduleMethod,
  volatilityAwareMarginSchedule,
} from "../calibration/volatilityAwareMarginSchedule.js";
import type { MarketConfig } from "../mirror/types.js";
import { InvalidParameterError } from "../volatility/errors.js";
import type { PricePath } from "./pricePath.js";
import { formatFactorE30 } from "./units.js";

/** How the maintenance margin factor is set during the replay. */
export type StressMarginParameters =
  | {
      kind: "fixed";
      /** The factor for the whole replay, 1e30 = 100%. */
      factorE30: bigint;
    }
  | {
      kind: "vol-aware";
      /** The factor in force until the keeper's first update (the window must fill first). */
      initialFactorE30: bigint;
      /** The calibrator the keeper runs (historical or parametric, with its parameters). */
      method: MarginScheduleMethod;
      /** Bars of history per calibration, including the bar just closed. */
      windowBars: number;
      /** Bars between updates; with the bar interval it must respect the market's `minInterval`. */
      updateEveryBars: number;
    };

/** The factor in force per market and bar. */
export interface MaintenanceMarginPlan {
  /** `factorsE30[market][bar]`, 1e30 = 100%. */
  factorsE30: bigint[][];
  /** Number of bars at which the factor changed, per market (on-chain `setMaintenanceMarginFactor` calls). */
  updates: number[];
}

function checkWithinBounds(config: MarketConfig, factorE30: bigint, name: string): void {
  const { minMaintenanceMarginFactor: min, maxMaintenanceMarginFactor: max } = config.margin;
  if (factorE30 < min || factorE30 > max) {
    throw new InvalidParameterError(
      name,
      factorE30,
      `within the market's on-chain bounds [${formatFactorE30(min)}, ${formatFactorE30(max)}] (${min}..${max}); widen the bounds to test it`,
    );
  }
}

/**
 * The factor in force at every bar of `path` for each market (`configs` in path order). A fixed
 * factor must lie within the market's bounds (`ParameterOutOfBounds` on chain); a volatility-aware
 * plan runs `volatilityAwareMarginSchedule` on each market's own bars with the market's bounds and
 * step limit, and `updateEveryBars x bar interval` must be at least the market's `minInterval`.
 *
 * @example
 * const plan = maintenanceMarginPlan(path, configs, { kind: "fixed", factorE30: 10n ** 28n });
 */
export function maintenanceMarginPlan(
  path: PricePath,
  configs: readonly MarketConfig[],
  margin: StressMarginParameters,
): MaintenanceMarginPlan {
  if (configs.length !== path.markets.length) {
    throw new InvalidParameterError("configs", configs.length, `one per market (${path.markets.length})`);
  }
  const bars = path.klines[0]?.length ?? 0;
  if (margin.kind === "fixed") {
    configs.forEach((config) => {
      checkWithinBounds(config, margin.factorE30, "maintenance margin factor");
    });
    return {
      factorsE30: configs.map(() => new Array<bigint>(bars).fill(margin.factorE30)),
      updates: configs.map(() => 0),
    };
  }
  const factorsE30: bigint[][] = [];
  const updates: number[] = [];
  configs.forEach((config, index) => {
    checkWithinBounds(config, margin.initialFactorE30, "initial maintenance margin factor");
    const intervalSeconds = (margin.updateEveryBars * path.barIntervalMs) / 1000;
    if (!Number.isInteger(margin.updateEveryBars) || margin.updateEveryBars < 1) {
      throw new InvalidParameterError("updateEveryBars", margin.updateEveryBars, "an integer >= 1");
    }
    if (intervalSeconds < Number(config.margin.minInterval)) {
      throw new InvalidParameterError(
        "updateEveryBars",
        margin.updateEveryBars,
        `at least ${Math.ceil((Number(config.margin.minInterval) * 1000) / path.barIntervalMs)} bars: the market accepts one update per ${config.margin.minInterval} s`,
      );
    }
    const klines = path.klines[index] ?? [];
    const schedule = volatilityAwareMarginSchedule(klines, {
      method: margin.method,
      windowBars: margin.windowBars,
      updateEveryBars: margin.updateEveryBars,
      bounds: {
        min: config.margin.minMaintenanceMarginFactor,
        max: config.margin.maxMaintenanceMarginFactor,
        maxStep: config.margin.maxStep,
        initial: margin.initialFactorE30,
      },
    });
    const series = schedule.map((point) => point.factorE30);
    factorsE30.push(series);
    updates.push(series.filter((factor, bar) => bar > 0 && factor !== series[bar - 1]).length);
  });
  return { factorsE30, updates };
}
