import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidParameterError } from "../volatility/errors.js";
import { bigintRatio, FACTOR_ONE_E30, factorE30ToFraction, fractionToFactorE30Up } from "./fixedPoint.js";

describe("fractionToFactorE30Up", () => {
  it("converts round decimals exactly", () => {
    expect(fractionToFactorE30Up(0.01)).toBe(10n ** 28n);
    expect(fractionToFactorE30Up(1)).toBe(FACTOR_ONE_E30);
    expect(fractionToFactorE30Up(0)).toBe(0n);
    expect(fractionToFactorE30Up(0.0123456789, 1n)).toBe(12_345_678_900_000_000_000_000_000_000n);
  });

  it("rounds UP to the resolution grid (against the trader)", () => {
    expect(fractionToFactorE30Up(0.0123456789)).toBe(12_346_000_000_000_000_000_000_000_000n);
    expect(fractionToFactorE30Up(0.0123456789, 10n ** 28n)).toBe(2n * 10n ** 28n);
    expect(fractionToFactorE30Up(1e-31, 1n)).toBe(1n);
  });

  it("reads exponent notation", () => {
    expect(fractionToFactorE30Up(1.5e-7, 1n)).toBe(15n * 10n ** 22n);
    expect(fractionToFactorE30Up(2e21, 1n)).toBe(2n * 10n ** 51n);
  });

  it("never rounds down and stays within one grid step", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), (fraction) => {
        const factor = fractionToFactorE30Up(fraction);
        // exact check on the decimal the number prints as, scaled by 1e30
        expect(factorE30ToFraction(factor)).toBeGreaterThanOrEqual(fraction * (1 - 1e-15));
        expect(factor % 10n ** 24n).toBe(0n);
        expect(factorE30ToFraction(factor) - fraction).toBeLessThanOrEqual(1e-6 + 1e-15);
      }),
    );
  });

  it("rejects negative, NaN and infinite fractions and a non-positive grid", () => {
    for (const bad of [-0.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => fractionToFactorE30Up(bad)).toThrow(InvalidParameterError);
    }
    expect(() => fractionToFactorE30Up(0.01, 0n)).toThrow(InvalidParameterError);
  });
});

describe("bigintRatio / factorE30ToFraction", () => {
  it("divides bigints beyond 2^53 without overflow", () => {
    expect(factorE30ToFraction(5n * 10n ** 27n)).toBe(0.005);
    expect(bigintRatio(10n ** 36n, 4n * 10n ** 36n)).toBe(0.25);
    expect(bigintRatio(3n * 10n ** 40n, 10n ** 40n)).toBe(3);
    expect(() => bigintRatio(1n, 0n)).toThrow(InvalidParameterError);
  });
});
