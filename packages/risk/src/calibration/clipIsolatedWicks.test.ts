import { describe, expect, it } from "vitest";
import type { Kline } from "../market-data/kline.js";
import { InvalidParameterError } from "../volatility/errors.js";
import { clipIsolatedWicks } from "./clipIsolatedWicks.js";

const bar = (index: number, open: number, high: number, low: number, close: number): Kline => ({
  openTimeMs: index * 60_000,
  open,
  high,
  low,
  close,
  volume: 0,
});

describe("clipIsolatedWicks", () => {
  it("clips a bad-print high that its neighbours do not confirm (shape of ETH 2020-03-13 02:39)", () => {
    const klines = [
      bar(0, 104.28, 110, 103.99, 108.86),
      bar(1, 109, 323, 108.8, 117.44),
      bar(2, 116.83, 117.88, 109.68, 110.61),
    ];
    const { klines: cleaned, clipped } = clipIsolatedWicks(klines, 0.2);
    expect(clipped).toEqual([
      { barIndex: 1, openTimeMs: 60_000, field: "high", original: 323, replacement: 117.44 },
    ]);
    expect(cleaned[1]).toEqual(bar(1, 109, 117.44, 108.8, 117.44));
    expect(cleaned[0]).toEqual(klines[0]);
    expect(klines[1]?.high).toBe(323); // input untouched
  });

  it("keeps a crash wick its neighbours confirm (shape of ETH 2021-05-19 13:10)", () => {
    const klines = [
      bar(0, 1934.3, 2003.25, 1550, 1607.64),
      bar(1, 1603.54, 1870, 1400.73, 1508.99),
      bar(2, 1508.98, 2154.39, 1450, 1946.25),
    ];
    expect(clipIsolatedWicks(klines, 0.2).clipped).toEqual([]);
  });

  it("clips an isolated low too", () => {
    const klines = [bar(0, 100, 101, 99, 100), bar(1, 100, 101, 50, 100), bar(2, 100, 101, 99, 100)];
    const { klines: cleaned, clipped } = clipIsolatedWicks(klines, 0.2);
    expect(clipped.map((c) => [c.field, c.replacement])).toEqual([["low", 100]]);
    expect(cleaned[1]?.low).toBe(100);
  });

  it("rejects a non-positive threshold", () => {
    expect(() => clipIsolatedWicks([], 0)).toThrow(InvalidParameterError);
  });
});
