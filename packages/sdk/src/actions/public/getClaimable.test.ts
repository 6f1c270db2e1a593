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
import { approveToken } from "../wallet/approveToken.js";
import { cancelDeposit } from "../wallet/cancelDeposit.js";
import { createDeposit } from "../wallet/createDeposit.js";
import { getClaimable } from "./getClaimable.js";

describe("getClaimable", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("is empty for an ordinary account and reports ETH and tokens a refused transfer left owed", async () => {
    const user = userAt(chain, 0);
    const { usdc, btcUsdMarket } = chain.deployment;
    expect(
      await getClaimable(chain.publicClient, { exchange: chain.exchange, account: user.account.address }),
    ).toEqual({
      eth: 0n,
      funds: [],
    });
    await mint(chain, usdc, user.account.address, 2_000_000n);
    await approveToken(user, { token: usdc, spender: chain.exchange, amount: 2_000_000n });
    const { requestId } = await createDeposit(user, {
      exchange: chain.exchange,
      market: btcUsdMarket,
      shortTokenAmount: 2_000_000n,
    });
    await increaseTime(chain, 61);
    // The account refuses ETH and USDC refuses transfers while a keeper cancels the expired deposit.
    await setCode(chain, user.account.address, REVERTING_CODE);
    const usdcCode = await setCode(chain, usdc, REVERTING_CODE);
    try {
      await cancelDeposit(chain.keeper, { exchange: chain.exchange, id: requestId });
    } finally {
      await setCode(chain, usdc, usdcCode);
      await setCode(chain, user.account.address, "0x");
    }
    const claimable = await getClaimable(chain.publicClient, {
      exchange: chain.exchange,
      account: user.account.address,
    });
    expect(claimable).toEqual({
      eth: 100_000_000_000_000n,
      funds: [{ market: btcUsdMarket, token: usdc, amount: 2_000_000n }],
    });
    expect(
      await getClaimable(chain.publicClient, {
        exchange: chain.exchange,
        account: user.account.address,
        markets: [chain.deployment.ethUsdMarket],
      }),
    ).toEqual({ eth: 100_000_000_000_000n, funds: [] });
  });
});
