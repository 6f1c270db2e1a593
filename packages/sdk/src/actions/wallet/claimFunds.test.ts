import { erc20Abi, parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PRICES,
  priceUpdate,
  REVERTING_CODE,
  seedEthPool,
  setCode,
  startTestChain,
  type TestChain,
  userAt,
} from "../../../test/fixtures.js";
import type { BastionContractError } from "../../errors/errors.js";
import { executeWithdrawal } from "../keeper/executeWithdrawal.js";
import { getClaimable } from "../public/getClaimable.js";
import { claimFunds } from "./claimFunds.js";
import { createWithdrawal } from "./createWithdrawal.js";

describe("claimFunds", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
    await seedEthPool(chain, userAt(chain, 0));
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("claims tokens a refused transfer left owed", async () => {
    const lp = userAt(chain, 0);
    const { usdc, ethUsdMarket: market } = chain.deployment;
    const nothing = await claimFunds(lp, { exchange: chain.exchange, market, token: usdc }).catch(
      (e: unknown) => e,
    );
    expect((nothing as BastionContractError).decoded.name).toBe("NothingToClaim");

    const { requestId } = await createWithdrawal(lp, {
      exchange: chain.exchange,
      market,
      shares: parseEther("1000"),
    });
    const update = await priceUpdate(chain, PRICES);
    // USDC refuses every call while the withdrawal pays out: its USDC becomes a claim.
    const usdcCode = await setCode(chain, usdc, REVERTING_CODE);
    try {
      const { outcome } = await executeWithdrawal(chain.keeper, {
        exchange: chain.exchange,
        id: requestId,
        priceUpdate: update,
      });
      expect(outcome).toEqual({ status: "executed" });
    } finally {
      await setCode(chain, usdc, usdcCode);
    }
    const { funds } = await getClaimable(chain.publicClient, {
      exchange: chain.exchange,
      account: lp.account.address,
    });
    expect(funds).toHaveLength(1);
    const [owed] = funds;
    expect(owed?.market).toBe(market);
    expect(owed?.token).toBe(usdc);
    expect(owed?.amount).toBeGreaterThan(0n);

    const before = await chain.publicClient.readContract({
      address: usdc,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [lp.account.address],
    });
    const { amount } = await claimFunds(lp, { exchange: chain.exchange, market, token: usdc });
    expect(amount).toBe(owed?.amount);
    expect(
      await chain.publicClient.readContract({
        address: usdc,
        abi: erc20Abi,
        functionName: "balanceOf",
        args: [lp.account.address],
      }),
    ).toBe(before + amount);
  });
});
