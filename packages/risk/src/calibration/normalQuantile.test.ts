import { describe, expect, it } from "vitest";
import { InvalidParameterError } from "../volatility/errors.js";
import { standardNormalQuantile } from "./normalQuantile.js";

describe("standardNormalQuantile", () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.999, 3.090232306167813],
    [0.9995, 3.290526731491926],
    [0.025, -1.959963984540054],
    [1e-10, -6.361340902404056],
    [1e-300, -37.0470962993612], // erfc check: Phi(-37.0470962993612) = 1.0000000000000776e-300
  ])("Phi^-1(%f) = %f", (probability, z) => {
    expect(standardNormalQuantile(probability)).toBeCloseTo(z, 12);
  });

  it("rejects probabilities outside (0, 1)", () => {
    for (const bad of [0, 1, -0.5, Number.NaN]) {
      expect(() => standardNormalQuantile(bad)).toThrow(InvalidParameterError);
    }
  });
});
