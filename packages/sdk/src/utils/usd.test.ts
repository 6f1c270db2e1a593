import { describe, expect, it } from "vitest";
import { InvalidParameterError } from "../errors/errors.js";
import { formatUsd, parseUsd } from "./usd.js";

describe("parseUsd / formatUsd", () => {
  it("parses exactly, with 30 decimals", () => {
    expect(parseUsd("1234.56")).toBe(1_234_560_000_000_000_000_000_000_000_000_000n);
    expect(parseUsd("0.000000000000000000000000000001")).toBe(1n);
    expect(parseUsd("-5")).toBe(-5n * 10n ** 30n);
    expect(parseUsd(" 7.50 ")).toBe(75n * 10n ** 29n);
    expect(parseUsd("123456789012345678901234567890.1")).toBe(1234567890123456789012345678901n * 10n ** 29n);
  });

  it("rejects what it cannot represent", () => {
    expect(() => parseUsd("1e3")).toThrow(InvalidParameterError);
    expect(() => parseUsd("")).toThrow(/not a decimal number/);
    expect(() => parseUsd("1,5")).toThrow(/not a decimal number/);
    expect(() => parseUsd("0.0000000000000000000000000000001")).toThrow(/at most 30 can be represented/);
  });

  it("formats exactly or rounded half away from zero", () => {
    expect(formatUsd(parseUsd("1234.56"))).toBe("1234.56");
    expect(formatUsd(0n)).toBe("0");
    expect(formatUsd(-parseUsd("0.5"))).toBe("-0.5");
    expect(formatUsd(1n)).toBe("0.000000000000000000000000000001");
    expect(formatUsd(parseUsd("2.345"), { decimals: 2 })).toBe("2.35");
    expect(formatUsd(parseUsd("-2.345"), { decimals: 2 })).toBe("-2.35");
    expect(formatUsd(parseUsd("2.344"), { decimals: 2 })).toBe("2.34");
    expect(formatUsd(parseUsd("0.004"), { decimals: 2 })).toBe("0");
    expect(formatUsd(parseUsd("-0.004"), { decimals: 2 })).toBe("0");
    expect(formatUsd(parseUsd("9.999"), { decimals: 0 })).toBe("10");
  });
});
