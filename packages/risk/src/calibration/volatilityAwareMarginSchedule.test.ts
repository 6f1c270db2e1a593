import { describe, expect, it } from "vitest";
import type { Kline } from "../market-data/kline.js";
import { InsufficientBarsError, InvalidParameterError } from "../volatility/errors.js";
import { calibrateMaintenanceMarginHistorical } from "./calibrateMaintenanceMarginHistorical.js";
import type { MaintenanceMarginCalibrationParameters } from "./calibrationTypes.js";
import {
  type VolatilityAwareMarginScheduleParameters,
  volatilityAwareMarginSchedule,
} from "./volatilityAwareMarginSchedule.js";

const bp = 10n ** 26n;
const calibration: MaintenanceMarginCalibrationParameters = {
  oracleLatencySeconds: 2,
  liquidationDelaySeconds: 10,
  slippage: { fixedBps: 5, impactBpsAtDepth: 0, referenceSizeUsd: 0n, depthUsd: 1n, crashMultiplier: 1 },
  closeFeeFactorE30: 5n * bp,
  targetShortfallProbability: 0.01,
};

/** Calm bars with a +-0.1% range, then from `crashFrom` on a +-5% range. */
function calmThenCrash(count: number, crashFrom: number): Kline[] {
  return Array.from({ length: count }, (_, index) => {
    const range = index >= crashFrom ? 0.05 : 0.001;
    return {
      openTimeMs: index * 60_000,
      open: 100,
      high: 100 * (1 + range),
      low: 100 * (1 - range),
      close: 100,
      volume: 0,
    };
  });
}

const schedule: VolatilityAwareMarginScheduleParameters = {
  method: { kind: "historical", parameters: calibration },
  windowBars: 20,
  bounds: { min: 20n * bp, max: 500n * bp, maxStep: 30n * bp, initial: 100n * bp },
};

describe("volatilityAwareMarginSchedule", () => {
  const bars = calmThenCrash(80, 50);
  const points = volatilityAwareMarginSchedule(bars, schedule);

  it("keeps the initial factor until the window is full, then applies each update from the next bar", () => {
    expect(points).toHaveLength(80);
    for (const point of points.slice(0, 20)) expect(point.factorE30).toBe(100n * bp);
    expect(points.slice(0, 19).every((point) => point.update === undefined)).toBe(true);
    const firstUpdate = points[19]?.update;
    expect(firstUpdate?.proposedE30).toBe(
      calibrateMaintenanceMarginHistorical(bars.slice(0, 20), calibration).factorE30,
    );
    expect(points[20]?.factorE30).toBe(firstUpdate?.factorE30);
  });

  it("walks down to the calm level and up after the crash, one max step at a time", () => {
    const factors = points.map((point) => point.factorE30);
    for (let index = 1; index < factors.length; index++) {
      const change = (factors[index] ?? 0n) - (factors[index - 1] ?? 0n);
      expect(change <= 30n * bp && change >= -30n * bp).toBe(true);
      expect((factors[index] ?? 0n) >= 20n * bp && (factors[index] ?? 0n) <= 500n * bp).toBe(true);
    }
    const calmLevel = factors[49] ?? 0n;
    expect(calmLevel).toBeLessThan(100n * bp);
    expect(points[50]?.factorE30).toBe(calmLevel); // the crash bar itself still runs on the calm factor
    expect(factors[79]).toBeGreaterThan(calmLevel + 60n * bp);
    expect(points.some((point) => point.update?.reasons.includes("stepUpTooLarge"))).toBe(true);
  });

  it("never uses a bar's own prices or later ones for the factor in force during that bar", () => {
    const altered = bars.map((bar, index) => (index >= 40 ? { ...bar, high: 150, low: 60 } : bar));
    const alteredPoints = volatilityAwareMarginSchedule(altered, schedule);
    expect(alteredPoints.slice(0, 41).map((point) => point.factorE30)).toEqual(
      points.slice(0, 41).map((point) => point.factorE30),
    );
    expect(alteredPoints[41]?.factorE30).not.toBe(points[41]?.factorE30);
  });

  it("updates every N bars when asked", () => {
    const sparse = volatilityAwareMarginSchedule(bars, { ...schedule, updateEveryBars: 15 });
    expect(sparse.flatMap((point, index) => (point.update === undefined ? [] : [index]))).toEqual([
      19, 34, 49, 64, 79,
    ]);
  });

  it("runs the parametric calibrator too", () => {
    const parametric = volatilityAwareMarginSchedule(bars, {
      ...schedule,
      method: { kind: "parametric", parameters: calibration },
      windowBars: 30,
    });
    expect(parametric[29]?.update).toBeDefined();
  });

  it("rejects a bad window, cadence or bounds and a series shorter than the window", () => {
    expect(() => volatilityAwareMarginSchedule(bars, { ...schedule, windowBars: 1 })).toThrow(
      InvalidParameterError,
    );
    expect(() => volatilityAwareMarginSchedule(bars, { ...schedule, updateEveryBars: 0 })).toThrow(
      InvalidParameterError,
    );
    expect(() =>
      volatilityAwareMarginSchedule(bars, { ...schedule, bounds: { ...schedule.bounds, min: 600n * bp } }),
    ).toThrow(InvalidParameterError);
    expect(() => volatilityAwareMarginSchedule(bars.slice(0, 10), schedule)).toThrow(InsufficientBarsError);
  });
});
