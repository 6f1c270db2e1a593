import { describe, expect, it } from "vitest";
import { InvalidParameterError } from "../volatility/errors.js";
import { liquidationHorizonInBars } from "./liquidationHorizon.js";

describe("liquidationHorizonInBars", () => {
  it("scales one bar by sqrt(time) below a bar", () => {
    expect(liquidationHorizonInBars(2, 10, 60_000)).toEqual({
      horizonMs: 12_000,
      windowBars: 1,
      subBarScale: Math.sqrt(0.2),
    });
    expect(liquidationHorizonInBars(0, 0, 60_000).subBarScale).toBe(0);
  });

  it("rounds a longer horizon up to whole bars, unscaled", () => {
    expect(liquidationHorizonInBars(0, 60, 60_000)).toEqual({
      horizonMs: 60_000,
      windowBars: 1,
      subBarScale: 1,
    });
    expect(liquidationHorizonInBars(30, 60, 60_000)).toEqual({
      horizonMs: 90_000,
      windowBars: 2,
      subBarScale: 1,
    });
  });

  it("reads a float sum that should be one bar as one bar", () => {
    expect(liquidationHorizonInBars(59.99428368271623, 0.005716317283773976, 60_000).windowBars).toBe(1);
  });

  it("rejects negative or NaN durations", () => {
    expect(() => liquidationHorizonInBars(-1, 10, 60_000)).toThrow(InvalidParameterError);
    expect(() => liquidationHorizonInBars(1, Number.NaN, 60_000)).toThrow(InvalidParameterError);
    expect(() => liquidationHorizonInBars(1, 1, 0)).toThrow(InvalidParameterError);
  });
});
