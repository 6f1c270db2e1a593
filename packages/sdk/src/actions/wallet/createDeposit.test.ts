import { exchangeAbi } from "@bastion/contracts";
import { parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mint, startTestChain, type TestChain, userAt } from "../../../test/fixtures.js";
import {
  BastionContractError,
  ExecutionFeeTooLowError,
  InvalidParameterError,
  UnknownMarketError,
} from "../../errors/errors.js";
import { approveToken } from "./approveToken.js";
import { createDeposit } from "./createDeposit.js";

describe("createDeposit", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("escrows the tokens and the minimum execution fee, and returns the request id", async () => {
    const user = userAt(chain, 0);
    const { exchange, deployment } = chain;
    await mint(chain, deployment.weth, user.account.address, parseEther("2"));
    await mint(chain, deployment.usdc, user.account.address, 6_000_000_000n);
    await approveToken(user, { token: deployment.weth, spender: exchange, amount: parseEther("2") });
    await approveToken(user, { token: deployment.usdc, spender: exchange, amount: 6_000_000_000n });

    const { requestId, receipt, hash } = await createDeposit(user, {
      exchange,
      market: deployment.ethUsdMarket,
      longTokenAmount: parseEther("2"),
      shortTokenAmount: 6_000_000_000n,
      minShares: 1n,
    });
    expect(receipt.status).toBe("success");
    expect(receipt.transactionHash).toBe(hash);
    expect(requestId).toBe(1n);
    const deposit = await chain.publicClient.readContract({
      address: exchange,
      abi: exchangeAbi,
      functionName: "getDeposit",
      args: [requestId],
    });
    expect(deposit.account).toBe(user.account.address);
    expect(deposit.longTokenAmount).toBe(parseEther("2"));
    expect(deposit.shortTokenAmount).toBe(6_000_000_000n);
    expect(deposit.minShares).toBe(1n);
    expect(deposit.executionFee).toBe(parseEther("0.0001"));
  });

  it("rejects bad input before sending anything", async () => {
    const user = userAt(chain, 1);
    const { exchange, deployment } = chain;
    const nonce = await chain.publicClient.getTransactionCount({ address: user.account.address });
    await expect(createDeposit(user, { exchange, market: deployment.ethUsdMarket })).rejects.toThrow(
      InvalidParameterError,
    );
    await expect(
      createDeposit(user, { exchange, market: deployment.ethUsdMarket, longTokenAmount: -1n }),
    ).rejects.toThrow(/must not be negative/);
    await expect(
      createDeposit(user, { exchange, market: deployment.weth, shortTokenAmount: 1n }),
    ).rejects.toThrow(UnknownMarketError);
    const tooLow = createDeposit(user, {
      exchange,
      market: deployment.ethUsdMarket,
      shortTokenAmount: 1n,
      executionFee: 1n,
    });
    await expect(tooLow).rejects.toThrow(ExecutionFeeTooLowError);
    await expect(tooLow).rejects.toThrow(
      "executionFee: 1 wei is below the exchange's minimum of 100000000000000 wei",
    );
    expect(await chain.publicClient.getTransactionCount({ address: user.account.address })).toBe(nonce);
  });

  it("fails the simulation with the decoded custom error (no allowance)", async () => {
    const user = userAt(chain, 1);
    const error = await createDeposit(user, {
      exchange: chain.exchange,
      market: chain.deployment.ethUsdMarket,
      shortTokenAmount: 1_000_000n,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BastionContractError);
    const decoded = (error as BastionContractError).decoded;
    expect(decoded.name).toBe("ERC20InsufficientAllowance");
    expect(decoded.args).toEqual([chain.exchange, 0n, 1_000_000n]);
  });
});
