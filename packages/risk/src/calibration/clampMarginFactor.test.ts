import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidParameterError } from "../volatility/errors.js";
import { clampMarginFactorProposal, type MarginFactorBounds } from "./clampMarginFactor.js";

const bp = 10n ** 26n; // one basis point, 1e30 = 100%
const bounds: MarginFactorBounds = { min: 50n * bp, max: 500n * bp, maxStep: 20n * bp, current: 100n * bp };

describe("clampMarginFactorProposal", () => {
  it("passes an admissible proposal through", () => {
    expect(clampMarginFactorProposal(110n * bp, bounds)).toEqual({
      factorE30: 110n * bp,
      proposedE30: 110n * bp,
      clamped: false,
      reasons: [],
      explanation: `proposal ${110n * bp} is admissible`,
    });
  });

  it("limits the step up and the step down", () => {
    expect(clampMarginFactorProposal(300n * bp, bounds)).toMatchObject({
      factorE30: 120n * bp,
      clamped: true,
      reasons: ["stepUpTooLarge"],
    });
    expect(clampMarginFactorProposal(60n * bp, bounds)).toMatchObject({
      factorE30: 80n * bp,
      reasons: ["stepDownTooLarge"],
    });
  });

  it("says when the proposal is outside the hard bounds as well", () => {
    const low = clampMarginFactorProposal(10n * bp, { ...bounds, current: 60n * bp });
    expect(low).toMatchObject({ factorE30: 50n * bp, reasons: ["belowMin", "stepDownTooLarge"] });
    expect(low.explanation).toContain("below min");
    const high = clampMarginFactorProposal(900n * bp, { ...bounds, current: 490n * bp });
    expect(high).toMatchObject({ factorE30: 500n * bp, reasons: ["aboveMax", "stepUpTooLarge"] });
  });

  it("moves back towards the bounds when governance moved them past the current value", () => {
    const result = clampMarginFactorProposal(100n * bp, { ...bounds, min: 110n * bp, current: 100n * bp });
    expect(result).toMatchObject({ factorE30: 110n * bp, reasons: ["belowMin"] });
  });

  it("rejects inconsistent bounds or a current value no step can bring back", () => {
    expect(() => clampMarginFactorProposal(1n, { ...bounds, min: 600n * bp })).toThrow(InvalidParameterError);
    expect(() => clampMarginFactorProposal(1n, { ...bounds, maxStep: -1n })).toThrow(InvalidParameterError);
    expect(() => clampMarginFactorProposal(1n, { ...bounds, current: 10n * bp })).toThrow(
      "so that some update is admissible",
    );
    expect(() => clampMarginFactorProposal(-1n, bounds)).toThrow(InvalidParameterError);
  });

  it("never leaves the bounds nor exceeds the step, and is the closest admissible value", () => {
    const factor = fc.bigInt({ min: 0n, max: 10n ** 30n });
    fc.assert(
      fc.property(factor, factor, factor, factor, factor, (a, b, step, current, proposed) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const admissible = current >= min - step && current <= max + step;
        const input = { min, max, maxStep: step, current };
        if (!admissible) {
          expect(() => clampMarginFactorProposal(proposed, input)).toThrow(InvalidParameterError);
          return;
        }
        const { factorE30, clamped, reasons } = clampMarginFactorProposal(proposed, input);
        expect(factorE30 >= min && factorE30 <= max).toBe(true);
        const change = factorE30 > current ? factorE30 - current : current - factorE30;
        expect(change <= step).toBe(true);
        expect(clamped).toBe(factorE30 !== proposed);
        expect(reasons.length === 0).toBe(
          proposed >= min && proposed <= max && proposed >= current - step && proposed <= current + step,
        );
        // idempotent: the clamped value is itself admissible
        expect(clampMarginFactorProposal(factorE30, input).clamped).toBe(false);
      }),
    );
  });
});
