import { parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  latestTimestamp,
  openPosition,
  priceUpdate,
  seedLiquidity,
  startTestChain,
  type TestChain,
  userAt,
} from "../../../test/fixtures.js";
import { BastionContractError, InvalidParameterError } from "../../errors/errors.js";
import { marketIncreaseOrder } from "../../utils/orders.js";
import { getPositionKey } from "../../utils/positionKey.js";
import { toUnitPrice } from "../../utils/unitPrice.js";
import { parseUsd } from "../../utils/usd.js";
import { getPosition } from "../public/getPosition.js";
import { executeAdl } from "./executeAdl.js";

describe("executeAdl", () => {
  let chain: TestChain;
  let key: `0x${string}`;
  beforeAll(async () => {
    chain = await startTestChain();
    // A small pool (10 WETH) and a long reserving most of it.
    await seedLiquidity(chain, userAt(chain, 0), {
      market: chain.deployment.ethUsdMarket,
      longToken: chain.deployment.weth,
      shortToken: chain.deployment.usdc,
      longAmount: parseEther("10"),
      shortAmount: 30_000_000_000n,
    });
    const trader = userAt(chain, 1);
    await openPosition(
      chain,
      trader,
      marketIncreaseOrder({
        market: chain.deployment.ethUsdMarket,
        collateralToken: chain.deployment.usdc,
        isLong: true,
        sizeDeltaUsd: parseUsd("26000"),
        collateralAmount: 5_000_000_000n,
        indexPrice: toUnitPrice("3000", 18),
        slippageBps: 50,
      }),
    );
    key = getPositionKey({
      account: trader.account.address,
      market: chain.deployment.ethUsdMarket,
      collateralToken: chain.deployment.usdc,
      isLong: true,
    });
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("validates the size and decodes AdlNotTriggered while the pool is not at risk", async () => {
    await expect(
      executeAdl(chain.keeper, {
        exchange: chain.exchange,
        positionKey: key,
        sizeDeltaUsd: 0n,
        priceUpdate: ["0x"],
      }),
    ).rejects.toThrow(InvalidParameterError);
    const error = await executeAdl(chain.keeper, {
      exchange: chain.exchange,
      positionKey: key,
      sizeDeltaUsd: parseUsd("5000"),
      priceUpdate: await priceUpdate(chain, { "ETH/USD": "3000" }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BastionContractError);
    expect((error as BastionContractError).decoded.name).toBe("AdlNotTriggered");
  });

  it("is `deferred` on an unconfirmed jump, then reduces the position once the price is confirmed", async () => {
    const publishTime = await latestTimestamp(chain);
    const first = await executeAdl(chain.keeper, {
      exchange: chain.exchange,
      positionKey: key,
      sizeDeltaUsd: parseUsd("5000"),
      priceUpdate: await priceUpdate(chain, { "ETH/USD": "30000" }, publishTime),
    });
    expect(first.outcome).toEqual({ status: "deferred" });
    const second = await executeAdl(chain.keeper, {
      exchange: chain.exchange,
      positionKey: key,
      sizeDeltaUsd: parseUsd("5000"),
      priceUpdate: await priceUpdate(chain, { "ETH/USD": "30000" }, publishTime + 1),
    });
    expect(second.outcome).toEqual({ status: "executed" });
    const position = await getPosition(chain.publicClient, { exchange: chain.exchange, key });
    expect(position?.sizeUsd).toBe(parseUsd("21000"));
  });
});
