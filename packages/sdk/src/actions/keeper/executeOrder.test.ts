import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  mint,
  openPosition,
  PRICES,
  priceUpdate,
  seedEthPool,
  startTestChain,
  type TestChain,
  userAt,
} from "../../../test/fixtures.js";
import { BastionContractError } from "../../errors/errors.js";
import { limitIncreaseOrder, marketIncreaseOrder, takeProfitOrder } from "../../utils/orders.js";
import { getPositionKey } from "../../utils/positionKey.js";
import { toUnitPrice } from "../../utils/unitPrice.js";
import { parseUsd } from "../../utils/usd.js";
import { getPosition } from "../public/getPosition.js";
import { getRequest } from "../public/getRequest.js";
import { approveToken } from "../wallet/approveToken.js";
import { createOrder } from "../wallet/createOrder.js";
import { executeOrder } from "./executeOrder.js";

describe("executeOrder", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
    await seedEthPool(chain, userAt(chain, 0));
  });
  afterAll(async () => {
    await chain?.stop();
  });

  const long = (sizeUsd: string) => ({
    market: chain.deployment.ethUsdMarket,
    collateralToken: chain.deployment.usdc,
    isLong: true,
    sizeDeltaUsd: parseUsd(sizeUsd),
    collateralAmount: 1_000_000_000n,
    slippageBps: 50,
  });

  it("opens a position (`executed`) and closes it with a take-profit once the price is reached", async () => {
    const user = userAt(chain, 1);
    await openPosition(
      chain,
      user,
      marketIncreaseOrder({ ...long("5000"), indexPrice: toUnitPrice("3000", 18) }),
    );
    const key = getPositionKey({
      account: user.account.address,
      market: chain.deployment.ethUsdMarket,
      collateralToken: chain.deployment.usdc,
      isLong: true,
    });
    const position = await getPosition(chain.publicClient, { exchange: chain.exchange, key });
    expect(position?.sizeUsd).toBe(parseUsd("5000"));

    const { requestId } = await createOrder(user, {
      exchange: chain.exchange,
      ...takeProfitOrder({ ...long("5000"), collateralAmount: 0n, triggerPrice: toUnitPrice("3100", 18) }),
    });
    const notYet = await executeOrder(chain.keeper, {
      exchange: chain.exchange,
      id: requestId,
      priceUpdate: await priceUpdate(chain, PRICES),
    }).catch((e: unknown) => e);
    expect(notYet).toBeInstanceOf(BastionContractError);
    expect((notYet as BastionContractError).decoded.name).toBe("TriggerPriceNotReached");
    expect(
      await getRequest(chain.publicClient, { exchange: chain.exchange, kind: "order", id: requestId }),
    ).not.toBeNull();

    const { outcome } = await executeOrder(chain.keeper, {
      exchange: chain.exchange,
      id: requestId,
      priceUpdate: await priceUpdate(chain, { "ETH/USD": "3150" }),
    });
    expect(outcome).toEqual({ status: "executed" });
    expect(await getPosition(chain.publicClient, { exchange: chain.exchange, key })).toBeNull();
  });

  it("reports `cancelled` with AcceptablePriceNotMet when the price moved past the bound", async () => {
    const user = userAt(chain, 2);
    await mint(chain, chain.deployment.usdc, user.account.address, 1_000_000_000n);
    await approveToken(user, {
      token: chain.deployment.usdc,
      spender: chain.exchange,
      amount: 1_000_000_000n,
    });
    const { requestId } = await createOrder(user, {
      exchange: chain.exchange,
      ...marketIncreaseOrder({ ...long("5000"), indexPrice: toUnitPrice("3000", 18) }),
    });
    const { outcome } = await executeOrder(chain.keeper, {
      exchange: chain.exchange,
      id: requestId,
      priceUpdate: await priceUpdate(chain, { "ETH/USD": "3100" }),
    });
    expect(outcome.status).toBe("cancelled");
    if (outcome.status !== "cancelled") return;
    expect(outcome.reason.name).toBe("AcceptablePriceNotMet");
    expect(outcome.reason.args[1]).toBe(toUnitPrice("3015", 18));
    // The collateral came back.
    expect(
      await chain.publicClient.readContract({
        address: chain.deployment.usdc,
        abi: [
          {
            type: "function",
            name: "balanceOf",
            stateMutability: "view",
            inputs: [{ type: "address" }],
            outputs: [{ type: "uint256" }],
          },
        ],
        functionName: "balanceOf",
        args: [user.account.address],
      }),
    ).toBe(1_000_000_000n);
  });

  it("executes a limit increase once the index price crosses its trigger", async () => {
    const user = userAt(chain, 3);
    await mint(chain, chain.deployment.usdc, user.account.address, 1_000_000_000n);
    await approveToken(user, {
      token: chain.deployment.usdc,
      spender: chain.exchange,
      amount: 1_000_000_000n,
    });
    const { requestId } = await createOrder(user, {
      exchange: chain.exchange,
      ...limitIncreaseOrder({ ...long("4000"), triggerPrice: toUnitPrice("2950", 18) }),
    });
    const { outcome } = await executeOrder(chain.keeper, {
      exchange: chain.exchange,
      id: requestId,
      priceUpdate: await priceUpdate(chain, { "ETH/USD": "2940" }),
    });
    expect(outcome).toEqual({ status: "executed" });
  });
});
