import { describe, expect, it } from "vitest";
import { compileStaticEventDecoder } from "../indexer/static-event-decoder.js";
import { exchangeEventsAbi } from "./exchange-events-abi.js";

describe("exchangeEventsAbi", () => {
  it("holds the exchange's events, the pool token's Transfer and the oracle's price events", () => {
    const names = exchangeEventsAbi.map((event) => event.name);
    for (const name of [
      "PoolStateUpdated",
      "DepositExecuted",
      "WithdrawalExecuted",
      "PositionIncreased",
      "PositionDecreased",
      "FeesCollected",
      "ShortfallRecorded",
      "RequestCancelled",
      "Transfer",
      "PriceAccepted",
      "FeedConfigured",
    ]) {
      expect(names).toContain(name);
    }
    expect(names.some((name) => name.startsWith("Role"))).toBe(false);
  });

  it("decodes every event but RequestCancelled (dynamic bytes) on the fast static path", () => {
    const slow = exchangeEventsAbi
      .filter((event) => compileStaticEventDecoder(event) === null)
      .map((event) => event.name);
    expect(slow).toEqual(["RequestCancelled"]);
  });
});
