import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestChain, type TestChain } from "../../../test/fixtures.js";
import { getSettings } from "./getSettings.js";

describe("getSettings", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("reads the deployed exchange-wide settings", async () => {
    expect(await getSettings(chain.publicClient, { exchange: chain.exchange })).toMatchInlineSnapshot(`
      {
        "cancelDelay": 30n,
        "maxPriceAge": 30n,
        "minExecutionFee": 100000000000000n,
        "minExecutionGas": 800000n,
        "requestExpiry": 60n,
      }
    `);
  });
});
