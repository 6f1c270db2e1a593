import { FLOAT_ONE } from "@bastion/contracts";
import { describe, expect, it } from "vitest";
import { pythPriceToRange } from "./priceRange.js";
import { toUnitPrice } from "./unitPrice.js";

describe("pythPriceToRange (mirror of OracleMath.toPriceRange; checked against the oracle in getMarketPrices.test)", () => {
  it("spreads the price by k x confidence, rounded up, in USD per smallest unit", () => {
    expect(
      pythPriceToRange({
        price: 300_000_000_000n,
        conf: 30_000_000n,
        expo: -8,
        tokenDecimals: 18,
        confidenceMultiplier: FLOAT_ONE,
      }),
    ).toEqual({ min: toUnitPrice("2999.7", 18), max: toUnitPrice("3000.3", 18) });
    // k = 1.5, conf 3 -> spread ceil(4.5) = 5
    expect(
      pythPriceToRange({
        price: 100n,
        conf: 3n,
        expo: -8,
        tokenDecimals: 6,
        confidenceMultiplier: (3n * FLOAT_ONE) / 2n,
      }),
    ).toEqual({ min: 95n * 10n ** 16n, max: 105n * 10n ** 16n });
  });

  it("rejects what the oracle rejects", () => {
    const base = { expo: -8, tokenDecimals: 18, confidenceMultiplier: FLOAT_ONE };
    expect(() => pythPriceToRange({ ...base, price: 0n, conf: 0n })).toThrow(/positive/);
    expect(() =>
      pythPriceToRange({ ...base, price: 100n, conf: 3n, maxConfidenceFactor: FLOAT_ONE / 50n }),
    ).toThrow(/wider/);
    expect(() => pythPriceToRange({ ...base, price: 100n, conf: 100n })).toThrow(/not below/);
    expect(() => pythPriceToRange({ ...base, expo: -20, price: 1n, conf: 0n })).toThrow(/exponent/);
  });
});
