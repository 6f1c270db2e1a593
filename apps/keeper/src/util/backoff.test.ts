import { describe, expect, it } from "vitest";
import { backoffCeiling, backoffDelay } from "./backoff.js";

describe("backoffDelay", () => {
  const options = { baseMs: 100, maxMs: 5_000 };
  it("doubles up to the maximum", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => backoffCeiling(n, options))).toEqual([
      100, 200, 400, 800, 1600, 3200, 5000, 5000,
    ]);
  });
  it("draws the jitter inside [ceiling / 2, ceiling]", () => {
    expect(backoffDelay(4, { ...options, random: () => 0 })).toBe(400);
    expect(backoffDelay(4, { ...options, random: () => 0.999999 })).toBe(800);
    for (let i = 0; i < 100; i++) {
      const delay = backoffDelay(3, options);
      expect(delay).toBeGreaterThanOrEqual(200);
      expect(delay).toBeLessThanOrEqual(400);
    }
  });
  it("never returns less than 1 ms", () => {
    expect(backoffDelay(1, { baseMs: 0, maxMs: 0 })).toBe(1);
  });
});
