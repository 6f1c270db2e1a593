import type { Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  latestTimestamp,
  openUsdcLong,
  priceUpdate,
  seedEthPool,
  startTestChain,
  type TestChain,
  type TestWallet,
  userAt,
} from "../../../test/fixtures.js";
import { BastionContractError, InvalidParameterError } from "../../errors/errors.js";
import { parseUsd } from "../../utils/usd.js";
import { getPosition } from "../public/getPosition.js";
import { liquidatePositions } from "./liquidatePositions.js";

describe("liquidatePositions", () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await startTestChain();
    await seedEthPool(chain, userAt(chain, 0));
  });
  afterAll(async () => {
    await chain?.stop();
  });

  const open = (user: TestWallet, sizeUsd: string, collateralUsdc: bigint) =>
    openUsdcLong(chain, user, sizeUsd, collateralUsdc);
  const positionOf = (key: Hex) => getPosition(chain.publicClient, { exchange: chain.exchange, key });

  it("liquidates the positions below maintenance in one transaction and skips the healthy and the gone", async () => {
    const first = await open(userAt(chain, 1), "10000", 250n);
    const second = await open(userAt(chain, 2), "10000", 250n);
    const due = [first, second];
    const healthy = await open(userAt(chain, 3), "10000", 2_000n);
    const update = await priceUpdate(chain, { "ETH/USD": "2940" });
    const { outcome } = await liquidatePositions(chain.keeper, {
      exchange: chain.exchange,
      market: chain.deployment.ethUsdMarket,
      positionKeys: [first, healthy, second],
      priceUpdate: update,
    });
    expect(outcome.status).toBe("liquidated");
    if (outcome.status !== "liquidated") return;
    expect(outcome.liquidations.map((l) => l.positionKey)).toEqual(due);
    expect(outcome.liquidations.every((l) => !l.partial && l.sizeClosedUsd === parseUsd("10000"))).toBe(true);
    expect(outcome.liquidations[0]?.account).toBe(userAt(chain, 1).account.address);
    for (const key of due) expect(await positionOf(key)).toBeNull();
    expect((await positionOf(healthy))?.sizeUsd).toBe(parseUsd("10000"));

    // A second keeper racing with the same batch liquidates nothing and does not fail.
    const again = await liquidatePositions(chain.secondKeeper, {
      exchange: chain.exchange,
      market: chain.deployment.ethUsdMarket,
      positionKeys: due,
      priceUpdate: update,
    });
    expect(again.outcome).toEqual({ status: "liquidated", liquidations: [] });
  });

  it("reports `deferred` when the deviation guard holds the update back", async () => {
    const key = await open(userAt(chain, 4), "10000", 250n);
    const { outcome } = await liquidatePositions(chain.keeper, {
      exchange: chain.exchange,
      market: chain.deployment.ethUsdMarket,
      positionKeys: [key],
      priceUpdate: await priceUpdate(chain, { "ETH/USD": "2600" }, await latestTimestamp(chain)),
    });
    expect(outcome).toEqual({ status: "deferred" });
    expect(await positionOf(key)).not.toBeNull();
  });

  it("refuses an empty batch before sending and an unknown market with the decoded error", async () => {
    const update = await priceUpdate(chain, { "ETH/USD": "3000" });
    await expect(
      liquidatePositions(chain.keeper, {
        exchange: chain.exchange,
        market: chain.deployment.ethUsdMarket,
        positionKeys: [],
        priceUpdate: update,
      }),
    ).rejects.toThrow(InvalidParameterError);
    const error = await liquidatePositions(chain.keeper, {
      exchange: chain.exchange,
      market: chain.deployment.usdc,
      positionKeys: [`0x${"11".repeat(32)}`],
      priceUpdate: update,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BastionContractError);
    expect((error as BastionContractError).decoded.name).toBe("MarketNotFound");
  });
});
