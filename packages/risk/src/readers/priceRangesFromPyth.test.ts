import { describe, expect, it } from "vitest";
import { isMirrorRevert } from "../mirror/errors.js";
import { priceRangesFromPyth } from "./priceRangesFromPyth.js";
import type { MarketFeeds } from "./readOracle.js";

const ETH = "0xff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace" as const;
const USDC = "0xeaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a" as const;
const feeds: MarketFeeds = {
  index: { feedId: ETH, expo: -8, tokenDecimals: 18 },
  long: { feedId: ETH, expo: -8, tokenDecimals: 18 },
  short: { feedId: USDC, expo: -8, tokenDecimals: 6 },
};
const settings = {
  confidenceMultiplier: 10n ** 30n,
  maxConfidenceFactor: 2n * 10n ** 28n,
  maxFutureSkew: 10n,
  maxDeviationFactor: 10n ** 29n,
};
const parsed = [
  // As Hermes returns them: ids without 0x, decimal strings.
  { id: ETH.slice(2), price: { price: "300012345678", conf: "150000000", expo: -8, publish_time: 1_000 } },
  { id: USDC.slice(2), price: { price: "99990000", conf: "10000", expo: -8, publish_time: 1_000 } },
];

function revertName(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (isMirrorRevert(error)) return error.errorName;
    throw error;
  }
  return undefined;
}

describe("priceRangesFromPyth", () => {
  it("turns a Hermes update into the oracle's min/max prices per smallest token unit", () => {
    const prices = priceRangesFromPyth(parsed, feeds, settings, { timestamp: 1_000n });
    // ETH: (mantissa -/+ conf) x 10^(30 - 8 - 18)
    expect(prices.index).toEqual({
      min: (300012345678n - 150000000n) * 10n ** 4n,
      max: (300012345678n + 150000000n) * 10n ** 4n,
    });
    expect(prices.long).toEqual(prices.index);
    // USDC: x 10^(30 - 8 - 6)
    expect(prices.short).toEqual({
      min: (99990000n - 10000n) * 10n ** 16n,
      max: (99990000n + 10000n) * 10n ** 16n,
    });
  });

  it("takes the first price of a feed inside the publish window", () => {
    const later = [
      { id: ETH, price: { price: 310000000000n, conf: 0n, expo: -8, publish_time: 2_000n } },
      { id: ETH, price: { price: 320000000000n, conf: 0n, expo: -8, publish_time: 2_001n } },
      { id: USDC, price: { price: 100000000n, conf: 0n, expo: -8, publish_time: 2_000n } },
    ];
    const prices = priceRangesFromPyth([...parsed, ...later], feeds, settings, { minPublishTime: 1_500n });
    expect(prices.index.min).toBe(310000000000n * 10n ** 4n);
    expect(prices.short.min).toBe(100000000n * 10n ** 16n);
  });

  it("rejects what the chain rejects", () => {
    expect(revertName(() => priceRangesFromPyth(parsed.slice(0, 1), feeds, settings))).toBe(
      "PriceFeedNotFoundWithinRange",
    );
    // Published after now + maxFutureSkew: outside the window the oracle asks Pyth for.
    expect(revertName(() => priceRangesFromPyth(parsed, feeds, settings, { timestamp: 989n }))).toBe(
      "PriceFeedNotFoundWithinRange",
    );
    expect(
      revertName(() => priceRangesFromPyth(parsed, feeds, settings, { timestamp: 990n })),
    ).toBeUndefined();
    expect(
      revertName(() =>
        priceRangesFromPyth(parsed, feeds, settings, { minPublishTime: 2n, maxPublishTime: 1n }),
      ),
    ).toBe("InvalidPublishWindow");
    const wide = [
      { ...parsed[0], id: ETH, price: { price: "100", conf: "3", expo: -8, publish_time: 1_000 } },
      parsed[1],
    ];
    expect(
      revertName(() =>
        priceRangesFromPyth(
          wide.filter((p) => p !== undefined),
          feeds,
          settings,
        ),
      ),
    ).toBe("ConfidenceTooWide");
    const wrongExpo = [
      { id: ETH, price: { price: "100", conf: "0", expo: -6, publish_time: 1_000 } },
      parsed[1],
    ];
    expect(
      revertName(() =>
        priceRangesFromPyth(
          wrongExpo.filter((p) => p !== undefined),
          feeds,
          settings,
        ),
      ),
    ).toBe("UnexpectedExponent");
  });
});
