import type { Kline } from "@bastion/risk";
import { describe, expect, it } from "vitest";
import type { PriceSource } from "./priceSource.js";
import { replaySource } from "./replaySource.js";

const start = 1_800_000_000;
const bars: Kline[] = [
  // closed down: open -> high -> low -> close
  { openTimeMs: 1_621_422_120_000, open: 2000, high: 2010, low: 1900, close: 1950, volume: 1 },
  // closed up: open -> low -> high -> close
  { openTimeMs: 1_621_422_180_000, open: 1950, high: 2100, low: 1940, close: 2090, volume: 1 },
];

/** The prices a source publishes for `seconds` consecutive seconds from `start`. */
function publish(source: PriceSource, seconds: number): number[] {
  const prices: number[] = [];
  let previous: number | undefined;
  for (let second = start; second < start + seconds; second++) {
    previous = source.priceAt(second, previous);
    prices.push(previous);
  }
  return prices;
}

describe("replaySource", () => {
  it("at 15x publishes every path point exactly, a quarter bar per second", () => {
    const prices = publish(replaySource({ klines: bars, speed: 15, loop: false, startSecond: start }), 10);
    expect(prices).toEqual([2000, 2010, 1900, 1950, 1950, 1940, 2100, 2090, 2090, 2090]);
  });

  it("at 60x keeps each second's most extreme point, so the low and the high are visited", () => {
    const prices = publish(replaySource({ klines: bars, speed: 60, loop: false, startSecond: start }), 4);
    expect(prices).toEqual([2000, 1900, 2100, 2090]);
  });

  it("at real speed interpolates between path points", () => {
    const prices = publish(replaySource({ klines: bars, speed: 1, loop: false, startSecond: start }), 31);
    expect(prices[0]).toBe(2000);
    expect(prices[5]).toBeCloseTo(2000 + (10 * 5) / 15, 9);
    expect(prices[15]).toBe(2010);
    expect(prices[30]).toBe(1900);
  });

  it("holds the last close after the end and reports it once", () => {
    let ends = 0;
    const source = replaySource({
      klines: bars,
      speed: 60,
      loop: false,
      startSecond: start,
      onEnd: () => {
        ends += 1;
      },
    });
    expect(publish(source, 20).slice(3)).toEqual(Array(17).fill(2090));
    expect(ends).toBe(1);
    expect(source.describe(start + 20)).toMatchObject({ ended: true, bars: 2 });
  });

  it("loops back to the first bar", () => {
    const prices = publish(replaySource({ klines: bars, speed: 60, loop: true, startSecond: start }), 7);
    // one cycle is 120 s of market time = 2 s: the pattern repeats, farthest-point choice included
    expect(prices).toEqual([2000, 1900, 2100, 1900, 2100, 1900, 2100]);
  });

  it("covers whole cycles per second at huge speeds with the series' extremes", () => {
    const prices = publish(replaySource({ klines: bars, speed: 100_000, loop: true, startSecond: start }), 3);
    expect(prices.slice(1).every((price) => price === 1900 || price === 2100)).toBe(true);
  });

  it("reports the market time it has reached", () => {
    const source = replaySource({ klines: bars, speed: 60, loop: false, startSecond: start });
    expect(source.describe(start + 1)).toMatchObject({
      marketTime: "2021-05-19T11:03:00.000Z",
      ended: false,
    });
  });
});
