import { describe, expect, it } from "vitest";
import { InvalidParameterError } from "../volatility/errors.js";
import { standardNormalQuantile } from "./normalQuantile.js";
import { studentTQuantile, studentTUpperTail } from "./studentTQuantile.js";

describe("studentTQuantile", () => {
  // reference values from published t tables (closed forms for nu = 1 and 2)
  it.each([
    [0.975, 10, 2.2281388519649385],
    [0.995, 1, Math.tan(Math.PI * (0.995 - 0.5))],
    [0.999, 2, (2 * 0.999 - 1) / Math.sqrt(2 * 0.999 * (1 - 0.999))],
    [0.9995, 4, 8.610301581180213],
    [0.999, 3, 10.214531852407386],
    [0.95, 30, 1.6972608865939587],
    [0.025, 10, -2.2281388519649385],
  ])("t^-1(%f; nu = %f) = %f", (probability, nu, expected) => {
    expect(studentTQuantile(probability, nu)).toBeCloseTo(expected, 9);
  });

  it("tends to the normal quantile as nu grows", () => {
    expect(studentTQuantile(0.9995, 5_000)).toBeCloseTo(standardNormalQuantile(0.9995), 2);
  });

  it("inverts the upper tail", () => {
    expect(studentTUpperTail(studentTQuantile(0.9995, 4.5), 4.5)).toBeCloseTo(0.0005, 14);
  });

  it("rejects bad probabilities and degrees of freedom", () => {
    expect(() => studentTQuantile(1, 4)).toThrow(InvalidParameterError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(InvalidParameterError);
    expect(() => studentTQuantile(0.9, Number.NaN)).toThrow(InvalidParameterError);
  });
});
