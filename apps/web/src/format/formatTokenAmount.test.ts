// @vitest-environment node
import { parseUnits } from "viem";
import { describe, expect, it } from "vitest";
import { formatTokenAmount } from "./formatTokenAmount";

describe("formatTokenAmount", () => {
  it("formats by the token's decimals and trims trailing zeros", () => {
    expect(formatTokenAmount(parseUnits("1.5", 18), 18, { symbol: "WETH" })).toBe("1.5 WETH");
    expect(formatTokenAmount(parseUnits("1234567.25", 6), 6, { symbol: "USDC" })).toBe("1,234,567.25 USDC");
    expect(formatTokenAmount(parseUnits("0.12345678", 8), 8)).toBe("0.123457");
    expect(formatTokenAmount(0n, 18)).toBe("0");
  });

  it("keeps a minimum of fraction digits when asked", () => {
    expect(formatTokenAmount(parseUnits("2", 6), 6, { minFractionDigits: 2, symbol: "USDC" })).toBe(
      "2.00 USDC",
    );
  });

  it("shows dust as below the smallest shown digit, not as zero", () => {
    expect(formatTokenAmount(1n, 18, { symbol: "WETH" })).toBe("<0.000001 WETH");
    expect(formatTokenAmount(-1n, 18)).toBe("-<0.000001");
    expect(formatTokenAmount(1n, 0)).toBe("1");
  });

  it("is exact for amounts no number can hold", () => {
    const supply = 2n ** 255n;
    expect(formatTokenAmount(supply, 18, { maxFractionDigits: 0 })).toBe(
      "57,896,044,618,658,097,711,785,492,504,343,953,926,634,992,332,820,282,019,729",
    );
  });

  it("rejects impossible decimals", () => {
    expect(() => formatTokenAmount(1n, -1)).toThrow(RangeError);
    expect(() => formatTokenAmount(1n, 1.5)).toThrow(RangeError);
  });
});
