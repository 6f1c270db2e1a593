import { describe, expect, it } from "vitest";
import { InvalidParameterError } from "../errors/errors.js";
import { applySlippage } from "./slippage.js";

describe("applySlippage", () => {
  it("widens the bound by bps, rounding away from the price", () => {
    expect(applySlippage(3000n, 50, "up")).toBe(3015n);
    expect(applySlippage(3000n, 50, "down")).toBe(2985n);
    expect(applySlippage(1001n, 1, "up")).toBe(1002n); // 1001.1001 rounded up
    expect(applySlippage(1001n, 1, "down")).toBe(1000n); // 1000.8999 rounded down
    expect(applySlippage(3000n, 0n, "up")).toBe(3000n);
    expect(applySlippage(3000n, 10_000, "down")).toBe(0n);
  });

  it("rejects fractional, negative or excessive bps", () => {
    expect(() => applySlippage(1n, 0.5, "up")).toThrow(InvalidParameterError);
    expect(() => applySlippage(1n, -1, "up")).toThrow(/\[0, 10000\]/);
    expect(() => applySlippage(1n, 10_001, "down")).toThrow(/\[0, 10000\]/);
    expect(() => applySlippage(-1n, 1, "down")).toThrow(/negative/);
  });
});
