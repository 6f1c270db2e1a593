import { parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mint, seedEthPool, startTestChain, type TestChain, userAt } from "../../../test/fixtures.js";
import { limitIncreaseOrder } from "../../utils/orders.js";
import { toUnitPrice } from "../../utils/unitPrice.js";
import { parseUsd } from "../../utils/usd.js";
import { approveToken } from "../wallet/approveToken.js";
import { createDeposit } from "../wallet/createDeposit.js";
import { createOrder } from "../wallet/createOrder.js";
import { createWithdrawal } from "../wallet/createWithdrawal.js";
import { getPendingRequests } from "./getPendingRequests.js";

describe("getPendingRequests", () => {
  let chain: TestChain;
  const ids: bigint[] = [];
  beforeAll(async () => {
    chain = await startTestChain();
    const lp = userAt(chain, 0);
    await seedEthPool(chain, lp);
    const { exchange } = chain;
    const market = chain.deployment.ethUsdMarket;
    await mint(chain, chain.deployment.usdc, lp.account.address, 10_000_000_000n);
    await approveToken(lp, { token: chain.deployment.usdc, spender: exchange, amount: 10_000_000_000n });
    for (const amount of [1_000_000n, 2_000_000n, 3_000_000n]) {
      ids.push((await createDeposit(lp, { exchange, market, shortTokenAmount: amount })).requestId);
    }
    ids.push((await createWithdrawal(lp, { exchange, market, shares: parseEther("1") })).requestId);
    for (const trigger of ["2900", "2800"]) {
      const order = limitIncreaseOrder({
        market,
        collateralToken: chain.deployment.usdc,
        isLong: true,
        sizeDeltaUsd: parseUsd("1000"),
        collateralAmount: 100_000_000n,
        triggerPrice: toUnitPrice(trigger, 18),
        slippageBps: 10,
      });
      ids.push((await createOrder(lp, { exchange, ...order })).requestId);
    }
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("lists deposits, withdrawals and orders with their requests, across pages", async () => {
    for (const pageSize of [1, 2, 200]) {
      const pending = await getPendingRequests(chain.publicClient, { exchange: chain.exchange, pageSize });
      expect(pending.map((p) => [p.kind, p.id])).toEqual([
        ["deposit", ids[0]],
        ["deposit", ids[1]],
        ["deposit", ids[2]],
        ["withdrawal", ids[3]],
        ["order", ids[4]],
        ["order", ids[5]],
      ]);
    }
    const orders = await getPendingRequests(chain.publicClient, { exchange: chain.exchange, kind: "order" });
    expect(orders.map((p) => p.kind === "order" && p.request.triggerPrice)).toEqual([
      toUnitPrice("2900", 18),
      toUnitPrice("2800", 18),
    ]);
    const deposits = await getPendingRequests(chain.publicClient, {
      exchange: chain.exchange,
      kind: "deposit",
    });
    expect(deposits.map((p) => p.kind === "deposit" && p.request.shortTokenAmount)).toEqual([
      1_000_000n,
      2_000_000n,
      3_000_000n,
    ]);
  });
});
