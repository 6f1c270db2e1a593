// @vitest-environment node
import { describe, expect, it } from "vitest";
import { formatDuration } from "./formatDuration";
import { FACTOR_ONE, formatFactor, ratioFactor } from "./formatFactor";
import { formatRatePerHour, formatRatePerYear } from "./formatRate";

describe("formatFactor", () => {
  it("prints 30-decimal factors as percentages", () => {
    expect(formatFactor(FACTOR_ONE)).toBe("100%");
    expect(formatFactor(125n * 10n ** 26n)).toBe("1.25%");
    expect(formatFactor(-(5n * 10n ** 27n))).toBe("-0.5%");
    expect(formatFactor(5n * 10n ** 27n, { sign: "always", minFractionDigits: 2 })).toBe("+0.50%");
    expect(formatFactor(1n)).toBe("<0.01%");
  });

  it("divides exactly and refuses zero denominators", () => {
    expect(ratioFactor(1n, 3n)).toBe(FACTOR_ONE / 3n);
    expect(ratioFactor(1n, 0n)).toBeUndefined();
  });
});

describe("rates", () => {
  it("scales per-second rates to an hour and a year", () => {
    // 10% a year, per second, as the contracts store it.
    const perSecond = (10n * 10n ** 28n) / (365n * 24n * 3600n);
    expect(formatRatePerYear(perSecond)).toBe("10% / year");
    expect(formatRatePerHour(perSecond)).toBe("0.0011% / hour");
  });
});

describe("formatDuration", () => {
  it("counts down in readable units", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(29.2)).toBe("30 s");
    expect(formatDuration(125)).toBe("2 min 05 s");
    expect(formatDuration(3720)).toBe("1 h 02 min");
    expect(formatDuration(-4)).toBe("0 s");
  });
});
