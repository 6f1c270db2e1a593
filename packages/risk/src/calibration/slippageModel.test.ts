import { describe, expect, it } from "vitest";
import { InvalidParameterError } from "../volatility/errors.js";
import { type SlippageModel, slippageFraction } from "./slippageModel.js";

const model: SlippageModel = {
  fixedBps: 5,
  impactBpsAtDepth: 20,
  referenceSizeUsd: 1_000_000n,
  depthUsd: 10_000_000n,
  crashMultiplier: 3,
};

describe("slippageFraction", () => {
  it("adds the fixed and size terms, times the crash multiplier", () => {
    expect(slippageFraction(model)).toBeCloseTo((3 * (5 + 20 * 0.1)) / 10_000, 15);
  });

  it("supports the square-root impact law and sizes in any unit (e.g. 1e30 USD)", () => {
    const e30 = 10n ** 30n;
    const squareRoot = {
      ...model,
      impactExponent: 0.5,
      referenceSizeUsd: 1_000_000n * e30,
      depthUsd: 4_000_000n * e30,
    };
    expect(slippageFraction(squareRoot)).toBeCloseTo((3 * (5 + 20 * 0.5)) / 10_000, 15);
  });

  it("rejects a crash multiplier below 1, negative bps and zero depth", () => {
    expect(() => slippageFraction({ ...model, crashMultiplier: 0.5 })).toThrow(InvalidParameterError);
    expect(() => slippageFraction({ ...model, fixedBps: -1 })).toThrow(InvalidParameterError);
    expect(() => slippageFraction({ ...model, depthUsd: 0n })).toThrow(InvalidParameterError);
    expect(() => slippageFraction({ ...model, referenceSizeUsd: -1n })).toThrow(InvalidParameterError);
    expect(() => slippageFraction({ ...model, impactExponent: 0 })).toThrow(InvalidParameterError);
  });
});
