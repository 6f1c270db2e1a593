import { exchangeAbi } from "@bastion/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestChain, type TestChain } from "../../test/fixtures.js";
import { getPositionKey } from "./positionKey.js";

describe("getPositionKey", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("equals the contract's positionKey for every market, collateral token and side", async () => {
    const { deployment } = chain;
    const account = chain.devchain.accounts.users[0]?.address ?? deployment.exchange;
    for (const [market, longToken] of [
      [deployment.ethUsdMarket, deployment.weth],
      [deployment.btcUsdMarket, deployment.wbtc],
    ] as const) {
      for (const collateralToken of [longToken, deployment.usdc]) {
        for (const isLong of [true, false]) {
          const onChain = await chain.publicClient.readContract({
            address: deployment.exchange,
            abi: exchangeAbi,
            functionName: "positionKey",
            args: [account, market, collateralToken, isLong],
          });
          expect(getPositionKey({ account, market, collateralToken, isLong })).toBe(onChain);
        }
      }
    }
  });
});
