// @vitest-environment node
import { describe, expect, it } from "vitest";
import { parseDecimal } from "./parseDecimal";

describe("parseDecimal", () => {
  it("parses exactly into fixed point", () => {
    expect(parseDecimal("1.5", 6)).toEqual({ ok: true, value: 1_500_000n });
    expect(parseDecimal("0.000001", 6)).toEqual({ ok: true, value: 1n });
    expect(parseDecimal(".5", 2)).toEqual({ ok: true, value: 50n });
    expect(parseDecimal("12.", 2)).toEqual({ ok: true, value: 1_200n });
    expect(parseDecimal("1,234.50", 2)).toEqual({ ok: true, value: 123_450n });
    expect(parseDecimal("123456789012345678901234567890", 18)).toEqual({
      ok: true,
      value: 123456789012345678901234567890n * 10n ** 18n,
    });
  });

  it("explains what is wrong with the text", () => {
    expect(parseDecimal("", 6)).toMatchObject({ ok: false, reason: "empty", message: "Enter an amount." });
    expect(parseDecimal("abc", 6)).toMatchObject({ ok: false, reason: "invalid" });
    expect(parseDecimal("-1", 6)).toMatchObject({ ok: false, reason: "invalid" });
    expect(parseDecimal("1.1234567", 6)).toMatchObject({
      ok: false,
      reason: "too-precise",
      message: "Use at most 6 decimal places.",
    });
    expect(parseDecimal("1.10", 1)).toEqual({ ok: true, value: 11n });
  });
});
