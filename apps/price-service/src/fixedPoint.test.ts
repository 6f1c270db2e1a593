import { describe, expect, it } from "vitest";
import { formatPythPrice, parseUsdDecimal, pythPriceToUsd, usdToPythPrice } from "./fixedPoint.js";

describe("fixed point at expo -8", () => {
  it("converts market-data numbers to the nearest 1e-8", () => {
    expect(usdToPythPrice(1567.52)).toBe(156_752_000_000n);
    expect(usdToPythPrice(0.1 + 0.2)).toBe(30_000_000n);
    expect(usdToPythPrice(101_516.5)).toBe(10_151_650_000_000n);
    expect(() => usdToPythPrice(Number.NaN)).toThrow(RangeError);
    expect(() => usdToPythPrice(1e12)).toThrow(/does not fit an int64/);
  });

  it("parses decimal text exactly and rejects what it cannot represent", () => {
    expect(parseUsdDecimal("1850.25")).toBe(185_025_000_000n);
    expect(parseUsdDecimal(" 0.00000001 ")).toBe(1n);
    expect(parseUsdDecimal("92233720368.54775807")).toBe(2n ** 63n - 1n);
    expect(() => parseUsdDecimal("92233720368.54775808")).toThrow(/int64/);
    for (const bad of ["1.123456789", "-1", "1e3", "", "abc", "1,5"]) {
      expect(() => parseUsdDecimal(bad), bad).toThrow(/not a decimal amount/);
    }
  });

  it("formats and displays", () => {
    expect(formatPythPrice(185_025_000_000n)).toBe("1850.25");
    expect(formatPythPrice(100_000_000n)).toBe("1");
    expect(formatPythPrice(-1n)).toBe("-0.00000001");
    expect(pythPriceToUsd(185_025_000_000n)).toBe(1850.25);
  });
});
