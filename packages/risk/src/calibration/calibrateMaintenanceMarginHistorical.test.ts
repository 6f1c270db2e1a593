import { describe, expect, it } from "vitest";
import type { Kline } from "../market-data/kline.js";
import {
  InsufficientBarsError,
  InvalidParameterError,
  UnsortedTimestampsError,
} from "../volatility/errors.js";
import {
  type CalibrateMaintenanceMarginHistoricalParameters,
  calibrateMaintenanceMarginHistorical,
} from "./calibrateMaintenanceMarginHistorical.js";
import { factorE30ToFraction } from "./fixedPoint.js";

const RESOLUTION = 10n ** 24n;
const parameters: CalibrateMaintenanceMarginHistoricalParameters = {
  oracleLatencySeconds: 0,
  liquidationDelaySeconds: 60,
  slippage: { fixedBps: 5, impactBpsAtDepth: 20, referenceSizeUsd: 1n, depthUsd: 10n, crashMultiplier: 2 },
  closeFeeFactorE30: 5n * 10n ** 26n, // 0.05%
  targetShortfallProbability: 0.001,
};

/** Bars that open and close at 100 and reach 102 and 97 inside every minute. */
const flatBars = (count: number): Kline[] =>
  Array.from({ length: count }, (_, index) => ({
    openTimeMs: index * 60_000,
    open: 100,
    high: 102,
    low: 97,
    close: 100,
    volume: 0,
  }));

describe("calibrateMaintenanceMarginHistorical", () => {
  it("adds the worst-side quantile move, slippage and close fee, rounded up", () => {
    const result = calibrateMaintenanceMarginHistorical(flatBars(10), parameters);
    expect(result.components.adverseMoveLong).toBeCloseTo(0.03, 15);
    expect(result.components.adverseMoveShort).toBeCloseTo(0.02, 15);
    expect(result.components.adverseMove).toBe(result.components.adverseMoveLong);
    expect(result.components.slippage).toBeCloseTo(0.0014, 15); // 2 x (5 + 20 x 0.1) bps
    expect(result.components.closeFee).toBe(0.0005);
    expect(result.components.total).toBeCloseTo(0.0319, 15);
    // rounded UP: at or above the exact total, by less than one grid step
    expect(result.factorE30 % RESOLUTION).toBe(0n);
    expect(factorE30ToFraction(result.factorE30)).toBeGreaterThanOrEqual(result.components.total);
    expect(factorE30ToFraction(result.factorE30) - result.components.total).toBeLessThan(1e-6);
    expect(result.diagnostics).toMatchObject({
      windowBars: 1,
      subBarScale: 1,
      samples: 9,
      tailResolved: false,
    });
    expect(result.horizonSeconds).toBe(60);
  });

  it("scales a one-bar move by sqrt(time) when the horizon is shorter than a bar", () => {
    const result = calibrateMaintenanceMarginHistorical(flatBars(10), {
      ...parameters,
      oracleLatencySeconds: 5,
      liquidationDelaySeconds: 10,
    });
    // log move ln(100/97) scaled by sqrt(15/60) = 1/2: loss = 1 - sqrt(0.97)
    expect(result.components.adverseMoveLong).toBeCloseTo(1 - Math.sqrt(0.97), 15);
    expect(result.diagnostics.subBarScale).toBe(0.5);
  });

  it("takes the empirical 1 - p quantile: one crash bar in 999 samples sets the factor only when p n < 1", () => {
    const bars = flatBars(1000).map((bar, index) => (index === 500 ? { ...bar, low: 80 } : bar));
    const tight = calibrateMaintenanceMarginHistorical(bars, {
      ...parameters,
      targetShortfallProbability: 0.001,
    });
    expect(tight.components.adverseMoveLong).toBeCloseTo(0.2, 12);
    expect(tight.diagnostics.tailResolved).toBe(false); // 999 x 0.001 < 1
    const looser = calibrateMaintenanceMarginHistorical(bars, {
      ...parameters,
      targetShortfallProbability: 0.002,
    });
    expect(looser.components.adverseMoveLong).toBeCloseTo(0.03, 12);
    expect(looser.diagnostics.tailResolved).toBe(true);
    expect(tight.diagnostics.worstMoveLong).toBeCloseTo(0.2, 12);
  });

  it("covers a multi-bar horizon with whole bars", () => {
    const bars = flatBars(6).map((bar, index) => (index === 3 ? { ...bar, low: 90 } : bar));
    const result = calibrateMaintenanceMarginHistorical(bars, {
      ...parameters,
      liquidationDelaySeconds: 150,
    });
    expect(result.diagnostics.windowBars).toBe(3);
    expect(result.diagnostics.samples).toBe(5); // entries 3 and 4 use truncated windows
    expect(result.components.adverseMoveLong).toBeCloseTo(0.1, 12);
  });

  it("refuses too few bars for the horizon, bad parameters and bad series", () => {
    expect(() =>
      calibrateMaintenanceMarginHistorical(flatBars(3), { ...parameters, liquidationDelaySeconds: 180 }),
    ).toThrow(InsufficientBarsError);
    for (const targetShortfallProbability of [0, 1, Number.NaN]) {
      expect(() =>
        calibrateMaintenanceMarginHistorical(flatBars(10), { ...parameters, targetShortfallProbability }),
      ).toThrow(InvalidParameterError);
    }
    expect(() =>
      calibrateMaintenanceMarginHistorical(flatBars(10), { ...parameters, closeFeeFactorE30: -1n }),
    ).toThrow(InvalidParameterError);
    expect(() =>
      calibrateMaintenanceMarginHistorical(flatBars(10), { ...parameters, oracleLatencySeconds: -2 }),
    ).toThrow(InvalidParameterError);
    expect(() => calibrateMaintenanceMarginHistorical([...flatBars(10)].reverse(), parameters)).toThrow(
      UnsortedTimestampsError,
    );
  });
});
