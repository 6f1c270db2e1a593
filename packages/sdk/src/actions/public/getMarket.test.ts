import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestChain, type TestChain } from "../../../test/fixtures.js";
import { UnknownMarketError } from "../../errors/errors.js";
import { getMarket } from "./getMarket.js";

describe("getMarket", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("reads one market", async () => {
    const market = await getMarket(chain.publicClient, {
      exchange: chain.exchange,
      market: chain.deployment.btcUsdMarket,
    });
    expect(market.address).toBe(chain.deployment.btcUsdMarket);
    expect(market.longToken.symbol).toBe("WBTC");
    expect(market.shortToken.decimals).toBe(6);
  });

  it("throws UnknownMarketError for an address that is not a market", async () => {
    await expect(
      getMarket(chain.publicClient, { exchange: chain.exchange, market: chain.deployment.usdc }),
    ).rejects.toThrow(UnknownMarketError);
  });
});
