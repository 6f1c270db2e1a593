import { describe, expect, it } from "vitest";
import type { Kline } from "../market-data/kline.js";
import { InsufficientBarsError, InvalidParameterError } from "./errors.js";
import { ewmaVolatility } from "./ewmaVolatility.js";

const bars = (closes: readonly number[]): Kline[] =>
  closes.map((close, index) => {
    const open = closes[index - 1] ?? close;
    return {
      openTimeMs: index * 60_000,
      open,
      high: Math.max(open, close),
      low: Math.min(open, close),
      close,
      volume: 0,
    };
  });

describe("ewmaVolatility", () => {
  it("follows the RiskMetrics recursion, worked by hand for 3 bars", () => {
    // r0 = ln(1.1) = 0.0953101798..., r1 = ln(0.9) = -0.1053605156...
    // var0 = r0^2 (default prior) = 0.009084030374332749
    // var1 = 0.94 * var0 + 0.06 * r1^2 = 0.009205038847453766
    const estimate = ewmaVolatility(bars([100, 110, 99]), { lambda: 0.94 });
    expect(estimate.series).toHaveLength(2);
    expect(estimate.series[0]).toBeCloseTo(0.09531017980432493, 15);
    expect(estimate.series[1]).toBeCloseTo(Math.sqrt(0.009205038847453766), 15);
    expect(estimate.latest).toBe(estimate.series[1]);
    expect(estimate.perBarVolatility).toBe(estimate.latest);
    expect(estimate.lambda).toBe(0.94);
  });

  it("starts from an explicit prior variance", () => {
    // var0 = 0.94 * 1e-4 + 0.06 * r0^2, var1 = 0.94 * var0 + 0.06 * r1^2
    const estimate = ewmaVolatility(bars([100, 110, 99]), { lambda: 0.94, initialVariance: 1e-4 });
    expect(estimate.series[0]).toBeCloseTo(0.02527927654146702, 15);
    expect(estimate.series[1]).toBeCloseTo(0.03559142605591058, 15);
  });

  it("with lambda 0 is the absolute latest return", () => {
    expect(ewmaVolatility(bars([100, 110, 99]), { lambda: 0 }).latest).toBeCloseTo(Math.log(110 / 99), 15);
  });

  it("rejects lambda outside [0, 1), a bad prior, and a single bar", () => {
    for (const lambda of [1, -0.1, Number.NaN]) {
      expect(() => ewmaVolatility(bars([100, 101, 102]), { lambda })).toThrow(InvalidParameterError);
    }
    expect(() => ewmaVolatility(bars([100, 101]), { initialVariance: -1 })).toThrow(InvalidParameterError);
    expect(() => ewmaVolatility(bars([100]))).toThrow(InsufficientBarsError);
  });
});
