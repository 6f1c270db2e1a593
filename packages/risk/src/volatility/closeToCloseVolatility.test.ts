import { describe, expect, it } from "vitest";
import type { Kline } from "../market-data/kline.js";
import { closeToCloseVolatility } from "./closeToCloseVolatility.js";
import { InsufficientBarsError, IrregularBarIntervalError, NonPositivePriceError } from "./errors.js";

/** Bars one minute apart whose open is the previous close and whose range just covers the body. */
function barsFromCloses(closes: readonly number[], intervalMs = 60_000): Kline[] {
  return closes.map((close, index) => {
    const open = closes[index - 1] ?? close;
    return {
      openTimeMs: 1_700_000_000_000 + index * intervalMs,
      open,
      high: Math.max(open, close),
      low: Math.min(open, close),
      close,
      volume: 0,
    };
  });
}

describe("closeToCloseVolatility", () => {
  it("is ~zero for a series growing at a constant rate", () => {
    const closes = Array.from({ length: 50 }, (_, index) => 100 * 1.01 ** index);
    const estimate = closeToCloseVolatility(barsFromCloses(closes));
    expect(estimate.perBarVolatility).toBeLessThan(1e-12);
    expect(estimate.observations).toBe(49);
  });

  it("is the sample standard deviation of log returns (n - 1)", () => {
    // returns ln 1.1, ln 0.9, ln 1.1; stdev computed independently (Python statistics.stdev)
    const estimate = closeToCloseVolatility(barsFromCloses([100, 110, 99, 108.9]));
    expect(estimate.perBarVolatility).toBeCloseTo(0.11585728004354241, 14);
    expect(estimate.barIntervalMs).toBe(60_000);
    expect(estimate.annualizedVolatility).toBeCloseTo(0.11585728004354241 * Math.sqrt(525_600), 10);
  });

  it("annualises with the inferred interval (hourly bars)", () => {
    const estimate = closeToCloseVolatility(barsFromCloses([100, 110, 99, 108.9], 3_600_000));
    expect(estimate.annualizedVolatility).toBeCloseTo(0.11585728004354241 * Math.sqrt(8_760), 10);
  });

  it("needs three bars and positive prices", () => {
    expect(() => closeToCloseVolatility(barsFromCloses([100, 101]))).toThrow(InsufficientBarsError);
    expect(() => closeToCloseVolatility(barsFromCloses([100, 0, 101]))).toThrow(NonPositivePriceError);
  });

  it("refuses an irregular series unless the interval is given", () => {
    const bars = barsFromCloses([100, 101, 102, 101]);
    const gapped = bars.map((bar, index) =>
      index === 3 ? { ...bar, openTimeMs: bar.openTimeMs + 60_000 } : bar,
    );
    expect(() => closeToCloseVolatility(gapped)).toThrow(IrregularBarIntervalError);
    expect(closeToCloseVolatility(gapped, { barIntervalMs: 60_000 }).perBarVolatility).toBeGreaterThan(0);
  });
});
