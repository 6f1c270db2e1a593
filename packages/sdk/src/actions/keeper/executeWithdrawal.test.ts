import { poolTokenAbi } from "@bastion/contracts";
import { erc20Abi, parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PRICES,
  priceUpdate,
  seedEthPool,
  startTestChain,
  type TestChain,
  userAt,
} from "../../../test/fixtures.js";
import { getSharePrice } from "../public/getSharePrice.js";
import { createWithdrawal } from "../wallet/createWithdrawal.js";
import { executeWithdrawal } from "./executeWithdrawal.js";

describe("executeWithdrawal", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
    await seedEthPool(chain, userAt(chain, 0));
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("pays out both pool tokens (`executed`) at the withdrawal share price less the fee", async () => {
    const lp = userAt(chain, 0);
    const market = chain.deployment.ethUsdMarket;
    const shares = parseEther("1000");
    const { requestId } = await createWithdrawal(lp, { exchange: chain.exchange, market, shares });
    const update = await priceUpdate(chain, PRICES);
    const before = await chain.publicClient.readContract({
      address: chain.deployment.usdc,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [lp.account.address],
    });
    const { outcome, receipt } = await executeWithdrawal(chain.keeper, {
      exchange: chain.exchange,
      id: requestId,
      priceUpdate: update,
    });
    expect(outcome).toEqual({ status: "executed" });
    const after = await chain.publicClient.readContract({
      address: chain.deployment.usdc,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [lp.account.address],
    });
    expect(after).toBeGreaterThan(before);
    // The escrowed shares were burned.
    expect(
      await chain.publicClient.readContract({
        address: market,
        abi: poolTokenAbi,
        functionName: "balanceOf",
        args: [market],
      }),
    ).toBe(0n);
    expect(receipt.status).toBe("success");
  });

  it("reports `cancelled` with MinTokensNotMet and returns the shares", async () => {
    const lp = userAt(chain, 0);
    const market = chain.deployment.ethUsdMarket;
    const balance = await chain.publicClient.readContract({
      address: market,
      abi: poolTokenAbi,
      functionName: "balanceOf",
      args: [lp.account.address],
    });
    const { requestId } = await createWithdrawal(lp, {
      exchange: chain.exchange,
      market,
      shares: parseEther("10"),
      minShortTokenAmount: 10n ** 30n,
    });
    const { outcome } = await executeWithdrawal(chain.keeper, {
      exchange: chain.exchange,
      id: requestId,
      priceUpdate: await priceUpdate(chain, PRICES),
    });
    expect(outcome.status).toBe("cancelled");
    if (outcome.status === "cancelled") expect(outcome.reason.name).toBe("MinTokensNotMet");
    expect(
      await chain.publicClient.readContract({
        address: market,
        abi: poolTokenAbi,
        functionName: "balanceOf",
        args: [lp.account.address],
      }),
    ).toBe(balance);
    // Still worth about $1 a share.
    const prices = {
      index: { min: 2_999_700_000_000_000n, max: 3_000_300_000_000_000n },
      long: { min: 2_999_700_000_000_000n, max: 3_000_300_000_000_000n },
      short: { min: 999_900_000_000_000_000_000_000n, max: 1_000_100_000_000_000_000_000_000n },
    };
    const { sharePriceUsd } = await getSharePrice(chain.publicClient, {
      exchange: chain.exchange,
      market,
      prices,
    });
    expect(sharePriceUsd).toBeGreaterThan(99n * 10n ** 28n);
    expect(sharePriceUsd).toBeLessThan(101n * 10n ** 28n);
  });
});
