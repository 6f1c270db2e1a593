import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadKlinesFile } from "../market-data/loadKlinesFile.js";
import { InconsistentBarError, InsufficientBarsError } from "./errors.js";
import { parkinsonVolatility } from "./parkinsonVolatility.js";

const fixtures = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../test/fixtures");

describe("parkinsonVolatility", () => {
  it("recovers sigma = ln(H/L) / (2 sqrt(ln 2)) from bars with a constant range", () => {
    // every bar: high 102, low 98
    const estimate = parkinsonVolatility(loadKlinesFile(resolve(fixtures, "vol-constant-range.csv")));
    expect(estimate.perBarVolatility).toBeCloseTo(Math.log(102 / 98) / (2 * Math.sqrt(Math.LN2)), 15);
    expect(estimate.perBarVolatility).toBeCloseTo(0.024025651937757166, 15);
    expect(estimate.observations).toBe(5);
    expect(estimate.barIntervalMs).toBe(60_000);
  });

  it("averages squared log ranges, not ranges", () => {
    const base = { open: 100, close: 100, volume: 0 };
    const bars = [
      { ...base, openTimeMs: 0, high: 101, low: 99 },
      { ...base, openTimeMs: 60_000, high: 104, low: 97 },
    ];
    const expected = Math.sqrt((Math.log(101 / 99) ** 2 + Math.log(104 / 97) ** 2) / (8 * Math.LN2));
    expect(parkinsonVolatility(bars).perBarVolatility).toBeCloseTo(expected, 15);
  });

  it("works on one bar when the interval is given, and refuses an empty or inconsistent series", () => {
    const bar = { openTimeMs: 0, open: 100, high: 102, low: 98, close: 100, volume: 0 };
    expect(parkinsonVolatility([bar], { barIntervalMs: 60_000 }).perBarVolatility).toBeGreaterThan(0);
    expect(() => parkinsonVolatility([bar])).toThrow(InsufficientBarsError);
    expect(() => parkinsonVolatility([])).toThrow(InsufficientBarsError);
    expect(() => parkinsonVolatility([{ ...bar, high: 97 }], { barIntervalMs: 60_000 })).toThrow(
      InconsistentBarError,
    );
  });
});
