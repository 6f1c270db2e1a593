import { describe, expect, it } from "vitest";
import { floorDiv, LP_CATEGORIES, POOL_CATEGORIES } from "./categories.js";

describe("categories", () => {
  it("lists the LP categories as the pool's plus liquidity fees and rounding", () => {
    expect(LP_CATEGORIES).toEqual([...POOL_CATEGORIES, "liquidityFees", "rounding"]);
  });

  it.each([
    [7n, 2n, 3n],
    [-7n, 2n, -4n],
    [7n, -2n, -4n],
    [-7n, -2n, 3n],
    [-6n, 2n, -3n],
    [0n, -5n, 0n],
  ])("floorDiv(%s, %s) = %s", (a, b, expected) => {
    expect(floorDiv(a, b)).toBe(expected);
  });
});
