import { poolTokenAbi } from "@bastion/contracts";
import { parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { increaseTime, seedEthPool, startTestChain, type TestChain, userAt } from "../../../test/fixtures.js";
import type { BastionContractError } from "../../errors/errors.js";
import { cancelWithdrawal } from "./cancelWithdrawal.js";
import { createWithdrawal } from "./createWithdrawal.js";

describe("cancelWithdrawal", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
    await seedEthPool(chain, userAt(chain, 0));
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("lets only the owner cancel, after the delay, and returns the shares", async () => {
    const lp = userAt(chain, 0);
    const market = chain.deployment.ethUsdMarket;
    const balanceOf = () =>
      chain.publicClient.readContract({
        address: market,
        abi: poolTokenAbi,
        functionName: "balanceOf",
        args: [lp.account.address],
      });
    const before = await balanceOf();
    const { requestId } = await createWithdrawal(lp, {
      exchange: chain.exchange,
      market,
      shares: parseEther("7"),
    });
    expect(await balanceOf()).toBe(before - parseEther("7"));
    await increaseTime(chain, 30);
    const stranger = await cancelWithdrawal(userAt(chain, 1), {
      exchange: chain.exchange,
      id: requestId,
    }).catch((e: unknown) => e);
    expect((stranger as BastionContractError).decoded.name).toBe("RequestNotCancellableYet");
    await cancelWithdrawal(lp, { exchange: chain.exchange, id: requestId });
    expect(await balanceOf()).toBe(before);
  });
});
