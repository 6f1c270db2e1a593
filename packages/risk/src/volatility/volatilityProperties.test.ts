import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Kline } from "../market-data/kline.js";
import { closeToCloseVolatility } from "./closeToCloseVolatility.js";
import { ewmaVolatility } from "./ewmaVolatility.js";
import { garmanKlassVolatility } from "./garmanKlassVolatility.js";
import { parkinsonVolatility } from "./parkinsonVolatility.js";

/** A random OHLC walk: each step gives the bar's log return and its wicks beyond the body. */
const klinesArbitrary = fc
  .record({
    start: fc.double({ min: 0.01, max: 1e5, noNaN: true }),
    steps: fc.array(
      fc.record({
        logReturn: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
        upperWick: fc.double({ min: 0, max: 0.03, noNaN: true }),
        lowerWick: fc.double({ min: 0, max: 0.03, noNaN: true }),
      }),
      { minLength: 3, maxLength: 60 },
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

const scale = (klines: readonly Kline[], factor: number): Kline[] =>
  klines.map((bar) => ({
    ...bar,
    open: bar.open * factor,
    high: bar.high * factor,
    low: bar.low * factor,
    close: bar.close * factor,
  }));

const estimators = {
  closeToClose: (klines: readonly Kline[]) => closeToCloseVolatility(klines).perBarVolatility,
  parkinson: (klines: readonly Kline[]) => parkinsonVolatility(klines).perBarVolatility,
  garmanKlass: (klines: readonly Kline[]) => garmanKlassVolatility(klines).perBarVolatility,
  ewma: (klines: readonly Kline[]) => ewmaVolatility(klines, { lambda: 0.9 }).perBarVolatility,
};

describe("volatility estimator properties", () => {
  for (const [name, estimate] of Object.entries(estimators)) {
    it(`${name}: multiplying every price by k leaves the volatility unchanged`, () => {
      fc.assert(
        fc.property(klinesArbitrary, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (klines, factor) => {
          const original = estimate(klines);
          expect(estimate(scale(klines, factor))).toBeCloseTo(original, 9);
        }),
      );
    });

    it(`${name}: is finite and non-negative on any valid series`, () => {
      fc.assert(
        fc.property(klinesArbitrary, (klines) => {
          const value = estimate(klines);
          expect(Number.isFinite(value) && value >= 0).toBe(true);
        }),
      );
    });
  }

  it("Parkinson and Garman-Klass grow when every range widens", () => {
    fc.assert(
      fc.property(klinesArbitrary, (klines) => {
        const wider = klines.map((bar) => ({ ...bar, high: bar.high * 1.01, low: bar.low / 1.01 }));
        expect(parkinsonVolatility(wider).perBarVolatility).toBeGreaterThan(
          parkinsonVolatility(klines).perBarVolatility,
        );
        expect(garmanKlassVolatility(wider).perBarVolatility).toBeGreaterThan(
          garmanKlassVolatility(klines).perBarVolatility,
        );
      }),
    );
  });
});
