import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadKlinesFile } from "../market-data/loadKlinesFile.js";
import { NonFiniteValueError } from "./errors.js";
import { garmanKlassVolatility } from "./garmanKlassVolatility.js";

const fixtures = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../test/fixtures");

describe("garmanKlassVolatility", () => {
  it("is ln(H/L) / sqrt(2) when every bar opens and closes at the same price", () => {
    const estimate = garmanKlassVolatility(loadKlinesFile(resolve(fixtures, "vol-constant-range.csv")));
    expect(estimate.perBarVolatility).toBeCloseTo(0.02828804338898362, 15);
  });

  it("subtracts (2 ln 2 - 1) ln(C/O)^2", () => {
    const bar = { openTimeMs: 0, open: 100, high: 103, low: 99, close: 102, volume: 0 };
    const variance = 0.5 * Math.log(103 / 99) ** 2 - (2 * Math.LN2 - 1) * Math.log(1.02) ** 2;
    expect(garmanKlassVolatility([bar], { barIntervalMs: 60_000 }).perBarVolatility).toBeCloseTo(
      Math.sqrt(variance),
      15,
    );
  });

  it("throws on NaN instead of returning NaN", () => {
    const bar = { openTimeMs: 0, open: 100, high: Number.NaN, low: 99, close: 102, volume: 0 };
    expect(() => garmanKlassVolatility([bar], { barIntervalMs: 60_000 })).toThrow(NonFiniteValueError);
  });
});
