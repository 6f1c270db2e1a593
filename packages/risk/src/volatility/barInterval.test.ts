import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadKlinesFile } from "../market-data/loadKlinesFile.js";
import { inferBarIntervalMs, resolveBarIntervalMs } from "./barInterval.js";
import { InsufficientBarsError, InvalidParameterError, IrregularBarIntervalError } from "./errors.js";

const fixtures = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../test/fixtures");

describe("inferBarIntervalMs", () => {
  it("reads the interval of a regular series", () => {
    expect(inferBarIntervalMs(loadKlinesFile(resolve(fixtures, "vol-constant-range.csv")))).toBe(60_000);
  });

  it("names the first irregular gap (a missing bar)", () => {
    const klines = loadKlinesFile(resolve(fixtures, "vol-irregular-gap.csv"));
    expect(() => inferBarIntervalMs(klines)).toThrow(IrregularBarIntervalError);
    expect(() => inferBarIntervalMs(klines)).toThrow("bar 2: gap of 120000 ms after a first gap of 60000 ms");
  });

  it("needs two bars", () => {
    const [first] = loadKlinesFile(resolve(fixtures, "vol-constant-range.csv"));
    expect(() => inferBarIntervalMs(first === undefined ? [] : [first])).toThrow(InsufficientBarsError);
  });
});

describe("resolveBarIntervalMs", () => {
  const irregular = loadKlinesFile(resolve(fixtures, "vol-irregular-gap.csv"));

  it("trusts an explicit interval, even over gaps", () => {
    expect(resolveBarIntervalMs(irregular, 60_000)).toBe(60_000);
  });

  it("rejects a non-positive or non-finite explicit interval", () => {
    for (const bad of [0, -60_000, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => resolveBarIntervalMs(irregular, bad)).toThrow(InvalidParameterError);
    }
  });
});
