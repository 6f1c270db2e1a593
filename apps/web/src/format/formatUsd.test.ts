// @vitest-environment node
import { describe, expect, it } from "vitest";
import { formatUsd, ONE_USD } from "./formatUsd";

const cents = (value: bigint) => (value * ONE_USD) / 100n;

describe("formatUsd", () => {
  it("prints dollars and cents with grouping", () => {
    expect(formatUsd(0n)).toBe("$0.00");
    expect(formatUsd(cents(1234n))).toBe("$12.34");
    expect(formatUsd(cents(123456789n))).toBe("$1,234,567.89");
    expect(formatUsd(cents(-500n))).toBe("-$5.00");
  });

  it("rounds half away from zero at the last shown digit", () => {
    expect(formatUsd(ONE_USD / 200n)).toBe("$0.01"); // 0.005
    expect(formatUsd(ONE_USD / 200n - 1n)).toBe("<$0.01"); // just under 0.005
    expect(formatUsd(-(ONE_USD / 200n))).toBe("-$0.01");
    expect(formatUsd((ONE_USD * 2n) / 3n)).toBe("$0.67");
  });

  it("never shows a non-zero amount as zero", () => {
    expect(formatUsd(1n)).toBe("<$0.01");
    expect(formatUsd(-1n)).toBe("-<$0.01");
    expect(formatUsd(1n, { maxFractionDigits: 4 })).toBe("<$0.0001");
  });

  it("is exact far beyond Number.MAX_SAFE_INTEGER", () => {
    const huge = 123_456_789_012_345_678_901_234_567n * ONE_USD + cents(99n);
    expect(formatUsd(huge)).toBe("$123,456,789,012,345,678,901,234,567.99");
    // 1e30 + 1 wei of USD would be lost by Number(); here it only rounds at the cent.
    expect(formatUsd(ONE_USD + 1n, { maxFractionDigits: 30, minFractionDigits: 30 })).toBe(
      "$1.000000000000000000000000000001",
    );
  });

  it("trims fraction digits down to the minimum", () => {
    expect(formatUsd(cents(150n), { maxFractionDigits: 6 })).toBe("$1.50");
    expect(formatUsd(cents(150n), { maxFractionDigits: 6, minFractionDigits: 0 })).toBe("$1.5");
    expect(formatUsd(ONE_USD * 3n, { maxFractionDigits: 0 })).toBe("$3");
  });

  it("prints compact units without going through number", () => {
    expect(formatUsd(cents(99_999n), { compact: true })).toBe("$999.99");
    expect(formatUsd(ONE_USD * 1_234n, { compact: true })).toBe("$1.23K");
    expect(formatUsd(ONE_USD * 1_235_000n, { compact: true })).toBe("$1.24M");
    expect(formatUsd(ONE_USD * 999_995n, { compact: true })).toBe("$1M");
    expect(formatUsd(-ONE_USD * 2_500_000_000n, { compact: true })).toBe("-$2.5B");
    expect(formatUsd(ONE_USD * 10n ** 18n, { compact: true })).toBe("$1,000,000T");
  });

  it("can sign positive values (PnL)", () => {
    expect(formatUsd(cents(1050n), { sign: "always" })).toBe("+$10.50");
    expect(formatUsd(-cents(1050n), { sign: "always" })).toBe("-$10.50");
    expect(formatUsd(0n, { sign: "always" })).toBe("$0.00");
  });
});
