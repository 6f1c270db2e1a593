import { exchangeAbi } from "@bastion/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedEthPool, startTestChain, type TestChain, userAt } from "../../../test/fixtures.js";
import { openEthPosition } from "../../../test/positions.js";
import { InvalidParameterError } from "../../errors/errors.js";
import { getMarketPositions } from "./getMarketPositions.js";

describe("getMarketPositions", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
    await seedEthPool(chain, userAt(chain, 0));
    for (const index of [1, 2, 3]) {
      await openEthPosition(chain, userAt(chain, index), { isLong: true });
      await openEthPosition(chain, userAt(chain, index), { isLong: false });
    }
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("pages the keys and returns every position in key order", async () => {
    const market = chain.deployment.ethUsdMarket;
    const keys = await chain.publicClient.readContract({
      address: chain.exchange,
      abi: exchangeAbi,
      functionName: "getPositionKeys",
      args: [market, 0n, 100n],
    });
    expect(keys).toHaveLength(6);
    for (const pageSize of [1, 4, 6, 100]) {
      const positions = await getMarketPositions(chain.publicClient, {
        exchange: chain.exchange,
        market,
        pageSize,
      });
      expect(positions.map((p) => p.key)).toEqual(keys);
    }
    expect(
      await getMarketPositions(chain.publicClient, {
        exchange: chain.exchange,
        market: chain.deployment.btcUsdMarket,
      }),
    ).toEqual([]);
    await expect(
      getMarketPositions(chain.publicClient, { exchange: chain.exchange, market, pageSize: 0 }),
    ).rejects.toThrow(InvalidParameterError);
  });
});
