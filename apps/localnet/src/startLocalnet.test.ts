import { exchangeAbi } from "@bastion/contracts";
import { createPublicClient, http } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeLocalnet } from "./describeLocalnet.js";
import { type Localnet, startLocalnet } from "./startLocalnet.js";

describe("startLocalnet", () => {
  let localnet: Localnet;
  beforeAll(async () => {
    localnet = await startLocalnet({ chainPort: 0 });
  });
  afterAll(async () => {
    await localnet?.stop();
  });

  it("serves a chain with the exchange and both markets deployed", async () => {
    const client = createPublicClient({ transport: http(localnet.devchain.rpcUrl) });
    const markets = await client.readContract({
      address: localnet.devchain.deployment.exchange,
      abi: exchangeAbi,
      functionName: "getMarkets",
    });
    expect(markets).toEqual([
      localnet.devchain.deployment.ethUsdMarket,
      localnet.devchain.deployment.btcUsdMarket,
    ]);
  });

  it("describes where everything is", () => {
    const text = describeLocalnet(localnet);
    expect(text).toContain(localnet.devchain.rpcUrl);
    expect(text).toContain(localnet.devchain.deployment.exchange);
    expect(text).toContain("Ctrl-C");
  });
});
