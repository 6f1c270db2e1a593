import { exchangeAbi } from "@bastion/contracts";
import { createPublicClient, http } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MULTICALL3_ADDRESS } from "./multicall3.js";
import { type Devchain, startDevchain } from "./startDevchain.js";

describe("Multicall3 on the local chain", () => {
  let devchain: Devchain;
  beforeAll(async () => {
    devchain = await startDevchain();
  });
  afterAll(async () => {
    await devchain?.stop();
  });

  it("sits at its canonical address and batches large reads through the chain definition", async () => {
    const client = createPublicClient({ chain: devchain.chain, transport: http(devchain.rpcUrl) });
    expect((await client.getCode({ address: MULTICALL3_ADDRESS }))?.length).toBeGreaterThan(1000);
    // 300 market reads return ~600 KB: far beyond what a deployless multicall can carry.
    const contracts = Array.from({ length: 300 }, () => ({
      address: devchain.deployment.exchange,
      abi: exchangeAbi,
      functionName: "getMarket" as const,
      args: [devchain.deployment.ethUsdMarket] as const,
    }));
    const results = await client.multicall({ contracts, allowFailure: false });
    expect(results).toHaveLength(300);
    expect(results[299]?.longToken).toBe(devchain.deployment.weth);
  });
});
