import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Kline } from "../market-data/kline.js";
import { calibrateMaintenanceMarginHistorical } from "./calibrateMaintenanceMarginHistorical.js";
import { calibrateMaintenanceMarginParametric } from "./calibrateMaintenanceMarginParametric.js";
import type { MaintenanceMarginCalibrationParameters } from "./calibrationTypes.js";

/** A random OHLC walk of 30..120 one-minute bars (enough for the parametric method). */
const klinesArbitrary = fc
  .record({
    start: fc.double({ min: 0.01, max: 1e5, noNaN: true }),
    steps: fc.array(
      fc.record({
        logReturn: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        upperWick: fc.double({ min: 0, max: 0.03, noNaN: true }),
        lowerWick: fc.double({ min: 0, max: 0.03, noNaN: true }),
      }),
      { minLength: 30, maxLength: 120 },
    ),
  })
  .map(({ start, steps }): Kline[] => {
    let close = start;
    return steps.map((step, index) => {
      const open = close;
      close = open * Math.exp(step.logReturn);
      return {
        openTimeMs: index * 60_000,
        open,
        high: Math.max(open, close) * Math.exp(step.upperWick),
        low: Math.min(open, close) * Math.exp(-step.lowerWick),
        close,
        volume: 0,
      };
    });
  });

const base: MaintenanceMarginCalibrationParameters = {
  oracleLatencySeconds: 2,
  liquidationDelaySeconds: 10,
  slippage: { fixedBps: 5, impactBpsAtDepth: 20, referenceSizeUsd: 1n, depthUsd: 10n, crashMultiplier: 2 },
  closeFeeFactorE30: 5n * 10n ** 26n,
  targetShortfallProbability: 0.001,
};

const methods = {
  historical: (klines: readonly Kline[], parameters: MaintenanceMarginCalibrationParameters) =>
    calibrateMaintenanceMarginHistorical(klines, parameters),
  parametric: (klines: readonly Kline[], parameters: MaintenanceMarginCalibrationParameters) =>
    calibrateMaintenanceMarginParametric(klines, parameters),
};

const probability = fc.double({ min: 1e-5, max: 0.5, noNaN: true });
const seconds = fc.double({ min: 0, max: 600, noNaN: true });

describe("calibration properties", () => {
  for (const [name, calibrate] of Object.entries(methods)) {
    it(`${name}: a higher target probability never gives a higher factor`, () => {
      fc.assert(
        fc.property(klinesArbitrary, probability, probability, (klines, a, b) => {
          const [lower, higher] = a < b ? [a, b] : [b, a];
          const strict = calibrate(klines, { ...base, targetShortfallProbability: lower });
          const loose = calibrate(klines, { ...base, targetShortfallProbability: higher });
          expect(loose.factorE30 <= strict.factorE30).toBe(true);
        }),
      );
    });

    it(`${name}: a longer horizon never gives a lower factor`, () => {
      fc.assert(
        fc.property(klinesArbitrary, seconds, seconds, seconds, (klines, latency, a, b) => {
          const [shorter, longer] = a < b ? [a, b] : [b, a];
          const short = calibrate(klines, {
            ...base,
            oracleLatencySeconds: latency,
            liquidationDelaySeconds: shorter,
          });
          const long = calibrate(klines, {
            ...base,
            oracleLatencySeconds: latency,
            liquidationDelaySeconds: longer,
          });
          expect(long.factorE30 >= short.factorE30).toBe(true);
        }),
      );
    });

    it(`${name}: multiplying every price by k leaves the margin unchanged`, () => {
      fc.assert(
        fc.property(klinesArbitrary, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (klines, k) => {
          const scaled = klines.map((bar) => ({
            ...bar,
            open: bar.open * k,
            high: bar.high * k,
            low: bar.low * k,
            close: bar.close * k,
          }));
          expect(calibrate(scaled, base).components.total).toBeCloseTo(
            calibrate(klines, base).components.total,
            9,
          );
        }),
      );
    });

    it(`${name}: the factor is never below slippage + fee, and never below its own components`, () => {
      fc.assert(
        fc.property(klinesArbitrary, (klines) => {
          const { factorE30, components } = calibrate(klines, base);
          expect(components.adverseMove).toBeGreaterThanOrEqual(0);
          expect(Number(factorE30) / 1e30).toBeGreaterThanOrEqual(components.total * (1 - 1e-12));
          expect(components.total).toBeGreaterThanOrEqual(components.slippage + components.closeFee);
        }),
      );
    });
  }
});
