import { describe, expect, it } from "vitest";
import { fromUnitPrice, toUnitPrice } from "./unitPrice.js";

describe("toUnitPrice / fromUnitPrice", () => {
  it("converts USD per whole token into USD (30 decimals) per smallest unit, so amount x price is USD", () => {
    expect(toUnitPrice("3000", 18)).toBe(3_000n * 10n ** 12n);
    expect(toUnitPrice("60000", 8)).toBe(60_000n * 10n ** 22n);
    expect(toUnitPrice("1", 6)).toBe(10n ** 24n);
    expect(toUnitPrice("3000.123456789012", 18)).toBe(3_000_123_456_789_012n);
    // 2 WETH at 3000 = $6000
    expect(2n * 10n ** 18n * toUnitPrice("3000", 18)).toBe(6_000n * 10n ** 30n);
  });

  it("round-trips and refuses precision it cannot hold", () => {
    for (const [price, decimals] of [
      ["3000.5", 18],
      ["0.99991234", 6],
      ["61234.12345678", 8],
      ["0", 18],
    ] as const) {
      expect(fromUnitPrice(toUnitPrice(price, decimals), decimals)).toBe(price);
    }
    expect(() => toUnitPrice("3000.1234567890123", 18)).toThrow(/at most 12 can be represented/);
    expect(() => toUnitPrice("1", 31)).toThrow(/tokenDecimals/);
    expect(fromUnitPrice(toUnitPrice("1.2345", 6), 6, { decimals: 2 })).toBe("1.23");
  });
});
