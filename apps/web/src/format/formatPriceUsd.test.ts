// @vitest-environment node
import { describe, expect, it } from "vitest";
import { formatPriceUsd, formatTokenPriceUsd, pricePerWholeTokenE30 } from "./formatPriceUsd";
import { ONE_USD } from "./formatUsd";

describe("formatPriceUsd", () => {
  it("shows more digits for cheaper assets", () => {
    expect(formatPriceUsd((ONE_USD * 9_725_050n) / 100n)).toBe("$97,250.50");
    expect(formatPriceUsd((ONE_USD * 10_003n) / 10_000n)).toBe("$1.0003");
    expect(formatPriceUsd((ONE_USD * 1_234n) / 100_000_000n)).toBe("$0.00001234");
    expect(formatPriceUsd(ONE_USD * 3_000n)).toBe("$3,000.00");
  });
});

describe("formatTokenPriceUsd", () => {
  it("scales a per-smallest-unit on-chain price to a whole token", () => {
    // $3,012.45 per ETH is 3012.45e30 / 1e18 per wei.
    expect(formatTokenPriceUsd(301_245n * 10n ** 10n, 18)).toBe("$3,012.45");
    // $97,250.50 per BTC with 8 decimals.
    expect(formatTokenPriceUsd(9_725_050n * 10n ** 20n, 8)).toBe("$97,250.50");
    expect(pricePerWholeTokenE30(1n, 6)).toBe(1_000_000n);
  });
});
