import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedEthPool, startTestChain, type TestChain, userAt } from "../../../test/fixtures.js";
import { openEthPosition } from "../../../test/positions.js";
import { getPositionKey } from "../../utils/positionKey.js";
import { parseUsd } from "../../utils/usd.js";
import { getPosition } from "./getPosition.js";

describe("getPosition", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
    await seedEthPool(chain, userAt(chain, 0));
    await openEthPosition(chain, userAt(chain, 1), { isLong: false, sizeUsd: "4000" });
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("reads a position by its fields or its key, and null when there is none", async () => {
    const fields = {
      account: userAt(chain, 1).account.address,
      market: chain.deployment.ethUsdMarket,
      collateralToken: chain.deployment.usdc,
      isLong: false,
    };
    const byFields = await getPosition(chain.publicClient, { exchange: chain.exchange, ...fields });
    expect(byFields?.key).toBe(getPositionKey(fields));
    expect(byFields?.sizeUsd).toBe(parseUsd("4000"));
    expect(byFields?.isLong).toBe(false);
    expect(byFields?.account).toBe(fields.account);
    const byKey = await getPosition(chain.publicClient, {
      exchange: chain.exchange,
      key: getPositionKey(fields),
    });
    expect(byKey).toEqual(byFields);
    expect(
      await getPosition(chain.publicClient, { exchange: chain.exchange, ...fields, isLong: true }),
    ).toBeNull();
  });
});
