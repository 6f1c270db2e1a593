import { exchangeAbi, poolTokenAbi } from "@bastion/contracts";
import { parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedEthPool, startTestChain, type TestChain, userAt } from "../../../test/fixtures.js";
import { BastionContractError, InvalidParameterError } from "../../errors/errors.js";
import { createWithdrawal } from "./createWithdrawal.js";

describe("createWithdrawal", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
    await seedEthPool(chain, userAt(chain, 0));
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("escrows the shares in the pool token and returns the request id", async () => {
    const lp = userAt(chain, 0);
    const market = chain.deployment.ethUsdMarket;
    const { requestId } = await createWithdrawal(lp, {
      exchange: chain.exchange,
      market,
      shares: parseEther("5"),
      minLongTokenAmount: 1n,
    });
    const withdrawal = await chain.publicClient.readContract({
      address: chain.exchange,
      abi: exchangeAbi,
      functionName: "getWithdrawal",
      args: [requestId],
    });
    expect(withdrawal.shares).toBe(parseEther("5"));
    expect(withdrawal.minLongTokenAmount).toBe(1n);
    expect(
      await chain.publicClient.readContract({
        address: market,
        abi: poolTokenAbi,
        functionName: "balanceOf",
        args: [market],
      }),
    ).toBe(parseEther("5"));
  });

  it("rejects zero shares client-side and more shares than held with the decoded ERC20 error", async () => {
    const lp = userAt(chain, 1);
    await expect(
      createWithdrawal(lp, { exchange: chain.exchange, market: chain.deployment.ethUsdMarket, shares: 0n }),
    ).rejects.toThrow(InvalidParameterError);
    const error = await createWithdrawal(lp, {
      exchange: chain.exchange,
      market: chain.deployment.ethUsdMarket,
      shares: 1n,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BastionContractError);
    expect((error as BastionContractError).decoded.name).toBe("ERC20InsufficientBalance");
  });
});
