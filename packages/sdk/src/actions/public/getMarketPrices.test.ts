import { pythOracleAbi } from "@bastion/contracts";
import { parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  latestTimestamp,
  localPythPrices,
  priceUpdate,
  seedEthPool,
  startTestChain,
  type TestChain,
  userAt,
} from "../../../test/fixtures.js";
import { InvalidParameterError } from "../../errors/errors.js";
import { toUnitPrice } from "../../utils/unitPrice.js";
import { getMarketPrices } from "./getMarketPrices.js";

describe("getMarketPrices", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("turns Pyth prices into exactly the ranges the oracle verifies", async () => {
    const { deployment } = chain;
    const time = await latestTimestamp(chain);
    const prices = { "ETH/USD": "3123.45678901", "BTC/USD": "61234.5", "USDC/USD": "0.9998" } as const;
    for (const [market, index, long] of [
      [deployment.ethUsdMarket, deployment.weth, deployment.weth],
      [deployment.btcUsdMarket, deployment.wbtc, deployment.wbtc],
    ] as const) {
      const ours = await getMarketPrices(chain.publicClient, {
        exchange: chain.exchange,
        market,
        prices: localPythPrices(prices, time),
      });
      const { result } = await chain.publicClient.simulateContract({
        address: deployment.oracle,
        abi: pythOracleAbi,
        functionName: "verifyMarketPrices",
        args: [
          index,
          long,
          deployment.usdc,
          await priceUpdate(chain, prices, time),
          BigInt(time),
          BigInt(time),
          false,
        ],
        account: deployment.exchange,
        value: 3n,
        stateOverride: [{ address: deployment.exchange, balance: parseEther("1") }],
      });
      expect(ours).toEqual(result[0]);
    }
  });

  it("uses the oracle's last accepted mid prices when no prices are given", async () => {
    const request = getMarketPrices(chain.publicClient, {
      exchange: chain.exchange,
      market: chain.deployment.ethUsdMarket,
    });
    await expect(request).rejects.toThrow(/has accepted no price/);
    await seedEthPool(chain, userAt(chain, 0));
    const mid = await getMarketPrices(chain.publicClient, {
      exchange: chain.exchange,
      market: chain.deployment.ethUsdMarket,
    });
    expect(mid.index).toEqual({ min: toUnitPrice("3000", 18), max: toUnitPrice("3000", 18) });
    expect(mid.short).toEqual({ min: toUnitPrice("1", 6), max: toUnitPrice("1", 6) });
  });

  it("reports a missing feed", async () => {
    const prices = localPythPrices({ "ETH/USD": "3000" }, 1).filter((p) => !p.feedId.startsWith("0xeaa0"));
    await expect(
      getMarketPrices(chain.publicClient, {
        exchange: chain.exchange,
        market: chain.deployment.ethUsdMarket,
        prices,
      }),
    ).rejects.toThrow(InvalidParameterError);
  });
});
