import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mint, startTestChain, type TestChain, userAt } from "../../../test/fixtures.js";
import { approveToken } from "../wallet/approveToken.js";
import { createDeposit } from "../wallet/createDeposit.js";
import { getRequest } from "./getRequest.js";

describe("getRequest", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("reads a pending request by kind and id, null otherwise", async () => {
    const user = userAt(chain, 0);
    await mint(chain, chain.deployment.usdc, user.account.address, 5_000_000n);
    await approveToken(user, { token: chain.deployment.usdc, spender: chain.exchange, amount: 5_000_000n });
    const { requestId } = await createDeposit(user, {
      exchange: chain.exchange,
      market: chain.deployment.btcUsdMarket,
      shortTokenAmount: 5_000_000n,
    });
    const deposit = await getRequest(chain.publicClient, {
      exchange: chain.exchange,
      kind: "deposit",
      id: requestId,
    });
    expect(deposit?.market).toBe(chain.deployment.btcUsdMarket);
    expect(deposit?.shortTokenAmount).toBe(5_000_000n);
    expect(
      await getRequest(chain.publicClient, { exchange: chain.exchange, kind: "order", id: requestId }),
    ).toBeNull();
    expect(
      await getRequest(chain.publicClient, { exchange: chain.exchange, kind: "deposit", id: 999n }),
    ).toBeNull();
  });
});
