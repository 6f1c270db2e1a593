import { exchangeAbi, ORDER_TYPE } from "@bastion/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mint, seedEthPool, startTestChain, type TestChain, userAt } from "../../../test/fixtures.js";
import { BastionContractError, InvalidParameterError, UnknownMarketError } from "../../errors/errors.js";
import { marketIncreaseOrder, stopLossOrder } from "../../utils/orders.js";
import { toUnitPrice } from "../../utils/unitPrice.js";
import { parseUsd } from "../../utils/usd.js";
import { approveToken } from "./approveToken.js";
import { createOrder } from "./createOrder.js";

describe("createOrder", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
    await seedEthPool(chain, userAt(chain, 0));
  });
  afterAll(async () => {
    await chain?.stop();
  });

  const base = () => ({
    market: chain.deployment.ethUsdMarket,
    collateralToken: chain.deployment.usdc,
    isLong: true,
    sizeDeltaUsd: parseUsd("5000"),
    collateralAmount: 500_000_000n,
    indexPrice: toUnitPrice("3000", 18),
    slippageBps: 50,
  });

  it("escrows the collateral and stores the order built by a helper", async () => {
    const user = userAt(chain, 1);
    await mint(chain, chain.deployment.usdc, user.account.address, 500_000_000n);
    await approveToken(user, { token: chain.deployment.usdc, spender: chain.exchange, amount: 500_000_000n });
    const { requestId } = await createOrder(user, {
      exchange: chain.exchange,
      ...marketIncreaseOrder(base()),
    });
    const order = await chain.publicClient.readContract({
      address: chain.exchange,
      abi: exchangeAbi,
      functionName: "getOrder",
      args: [requestId],
    });
    expect(order.orderType).toBe(ORDER_TYPE.MarketIncrease);
    expect(order.isLong).toBe(true);
    expect(order.sizeDeltaUsd).toBe(parseUsd("5000"));
    expect(order.collateralDeltaAmount).toBe(500_000_000n);
    expect(order.triggerPrice).toBe(0n);
    expect(order.acceptablePrice).toBe(toUnitPrice("3015", 18));
  });

  it("rejects malformed orders client-side", async () => {
    const user = userAt(chain, 1);
    const exchange = chain.exchange;
    const order = marketIncreaseOrder(base());
    await expect(
      createOrder(user, { exchange, ...order, sizeDeltaUsd: 0n, collateralDeltaAmount: 0n }),
    ).rejects.toThrow("sizeDeltaUsd: the order changes neither size nor collateral (both are zero)");
    await expect(createOrder(user, { exchange, ...order, triggerPrice: 1n })).rejects.toThrow(
      "triggerPrice: MarketIncrease orders take no trigger price",
    );
    await expect(createOrder(user, { exchange, ...order, orderType: "LimitIncrease" })).rejects.toThrow(
      "triggerPrice: LimitIncrease orders need a trigger price",
    );
    await expect(createOrder(user, { exchange, ...order, acceptablePrice: 0n })).rejects.toThrow(
      "acceptablePrice: long MarketIncrease orders need a maximum acceptable price",
    );
    await expect(
      createOrder(user, { exchange, ...order, collateralToken: chain.deployment.wbtc }),
    ).rejects.toThrow(InvalidParameterError);
    await expect(createOrder(user, { exchange, ...order, market: chain.deployment.usdc })).rejects.toThrow(
      UnknownMarketError,
    );
  });

  it("fails the simulation of a decrease without a position with the decoded PositionNotFound", async () => {
    const user = userAt(chain, 2);
    const error = await createOrder(user, {
      exchange: chain.exchange,
      ...stopLossOrder({ ...base(), triggerPrice: toUnitPrice("2900", 18) }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BastionContractError);
    expect((error as BastionContractError).decoded.name).toBe("PositionNotFound");
    expect((error as BastionContractError).message).toMatch(
      /^createOrder reverted: PositionNotFound: position 0x/,
    );
  });
});
