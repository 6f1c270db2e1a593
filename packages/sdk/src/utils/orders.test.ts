import { describe, expect, it } from "vitest";
import {
  acceptablePrice,
  acceptablePriceIsMax,
  limitIncreaseOrder,
  marketDecreaseOrder,
  marketIncreaseOrder,
  stopLossOrder,
  takeProfitOrder,
} from "./orders.js";
import { toUnitPrice } from "./unitPrice.js";
import { parseUsd } from "./usd.js";

const market = "0x8dAF17A20c9DBA35f005b6324F493785D239719d";
const usdc = "0x8A791620dd6260079BF849Dc5567aDC3F2FdC318";
const base = { market, collateralToken: usdc, sizeDeltaUsd: parseUsd("1000"), slippageBps: 100 } as const;
const p3000 = toUnitPrice("3000", 18);

describe("order helpers", () => {
  it("bound the price from above when the order buys the index token (long increase, short decrease)", () => {
    expect(acceptablePriceIsMax("MarketIncrease", true)).toBe(true);
    expect(acceptablePriceIsMax("MarketDecrease", false)).toBe(true);
    expect(acceptablePriceIsMax("MarketDecrease", true)).toBe(false);
    expect(acceptablePriceIsMax("LimitIncrease", false)).toBe(false);
    expect(
      acceptablePrice({ orderType: "MarketIncrease", isLong: true, price: p3000, slippageBps: 100 }),
    ).toBe(toUnitPrice("3030", 18));
    expect(
      acceptablePrice({ orderType: "StopLossDecrease", isLong: true, price: p3000, slippageBps: 100 }),
    ).toBe(toUnitPrice("2970", 18));
  });

  it("build every order type with its trigger and acceptable price", () => {
    expect(marketIncreaseOrder({ ...base, isLong: false, collateralAmount: 5n, indexPrice: p3000 })).toEqual({
      market,
      collateralToken: usdc,
      isLong: false,
      orderType: "MarketIncrease",
      sizeDeltaUsd: parseUsd("1000"),
      collateralDeltaAmount: 5n,
      triggerPrice: 0n,
      acceptablePrice: toUnitPrice("2970", 18),
    });
    expect(marketDecreaseOrder({ ...base, isLong: false, indexPrice: p3000 })).toMatchObject({
      orderType: "MarketDecrease",
      collateralDeltaAmount: 0n,
      acceptablePrice: toUnitPrice("3030", 18),
    });
    expect(
      limitIncreaseOrder({ ...base, isLong: true, collateralAmount: 1n, triggerPrice: p3000 }),
    ).toMatchObject({
      orderType: "LimitIncrease",
      triggerPrice: p3000,
      acceptablePrice: toUnitPrice("3030", 18),
    });
    expect(takeProfitOrder({ ...base, isLong: true, triggerPrice: p3000 })).toMatchObject({
      orderType: "LimitDecrease",
      triggerPrice: p3000,
      acceptablePrice: toUnitPrice("2970", 18),
    });
    expect(stopLossOrder({ ...base, isLong: false, triggerPrice: p3000 })).toMatchObject({
      orderType: "StopLossDecrease",
      acceptablePrice: toUnitPrice("3030", 18),
    });
    expect(() =>
      marketIncreaseOrder({ ...base, isLong: true, collateralAmount: 1n, indexPrice: 0n }),
    ).toThrow(/indexPrice: must be positive/);
  });
});
