import { erc20Abi } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  localPythPrices,
  PRICES,
  seedEthPool,
  startTestChain,
  type TestChain,
  userAt,
} from "../../../test/fixtures.js";
import { openEthPosition } from "../../../test/positions.js";
import { getMarket } from "./getMarket.js";
import { getMarketPrices } from "./getMarketPrices.js";
import { getSolvency } from "./getSolvency.js";

describe("getSolvency", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
    await seedEthPool(chain, userAt(chain, 0));
    await openEthPosition(chain, userAt(chain, 1), { sizeUsd: "20000", collateralUsdc: 2_000n });
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("values the vault's real balances against what the pool owes", async () => {
    const { exchange } = chain;
    const market = chain.deployment.ethUsdMarket;
    const prices = await getMarketPrices(chain.publicClient, {
      exchange,
      market,
      prices: localPythPrices(PRICES, 1),
    });
    const solvency = await getSolvency(chain.publicClient, { exchange, market, prices });
    const balance = (token: `0x${string}`) =>
      chain.publicClient.readContract({
        address: token,
        abi: erc20Abi,
        functionName: "balanceOf",
        args: [market],
      });
    expect(solvency.assetsUsd).toBe(
      (await balance(chain.deployment.weth)) * prices.long.min +
        (await balance(chain.deployment.usdc)) * prices.short.min,
    );
    const { balances } = await getMarket(chain.publicClient, { exchange, market });
    expect(solvency.traderCollateralUsd).toBe(balances.collateralShortTokenAmount * prices.short.min);
    expect(solvency.surplusUsd).toBe(solvency.assetsUsd - solvency.liabilitiesUsd);
    expect(solvency.surplusUsd).toBeGreaterThan(0n);
    expect(solvency.lpValueUsd).toBeGreaterThan(0n);
  });
});
