import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedEthPool, startTestChain, type TestChain, userAt } from "../../../test/fixtures.js";
import { openEthPosition } from "../../../test/positions.js";
import { parseUsd } from "../../utils/usd.js";
import { getAccountPositions } from "./getAccountPositions.js";

describe("getAccountPositions", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
    await seedEthPool(chain, userAt(chain, 0));
    const trader = userAt(chain, 1);
    await openEthPosition(chain, trader, { isLong: false, sizeUsd: "3000" });
    await openEthPosition(chain, trader, { isLong: true, sizeUsd: "2000" });
    await openEthPosition(chain, userAt(chain, 2), { isLong: true, sizeUsd: "1000" });
  });
  afterAll(async () => {
    await chain?.stop();
  });

  it("finds every open position of the account across markets, collateral tokens and sides", async () => {
    const positions = await getAccountPositions(chain.publicClient, {
      exchange: chain.exchange,
      account: userAt(chain, 1).account.address,
    });
    expect(positions.map((p) => [p.isLong, p.sizeUsd])).toEqual([
      [true, parseUsd("2000")],
      [false, parseUsd("3000")],
    ]);
    expect(
      await getAccountPositions(chain.publicClient, {
        exchange: chain.exchange,
        account: userAt(chain, 1).account.address,
        markets: [chain.deployment.btcUsdMarket],
      }),
    ).toEqual([]);
  });
});
