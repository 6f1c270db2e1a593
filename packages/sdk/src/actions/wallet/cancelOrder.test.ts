import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  increaseTime,
  mint,
  seedEthPool,
  startTestChain,
  type TestChain,
  userAt,
} from "../../../test/fixtures.js";
import type { BastionContractError } from "../../errors/errors.js";
import { limitIncreaseOrder } from "../../utils/orders.js";
import { toUnitPrice } from "../../utils/unitPrice.js";
import { parseUsd } from "../../utils/usd.js";
import { getPendingRequests } from "../public/getPendingRequests.js";
import { approveToken } from "./approveToken.js";
import { cancelOrder } from "./cancelOrder.js";
import { createOrder } from "./createOrder.js";

describe("cancelOrder", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
    await seedEthPool(chain, userAt(chain, 0));
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("cancels a pending limit order of its owner (trigger orders never expire for others)", async () => {
    const user = userAt(chain, 1);
    await mint(chain, chain.deployment.usdc, user.account.address, 100_000_000n);
    await approveToken(user, { token: chain.deployment.usdc, spender: chain.exchange, amount: 100_000_000n });
    const { requestId } = await createOrder(user, {
      exchange: chain.exchange,
      ...limitIncreaseOrder({
        market: chain.deployment.ethUsdMarket,
        collateralToken: chain.deployment.usdc,
        isLong: true,
        sizeDeltaUsd: parseUsd("500"),
        collateralAmount: 100_000_000n,
        triggerPrice: toUnitPrice("2500", 18),
        slippageBps: 30,
      }),
    });
    await increaseTime(chain, 120);
    const other = await cancelOrder(userAt(chain, 2), { exchange: chain.exchange, id: requestId }).catch(
      (e: unknown) => e,
    );
    expect((other as BastionContractError).decoded.name).toBe("NotRequestOwner");
    await cancelOrder(user, { exchange: chain.exchange, id: requestId });
    expect(await getPendingRequests(chain.publicClient, { exchange: chain.exchange, kind: "order" })).toEqual(
      [],
    );
  });
});
