import { parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  increaseTime,
  mint,
  REVERTING_CODE,
  setCode,
  startTestChain,
  type TestChain,
  userAt,
} from "../../../test/fixtures.js";
import type { BastionContractError } from "../../errors/errors.js";
import { getClaimable } from "../public/getClaimable.js";
import { approveToken } from "./approveToken.js";
import { cancelDeposit } from "./cancelDeposit.js";
import { claimEth } from "./claimEth.js";
import { createDeposit } from "./createDeposit.js";

describe("claimEth", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("decodes NothingToClaim, and claims an execution fee refund the account refused", async () => {
    const user = userAt(chain, 0);
    const nothing = await claimEth(user, { exchange: chain.exchange }).catch((e: unknown) => e);
    expect((nothing as BastionContractError).decoded.name).toBe("NothingToClaim");

    await mint(chain, chain.deployment.usdc, user.account.address, 1_000_000n);
    await approveToken(user, { token: chain.deployment.usdc, spender: chain.exchange, amount: 1_000_000n });
    const { requestId } = await createDeposit(user, {
      exchange: chain.exchange,
      market: chain.deployment.ethUsdMarket,
      shortTokenAmount: 1_000_000n,
    });
    // The account refuses ETH while a keeper cancels its expired deposit: the fee refund becomes a claim.
    await setCode(chain, user.account.address, REVERTING_CODE);
    await increaseTime(chain, 61);
    await cancelDeposit(chain.keeper, { exchange: chain.exchange, id: requestId });
    await setCode(chain, user.account.address, "0x");
    const claimable = await getClaimable(chain.publicClient, {
      exchange: chain.exchange,
      account: user.account.address,
    });
    expect(claimable).toEqual({ eth: parseEther("0.0001"), funds: [] });

    const { amount } = await claimEth(user, { exchange: chain.exchange });
    expect(amount).toBe(parseEther("0.0001"));
    expect(
      (await getClaimable(chain.publicClient, { exchange: chain.exchange, account: user.account.address }))
        .eth,
    ).toBe(0n);
  });
});
