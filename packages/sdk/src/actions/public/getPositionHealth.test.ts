import { FLOAT_ONE } from "@bastion/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  localPythPrices,
  priceUpdate,
  seedEthPool,
  startTestChain,
  type TestChain,
  userAt,
} from "../../../test/fixtures.js";
import { openEthPosition } from "../../../test/positions.js";
import { getPositionKey } from "../../utils/positionKey.js";
import { liquidatePosition } from "../keeper/liquidatePosition.js";
import { getMarketPrices } from "./getMarketPrices.js";
import { getPositionHealth } from "./getPositionHealth.js";

describe("getPositionHealth", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
    await seedEthPool(chain, userAt(chain, 0));
    await openEthPosition(chain, userAt(chain, 1), { sizeUsd: "10000", collateralUsdc: 250n });
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("tells a healthy position from a liquidatable one, as the liquidation then confirms", async () => {
    const { exchange } = chain;
    const market = chain.deployment.ethUsdMarket;
    const key = getPositionKey({
      account: userAt(chain, 1).account.address,
      market,
      collateralToken: chain.deployment.usdc,
      isLong: true,
    });
    const at = async (price: string) =>
      getPositionHealth(chain.publicClient, {
        exchange,
        key,
        prices: await getMarketPrices(chain.publicClient, {
          exchange,
          market,
          prices: localPythPrices({ "ETH/USD": price }, 1),
        }),
      });
    const healthy = await at("3000");
    expect(healthy?.liquidatable).toBe(false);
    expect(healthy?.maintenanceMarginUsd).toBe(100n * FLOAT_ONE); // 1% of $10,000
    expect(healthy?.remainingCollateralUsd).toBeGreaterThan(200n * FLOAT_ONE);
    const sinking = await at("2940");
    expect(sinking?.liquidatable).toBe(true);
    const { outcome } = await liquidatePosition(chain.keeper, {
      exchange,
      positionKey: key,
      priceUpdate: await priceUpdate(chain, { "ETH/USD": "2940" }),
    });
    expect(outcome.status).toBe("liquidated");
    expect(await at("2940")).toBeNull();
  });
});
