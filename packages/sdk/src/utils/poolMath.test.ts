import { describe, expect, it } from "vitest";
import { ONE_SHARE, sharesForDepositUsd, usdForShares } from "./poolMath.js";
import { parseUsd } from "./usd.js";

describe("pool math (mirror of PoolMath)", () => {
  it("mints $1 shares in an empty pool and ignores a negative pool value", () => {
    expect(sharesForDepositUsd(parseUsd("100"), 0n, 0n)).toBe(100n * ONE_SHARE);
    expect(sharesForDepositUsd(parseUsd("100"), -parseUsd("5"), 0n)).toBe(100n * ONE_SHARE);
    expect(usdForShares(ONE_SHARE, 0n, 0n)).toBe(parseUsd("1"));
  });

  it("rounds against the LP: deposit then withdraw never returns more", () => {
    const value = parseUsd("1000003.7");
    const supply = 999_999n * ONE_SHARE + 123n;
    for (const deposit of [1n, 7n, parseUsd("0.01"), parseUsd("123.456"), parseUsd("1000000")]) {
      const shares = sharesForDepositUsd(deposit, value, supply);
      expect(usdForShares(shares, value + deposit, supply + shares)).toBeLessThanOrEqual(deposit);
    }
  });
});
