import { erc20Abi } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestChain, type TestChain, userAt } from "../../../test/fixtures.js";
import { approveToken } from "./approveToken.js";

describe("approveToken", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("approves only when the allowance is short", async () => {
    const user = userAt(chain, 0);
    const token = chain.deployment.usdc;
    const first = await approveToken(user, { token, spender: chain.exchange, amount: 1_000n });
    expect(first.status).toBe("approved");
    expect(
      await chain.publicClient.readContract({
        address: token,
        abi: erc20Abi,
        functionName: "allowance",
        args: [user.account.address, chain.exchange],
      }),
    ).toBe(1_000n);
    const nonce = await chain.publicClient.getTransactionCount({ address: user.account.address });
    const second = await approveToken(user, { token, spender: chain.exchange, amount: 500n });
    expect(second).toEqual({ status: "sufficient", allowance: 1_000n });
    expect(await chain.publicClient.getTransactionCount({ address: user.account.address })).toBe(nonce);
    const third = await approveToken(user, {
      token,
      spender: chain.exchange,
      amount: 2_000n,
      approveAmount: 10_000n,
    });
    expect(third.status).toBe("approved");
    expect(third.allowance).toBe(10_000n);
  });
});
