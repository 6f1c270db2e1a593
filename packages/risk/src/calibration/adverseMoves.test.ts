import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Kline } from "../market-data/kline.js";
import { InvalidParameterError } from "../volatility/errors.js";
import { worstAdverseLogMoves } from "./adverseMoves.js";

const bar = (index: number, open: number, high: number, low: number, close: number): Kline => ({
  openTimeMs: index * 60_000,
  open,
  high,
  low,
  close,
  volume: 0,
});

/** The obvious O(n k) definition (windows truncated at the end), to check the deque version against. */
function naiveMoves(klines: readonly Kline[], windowBars: number) {
  const long: number[] = [];
  const short: number[] = [];
  for (let entry = 0; entry + 1 < klines.length; entry++) {
    const window = klines.slice(entry + 1, entry + 1 + windowBars);
    const close = klines[entry]?.close ?? Number.NaN;
    long.push(Math.max(0, Math.log(close / Math.min(...window.map((b) => b.low)))));
    short.push(Math.max(0, Math.log(Math.max(...window.map((b) => b.high)) / close)));
  }
  return { long, short };
}

describe("worstAdverseLogMoves", () => {
  it("measures the next bars' extremes against the entry close", () => {
    const klines = [bar(0, 100, 101, 99, 100), bar(1, 100, 103, 96, 101), bar(2, 101, 102, 90, 95)];
    const oneBar = worstAdverseLogMoves(klines, 1);
    expect(oneBar.long).toEqual([Math.log(100 / 96), Math.log(101 / 90)]);
    expect(oneBar.short).toEqual([Math.log(103 / 100), Math.log(102 / 101)]);
    const twoBars = worstAdverseLogMoves(klines, 2);
    expect(twoBars.long).toEqual([Math.log(100 / 90), Math.log(101 / 90)]); // the last window is truncated
    expect(twoBars.short).toEqual([Math.log(103 / 100), Math.log(102 / 101)]);
    expect(worstAdverseLogMoves(klines.slice(0, 1), 1)).toEqual({ long: [], short: [] });
  });

  it("never reports a negative loss (a gap in the position's favour)", () => {
    const klines = [bar(0, 100, 100, 100, 100), bar(1, 110, 111, 109, 110)];
    expect(worstAdverseLogMoves(klines, 1).long).toEqual([0]);
  });

  it("never lowers a sample when the window grows", () => {
    const klines = [
      bar(0, 100, 101, 99, 100),
      bar(1, 100, 103, 96, 101),
      bar(2, 101, 102, 90, 95),
      bar(3, 95, 99, 94, 98),
    ];
    const one = worstAdverseLogMoves(klines, 1);
    const three = worstAdverseLogMoves(klines, 3);
    for (const side of ["long", "short"] as const) {
      one[side].forEach((move, index) => {
        expect(three[side][index]).toBeGreaterThanOrEqual(move);
      });
    }
  });

  it("matches the naive definition on random series and windows", () => {
    const series = fc.array(
      fc.record({
        body: fc.double({ min: 1, max: 2, noNaN: true }),
        wick: fc.double({ min: 0, max: 0.5, noNaN: true }),
      }),
      { minLength: 2, maxLength: 80 },
    );
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 10 }), (steps, windowBars) => {
        const klines = steps.map((step, index) =>
          bar(index, step.body, step.body + step.wick, step.body - step.wick / 4, step.body),
        );
        expect(worstAdverseLogMoves(klines, windowBars)).toEqual(naiveMoves(klines, windowBars));
      }),
    );
  });

  it("rejects a window that is not a positive integer", () => {
    expect(() => worstAdverseLogMoves([], 0)).toThrow(InvalidParameterError);
    expect(() => worstAdverseLogMoves([], 1.5)).toThrow(InvalidParameterError);
  });
});
