import { describe, expect, it } from "vitest";
import type { Kline } from "../market-data/kline.js";
import { InsufficientBarsError, InvalidParameterError } from "../volatility/errors.js";
import {
  type CalibrateMaintenanceMarginParametricParameters,
  calibrateMaintenanceMarginParametric,
} from "./calibrateMaintenanceMarginParametric.js";
import { factorE30ToFraction } from "./fixedPoint.js";
import { standardNormalQuantile } from "./normalQuantile.js";

const parameters: CalibrateMaintenanceMarginParametricParameters = {
  oracleLatencySeconds: 5,
  liquidationDelaySeconds: 10,
  slippage: { fixedBps: 5, impactBpsAtDepth: 20, referenceSizeUsd: 1n, depthUsd: 10n, crashMultiplier: 2 },
  closeFeeFactorE30: 5n * 10n ** 26n,
  targetShortfallProbability: 0.001,
  ewmaLambda: 0.94,
};

/** Closes alternate 100, 100 e^a, 100, ...: every log return is +-a, so the EWMA stays exactly a. */
const alternatingBars = (count: number, a: number): Kline[] =>
  Array.from({ length: count }, (_, index) => {
    const close = index % 2 === 0 ? 100 : 100 * Math.exp(a);
    const open = index === 0 ? close : index % 2 === 0 ? 100 * Math.exp(a) : 100;
    return {
      openTimeMs: index * 60_000,
      open,
      high: Math.max(open, close),
      low: Math.min(open, close),
      close,
      volume: 0,
    };
  });

describe("calibrateMaintenanceMarginParametric", () => {
  it("uses z(1 - p/2) x sigma x sqrt(horizon / bar), with a normal tail when residuals are thin-tailed", () => {
    const result = calibrateMaintenanceMarginParametric(alternatingBars(40, 0.001), parameters);
    const z = standardNormalQuantile(0.9995); // 3.2905...
    const horizonVolatility = 0.001 * Math.sqrt(15 / 60);
    expect(result.diagnostics.perBarVolatility).toBeCloseTo(0.001, 15);
    expect(result.diagnostics.horizonVolatility).toBeCloseTo(horizonVolatility, 15);
    expect(result.diagnostics.tail).toEqual({ kind: "normal" }); // residuals are +-1: excess kurtosis -2
    expect(result.diagnostics.residualExcessKurtosis).toBeCloseTo(-2, 10);
    expect(result.diagnostics.quantileLevel).toBe(0.9995);
    expect(result.components.adverseMoveShort).toBeCloseTo(Math.expm1(z * horizonVolatility), 14);
    expect(result.components.adverseMoveLong).toBeCloseTo(-Math.expm1(-z * horizonVolatility), 14);
    expect(result.components.adverseMove).toBe(result.components.adverseMoveShort);
    expect(result.components.total).toBeCloseTo(Math.expm1(z * horizonVolatility) + 0.0014 + 0.0005, 14);
    expect(factorE30ToFraction(result.factorE30)).toBeGreaterThanOrEqual(result.components.total);
  });

  it("fattens the quantile with an explicit Student-t, scaled to unit variance", () => {
    const result = calibrateMaintenanceMarginParametric(alternatingBars(40, 0.001), {
      ...parameters,
      tail: { kind: "studentT", degreesOfFreedom: 4 },
    });
    // t_4^-1(0.9995) = 8.6103015811..., times sqrt((4 - 2) / 4)
    expect(result.diagnostics.standardizedQuantile).toBeCloseTo(8.610301581180213 * Math.SQRT1_2, 9);
    expect(result.diagnostics.tail).toEqual({ kind: "studentT", degreesOfFreedom: 4, estimated: false });
  });

  it("estimates nu = 4 + 6 / K from fat-tailed residuals", () => {
    const bars = alternatingBars(200, 0.001).map((bar, index) =>
      index === 150 ? { ...bar, close: bar.close * 1.02, high: bar.close * 1.02 } : bar,
    );
    const result = calibrateMaintenanceMarginParametric(bars, parameters);
    const { tail, residualExcessKurtosis } = result.diagnostics;
    expect(residualExcessKurtosis).toBeGreaterThan(0);
    expect(tail).toEqual({
      kind: "studentT",
      degreesOfFreedom: 4 + 6 / residualExcessKurtosis,
      estimated: true,
    });
  });

  it("refuses fewer than 30 bars and nu <= 2", () => {
    expect(() => calibrateMaintenanceMarginParametric(alternatingBars(29, 0.001), parameters)).toThrow(
      InsufficientBarsError,
    );
    expect(() =>
      calibrateMaintenanceMarginParametric(alternatingBars(40, 0.001), {
        ...parameters,
        tail: { kind: "studentT", degreesOfFreedom: 2 },
      }),
    ).toThrow(InvalidParameterError);
    expect(() =>
      calibrateMaintenanceMarginParametric(alternatingBars(40, 0.001), { ...parameters, ewmaLambda: 1 }),
    ).toThrow(InvalidParameterError);
  });
});
