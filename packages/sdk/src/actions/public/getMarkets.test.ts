import { FLOAT_ONE } from "@bastion/contracts";
import { createPublicClient, http, parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  seedEthPool,
  seedLiquidity,
  startTestChain,
  type TestChain,
  userAt,
} from "../../../test/fixtures.js";
import { getMarkets } from "./getMarkets.js";

describe("getMarkets", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
    await seedEthPool(chain, userAt(chain, 0));
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("reads every market with tokens, config and state through the chain's Multicall3", async () => {
    expect(chain.publicClient.chain.contracts?.multicall3).toBeDefined();
    const markets = await getMarkets(chain.publicClient, { exchange: chain.exchange });
    expect(markets.map((m) => m.address)).toEqual([
      chain.deployment.ethUsdMarket,
      chain.deployment.btcUsdMarket,
    ]);
    const [eth, btc] = markets;
    expect(eth?.indexToken).toEqual({ address: chain.deployment.weth, symbol: "WETH", decimals: 18 });
    expect(eth?.longToken).toEqual({ address: chain.deployment.weth, symbol: "WETH", decimals: 18 });
    expect(eth?.shortToken).toEqual({ address: chain.deployment.usdc, symbol: "USDC", decimals: 6 });
    expect(btc?.indexToken).toEqual({ address: chain.deployment.wbtc, symbol: "WBTC", decimals: 8 });
    expect(eth?.poolToken.decimals).toBe(18);
    expect(eth?.poolToken.symbol).toMatch(/\S/);
    expect(eth?.balances.longAmount).toBe(parseEther("100"));
    expect(eth?.balances.shortAmount).toBe(300_000_000_000n);
    expect(eth?.totalSupply).toBeGreaterThan(0n);
    expect(btc?.totalSupply).toBe(0n);
    expect(eth?.paused).toBe(false);
    expect(eth?.maintenanceMarginFactor).toBe(FLOAT_ONE / 100n);
    expect(eth?.config.risk.minCollateralFactor).toBe((2n * FLOAT_ONE) / 100n);
    expect(eth?.openInterest).toEqual({ longUsd: 0n, shortUsd: 0n, longTokens: 0n, shortTokens: 0n });
    expect(eth?.ledger.shortfallCount).toBe(0n);
  });

  it("falls back to a deployless multicall on a chain without Multicall3", async () => {
    const { contracts: _contracts, ...chainWithoutMulticall } = chain.publicClient.chain;
    const client = createPublicClient({
      chain: chainWithoutMulticall,
      transport: http(chain.devchain.rpcUrl),
    });
    const markets = await getMarkets(client, { exchange: chain.exchange });
    expect(markets.map((m) => m.address)).toEqual([
      chain.deployment.ethUsdMarket,
      chain.deployment.btcUsdMarket,
    ]);
    expect(markets[0]?.balances.longAmount).toBe(parseEther("100"));
  });

  it("reads at a given block", async () => {
    const blockNumber = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
    await seedLiquidity(chain, userAt(chain, 1), {
      market: chain.deployment.btcUsdMarket,
      longToken: chain.deployment.wbtc,
      shortToken: chain.deployment.usdc,
      longAmount: 100_000_000n,
      shortAmount: 60_000_000_000n,
    });
    const then = await getMarkets(chain.publicClient, { exchange: chain.exchange, blockNumber });
    const now = await getMarkets(chain.publicClient, { exchange: chain.exchange });
    expect(then[1]?.totalSupply).toBe(0n);
    expect(now[1]?.totalSupply).toBeGreaterThan(0n);
    expect(now[1]?.balances.longAmount).toBe(100_000_000n);
  });
});
