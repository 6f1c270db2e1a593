import { describe, expect, it } from "vitest";
import type { Kline } from "../market-data/kline.js";
import {
  InconsistentBarError,
  InsufficientBarsError,
  NonFiniteValueError,
  NonPositivePriceError,
  UnsortedTimestampsError,
} from "./errors.js";
import { validateKlines } from "./validateKlines.js";

const bar = (openTimeMs: number, close = 100, overrides: Partial<Kline> = {}): Kline => ({
  openTimeMs,
  open: close,
  high: close + 1,
  low: close - 1,
  close,
  volume: 1,
  ...overrides,
});

describe("validateKlines", () => {
  it("accepts a sorted, finite, consistent series", () => {
    expect(() => validateKlines([bar(0), bar(60_000), bar(120_000)], 3, "test")).not.toThrow();
  });

  it("rejects too few bars, naming the purpose and the counts", () => {
    const error = (() => {
      try {
        validateKlines([bar(0)], 3, "close-to-close volatility");
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InsufficientBarsError);
    expect(error).toMatchObject({ requiredBars: 3, actualBars: 1 });
    expect(String(error)).toContain("close-to-close volatility needs at least 3 bars, got 1");
  });

  it.each([
    ["close", Number.NaN],
    ["high", Number.POSITIVE_INFINITY],
    ["low", Number.NEGATIVE_INFINITY],
  ] as const)("rejects a non-finite %s", (field, value) => {
    const series = [bar(0), bar(60_000, 100, { [field]: value })];
    expect(() => validateKlines(series, 2, "test")).toThrow(NonFiniteValueError);
    expect(() => validateKlines(series, 2, "test")).toThrow(`bar 1: ${field} is ${value}`);
  });

  it("rejects a non-finite timestamp", () => {
    expect(() => validateKlines([bar(0), bar(Number.NaN)], 2, "test")).toThrow(NonFiniteValueError);
  });

  it("rejects zero and negative prices", () => {
    expect(() => validateKlines([bar(0, 100, { low: 0 })], 1, "test")).toThrow(NonPositivePriceError);
    expect(() => validateKlines([bar(0, 100, { open: -1, low: -2, close: -1, high: 1 })], 1, "test")).toThrow(
      NonPositivePriceError,
    );
  });

  it("rejects a bar whose high is below its close or low above its open", () => {
    expect(() => validateKlines([bar(0, 100, { high: 99.5 })], 1, "test")).toThrow(InconsistentBarError);
    expect(() => validateKlines([bar(0, 100, { low: 100.5 })], 1, "test")).toThrow(InconsistentBarError);
  });

  it("rejects unsorted and duplicate timestamps, saying which", () => {
    expect(() => validateKlines([bar(60_000), bar(0)], 2, "test")).toThrow(UnsortedTimestampsError);
    expect(() => validateKlines([bar(60_000), bar(0)], 2, "test")).toThrow("is before");
    expect(() => validateKlines([bar(0), bar(0)], 2, "test")).toThrow("is a duplicate of");
  });
});
