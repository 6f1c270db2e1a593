import { ORDER_TYPE } from "@bastion/contracts";
import { describe, expect, it } from "vitest";
import type { PriceSnapshot } from "../prices/priceFeed.js";
import { type DecisionContext, decide } from "./decide.js";
import type { TrackedRequest } from "./trackedRequest.js";

const snapshot = (publishTime: number): PriceSnapshot => ({
  updateData: ["0x01"],
  prices: [],
  publishTime,
  receivedAtMs: 0,
});
const request = (overrides: Partial<TrackedRequest>): TrackedRequest => ({
  kind: "deposit",
  id: 1n,
  account: "0x0000000000000000000000000000000000000001",
  market: "0x0000000000000000000000000000000000000002",
  createdAt: 1_000,
  expires: true,
  order: undefined,
  seenAtBlock: 1n,
  firstSeenMs: 0,
  attempts: 0,
  nextAttemptAtMs: 0,
  running: false,
  triggerCheckedAt: undefined,
  dueSinceMs: undefined,
  stuckReported: false,
  dryRunDecision: undefined,
  lastError: undefined,
  ...overrides,
});
const context = (overrides: Partial<DecisionContext>): DecisionContext => ({
  chainTime: 1_001,
  requestExpiry: 60,
  maxPriceAge: 30,
  latest: snapshot(1_001),
  indexRange: () => ({ min: 2_999n, max: 3_001n }),
  ...overrides,
});

describe("decide", () => {
  it("executes a market request with an update published at or after its creation", () => {
    expect(decide(request({}), context({ latest: snapshot(1_000) })).action).toBe("execute");
    expect(decide(request({}), context({ latest: snapshot(999) }))).toEqual({
      action: "wait-price",
      minPublishTime: 1_000,
    });
    expect(decide(request({}), context({ latest: undefined }))).toEqual({
      action: "wait-price",
      minPublishTime: 1_000,
    });
  });
  it("cancels a market request once the chain is past createdAt + requestExpiry", () => {
    expect(decide(request({}), context({ chainTime: 1_060 })).action).toBe("execute");
    expect(decide(request({}), context({ chainTime: 1_061 }))).toEqual({
      action: "cancel",
      expiredAt: 1_060,
    });
  });
  it("fetches the update at the creation time when the latest is past the window", () => {
    expect(decide(request({}), context({ chainTime: 1_050, latest: snapshot(1_070) }))).toEqual({
      action: "execute-at",
      publishTime: 1_000,
    });
  });
  it("executes a trigger order only when the mirror says the trigger is reached, with a fresh update", () => {
    const limitLong = request({
      kind: "order",
      expires: false,
      order: { orderType: ORDER_TYPE.LimitIncrease, isLong: true, triggerPrice: 2_900n },
    });
    expect(decide(limitLong, context({}))).toMatchObject({ action: "wait-trigger", price: 3_001n });
    expect(decide(limitLong, context({ indexRange: () => ({ min: 2_898n, max: 2_900n }) })).action).toBe(
      "execute",
    );
    // Never expires; needs an update younger than maxPriceAge (with 2 s of slack).
    expect(decide(limitLong, context({ chainTime: 5_000, latest: snapshot(4_971) }))).toEqual({
      action: "wait-price",
      minPublishTime: 4_972,
    });
    const stopLong = request({
      kind: "order",
      expires: false,
      order: { orderType: ORDER_TYPE.StopLossDecrease, isLong: true, triggerPrice: 2_800n },
    });
    expect(decide(stopLong, context({})).action).toBe("wait-trigger");
    expect(decide(stopLong, context({ indexRange: () => ({ min: 2_799n, max: 2_801n }) })).action).toBe(
      "execute",
    );
  });
});
