import { describe, expect, it } from "vitest";
import { annualizeVolatility, MS_PER_YEAR, scaleVolatility } from "./annualize.js";
import { InvalidParameterError } from "./errors.js";

describe("annualizeVolatility", () => {
  it("multiplies by the square root of bars per 365-day year", () => {
    expect(MS_PER_YEAR).toBe(31_536_000_000);
    expect(annualizeVolatility(0.001, 60_000)).toBeCloseTo(0.001 * Math.sqrt(525_600), 12);
    expect(annualizeVolatility(0.02, 86_400_000)).toBeCloseTo(0.02 * Math.sqrt(365), 12);
  });

  it("rejects negative or NaN volatility and non-positive intervals", () => {
    expect(() => annualizeVolatility(-0.1, 60_000)).toThrow(InvalidParameterError);
    expect(() => annualizeVolatility(Number.NaN, 60_000)).toThrow(InvalidParameterError);
    expect(() => annualizeVolatility(0.1, 0)).toThrow(InvalidParameterError);
  });
});

describe("scaleVolatility", () => {
  it("scales with the square root of time", () => {
    expect(scaleVolatility(0.001, 60_000, 15_000)).toBeCloseTo(0.0005, 15);
    expect(scaleVolatility(0.001, 60_000, 240_000)).toBeCloseTo(0.002, 15);
  });
});
