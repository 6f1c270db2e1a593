import { PYTH_FEED_IDS } from "@bastion/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  latestTimestamp,
  priceUpdate,
  seedEthPool,
  startTestChain,
  type TestChain,
  userAt,
} from "../../../test/fixtures.js";
import { openEthPosition } from "../../../test/positions.js";
import { getPositionKey } from "../../utils/positionKey.js";
import { toUnitPrice } from "../../utils/unitPrice.js";
import { liquidatePosition } from "../keeper/liquidatePosition.js";
import { getLastAcceptedPrice } from "./getLastAcceptedPrice.js";

describe("getLastAcceptedPrice", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("reads the accepted price and the one the deviation guard holds back", async () => {
    const feedId = PYTH_FEED_IDS["ETH/USD"];
    expect(await getLastAcceptedPrice(chain.publicClient, { exchange: chain.exchange, feedId })).toEqual({
      price: 0n,
      publishTime: 0n,
      pending: null,
    });
    await seedEthPool(chain, userAt(chain, 0));
    await openEthPosition(chain, userAt(chain, 1), { sizeUsd: "10000", collateralUsdc: 250n });
    const accepted = await getLastAcceptedPrice(chain.publicClient, { exchange: chain.exchange, feedId });
    expect(accepted.price).toBe(toUnitPrice("3000", 18));
    expect(accepted.pending).toBeNull();

    const time = await latestTimestamp(chain);
    const key = getPositionKey({
      account: userAt(chain, 1).account.address,
      market: chain.deployment.ethUsdMarket,
      collateralToken: chain.deployment.usdc,
      isLong: true,
    });
    const { outcome } = await liquidatePosition(chain.keeper, {
      exchange: chain.exchange,
      positionKey: key,
      priceUpdate: await priceUpdate(chain, { "ETH/USD": "2500" }, time),
    });
    expect(outcome.status).toBe("deferred");
    const held = await getLastAcceptedPrice(chain.publicClient, {
      exchange: chain.exchange,
      feedId,
      oracle: chain.deployment.oracle,
    });
    expect(held.price).toBe(toUnitPrice("3000", 18));
    expect(held.pending).toEqual({ price: toUnitPrice("2500", 18), publishTime: BigInt(time) });
  });
});
