import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InsufficientBarsError, InvalidParameterError } from "../volatility/errors.js";
import { empiricalUpperQuantile } from "./empiricalQuantile.js";

describe("empiricalUpperQuantile", () => {
  it("leaves at most floor(p n) observations above", () => {
    const samples = Array.from({ length: 1000 }, (_, index) => index + 1); // 1..1000
    expect(empiricalUpperQuantile(samples, 0.001)).toBe(999);
    expect(empiricalUpperQuantile(samples, 0.01)).toBe(990);
    expect(empiricalUpperQuantile(samples, 0.0005)).toBe(1000);
    expect(empiricalUpperQuantile([5, 1, 4, 2, 3], 0.2)).toBe(4);
  });

  it("is the maximum when the sample is too short for the tail", () => {
    expect(empiricalUpperQuantile([0.3, 0.1, 0.2], 0.001)).toBe(0.3);
  });

  it("is non-increasing in the tail probability", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 1e-6, max: 0.99, noNaN: true }),
        fc.double({ min: 1e-6, max: 0.99, noNaN: true }),
        (samples, a, b) => {
          const [low, high] = a < b ? [a, b] : [b, a];
          expect(empiricalUpperQuantile(samples, high)).toBeLessThanOrEqual(
            empiricalUpperQuantile(samples, low),
          );
        },
      ),
    );
  });

  it("rejects an empty sample, NaN samples and p outside (0, 1)", () => {
    expect(() => empiricalUpperQuantile([], 0.1)).toThrow(InsufficientBarsError);
    expect(() => empiricalUpperQuantile([1, Number.NaN], 0.1)).toThrow(InvalidParameterError);
    expect(() => empiricalUpperQuantile([1], 0)).toThrow(InvalidParameterError);
  });
});
