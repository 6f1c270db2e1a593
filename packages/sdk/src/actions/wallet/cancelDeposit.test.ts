import { erc20Abi } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { increaseTime, mint, startTestChain, type TestChain, userAt } from "../../../test/fixtures.js";
import { BastionContractError, InvalidParameterError, RequestGoneError } from "../../errors/errors.js";
import { getRequest } from "../public/getRequest.js";
import { approveToken } from "./approveToken.js";
import { cancelDeposit } from "./cancelDeposit.js";
import { createDeposit } from "./createDeposit.js";

describe("cancelDeposit", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("refuses before the cancel delay, then refunds the escrow", async () => {
    const user = userAt(chain, 0);
    const { usdc } = chain.deployment;
    await mint(chain, usdc, user.account.address, 1_000_000n);
    await approveToken(user, { token: usdc, spender: chain.exchange, amount: 1_000_000n });
    const { requestId } = await createDeposit(user, {
      exchange: chain.exchange,
      market: chain.deployment.ethUsdMarket,
      shortTokenAmount: 1_000_000n,
    });
    await expect(cancelDeposit(user, { exchange: chain.exchange, id: 0n })).rejects.toThrow(
      InvalidParameterError,
    );
    const early = await cancelDeposit(user, { exchange: chain.exchange, id: requestId }).catch(
      (e: unknown) => e,
    );
    expect(early).toBeInstanceOf(BastionContractError);
    expect((early as BastionContractError).decoded.name).toBe("RequestNotCancellableYet");

    await increaseTime(chain, 30);
    const { requestId: cancelled } = await cancelDeposit(user, { exchange: chain.exchange, id: requestId });
    expect(cancelled).toBe(requestId);
    expect(
      await getRequest(chain.publicClient, { exchange: chain.exchange, kind: "deposit", id: requestId }),
    ).toBeNull();
    expect(
      await chain.publicClient.readContract({
        address: usdc,
        abi: erc20Abi,
        functionName: "balanceOf",
        args: [user.account.address],
      }),
    ).toBe(1_000_000n);

    const again = await cancelDeposit(user, { exchange: chain.exchange, id: requestId }).catch(
      (e: unknown) => e,
    );
    expect(again).toBeInstanceOf(RequestGoneError);
    expect((again as RequestGoneError).kind).toBe("deposit");
    expect((again as RequestGoneError).id).toBe(requestId);
  });
});
