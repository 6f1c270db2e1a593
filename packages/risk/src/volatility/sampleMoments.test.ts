import { describe, expect, it } from "vitest";
import { InsufficientBarsError } from "./errors.js";
import { excessKurtosis, mean, sampleVariance } from "./sampleMoments.js";

describe("sample moments", () => {
  it("computes known values", () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(sampleVariance([1, 2, 3])).toBe(1);
    expect(sampleVariance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7, 14);
    expect(excessKurtosis([-1, 1, -1, 1])).toBeCloseTo(-2, 14);
    expect(excessKurtosis([5, 5, 5, 5])).toBe(0);
  });

  it("is fat-tailed for a sample with one outlier", () => {
    expect(excessKurtosis([0, 0, 0, 0, 0, 0, 0, 0, 0, 10])).toBeGreaterThan(3);
  });

  it("refuses samples too small to define the moment", () => {
    expect(() => mean([])).toThrow(InsufficientBarsError);
    expect(() => sampleVariance([1])).toThrow(InsufficientBarsError);
    expect(() => excessKurtosis([1, 2, 3])).toThrow(InsufficientBarsError);
  });
});
