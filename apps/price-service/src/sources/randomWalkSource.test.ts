import { describe, expect, it } from "vitest";
import { randomWalkSource } from "./randomWalkSource.js";

function walk(seed: number, startSecond: number, steps: number, stream = "ETH"): number[] {
  const source = randomWalkSource({ seed, stream, startPriceUsd: 3000, speed: 60, startSecond });
  const prices: number[] = [];
  for (let step = 0; step < steps; step++) prices.push(source.priceAt(startSecond + step, prices.at(-1)));
  return prices;
}

describe("randomWalkSource", () => {
  it("starts at the start price and is the same path for the same seed, whenever it starts", () => {
    const first = walk(42, 1_800_000_000, 500);
    expect(first[0]).toBe(3000);
    expect(walk(42, 1_900_000_123, 500)).toEqual(first);
  });

  it("differs between seeds and between streams (feeds)", () => {
    const path = walk(42, 0, 50);
    expect(walk(43, 0, 50)).not.toEqual(path);
    expect(walk(42, 0, 50, "BTC")).not.toEqual(path);
  });

  it("catches up over skipped seconds deterministically", () => {
    const source = randomWalkSource({
      seed: 9,
      stream: "ETH",
      startPriceUsd: 3000,
      speed: 60,
      startSecond: 0,
    });
    expect(source.priceAt(0, undefined)).toBe(3000);
    expect(source.priceAt(99, 3000)).toBe(walk(9, 0, 100)[99]);
    expect(() => source.priceAt(98, 3000)).toThrow(RangeError);
  });

  it("moves with the configured volatility and jumps, and stays positive", () => {
    const variance = (prices: number[]) => {
      const returns = prices.slice(1).map((price, index) => Math.log(price / (prices[index] as number)));
      return returns.reduce((sum, value) => sum + value * value, 0) / returns.length;
    };
    const diffusionOnly = randomWalkSource({
      seed: 1,
      stream: "ETH",
      startPriceUsd: 3000,
      speed: 60,
      startSecond: 0,
      jumpsPerDay: 0,
    });
    const calm = Array.from({ length: 5_000 }, (_, second) => diffusionOnly.priceAt(second, undefined));
    // 80 % a year over 60 market seconds a step: 0.64 x 60 / 31,536,000 = 1.218e-6 (estimate within 2 %)
    expect(variance(calm) / 1.218e-6).toBeGreaterThan(0.9);
    expect(variance(calm) / 1.218e-6).toBeLessThan(1.1);
    // plus jumps of 2 % at 12 a day (probability 1/120 a step): + 0.0004 / 120 = 3.33e-6
    const jumpy = walk(1, 0, 5_000);
    expect(variance(jumpy)).toBeGreaterThan(3e-6);
    expect(variance(jumpy)).toBeLessThan(7e-6);
    expect(jumpy.every((price) => price > 0)).toBe(true);
  });
});
