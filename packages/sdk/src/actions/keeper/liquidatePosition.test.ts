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
import { BastionContractError, isRequestGone } from "../../errors/errors.js";
import { parseUsd } from "../../utils/usd.js";
import { getPosition } from "../public/getPosition.js";
import { liquidatePosition } from "./liquidatePosition.js";

describe("liquidatePosition", () => {
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

  it("refuses a healthy position with the decoded PositionNotLiquidatable", async () => {
    const key = await open(userAt(chain, 1), "10000", 2_000n);
    const error = await liquidatePosition(chain.keeper, {
      exchange: chain.exchange,
      positionKey: key,
      priceUpdate: await priceUpdate(chain, { "ETH/USD": "3000" }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BastionContractError);
    expect((error as BastionContractError).decoded.name).toBe("PositionNotLiquidatable");
  });

  it("liquidates fully, then reports the position gone to a second keeper", async () => {
    const key = await open(userAt(chain, 2), "10000", 250n);
    const update = await priceUpdate(chain, { "ETH/USD": "2940" });
    const { outcome } = await liquidatePosition(chain.keeper, {
      exchange: chain.exchange,
      positionKey: key,
      priceUpdate: update,
    });
    expect(outcome).toEqual({ status: "liquidated", partial: false });
    expect(await getPosition(chain.publicClient, { exchange: chain.exchange, key })).toBeNull();
    const again = await liquidatePosition(chain.secondKeeper, {
      exchange: chain.exchange,
      positionKey: key,
      priceUpdate: update,
    }).catch((e: unknown) => e);
    expect(isRequestGone(again)).toBe(true);
  });

  it("liquidates a large position in a slice (`partial`)", async () => {
    const key = await open(userAt(chain, 3), "120000", 3_000n);
    const { outcome } = await liquidatePosition(chain.keeper, {
      exchange: chain.exchange,
      positionKey: key,
      priceUpdate: await priceUpdate(chain, { "ETH/USD": "2940" }),
    });
    expect(outcome).toEqual({ status: "liquidated", partial: true });
    const position = await getPosition(chain.publicClient, { exchange: chain.exchange, key });
    expect(position?.sizeUsd).toBe(parseUsd("96000"));
  });

  it("reports `deferred` when the deviation guard holds a jump back, and liquidates once confirmed", async () => {
    const key = await open(userAt(chain, 4), "10000", 250n);
    const publishTime = await latestTimestamp(chain);
    const first = await liquidatePosition(chain.keeper, {
      exchange: chain.exchange,
      positionKey: key,
      priceUpdate: await priceUpdate(chain, { "ETH/USD": "2600" }, publishTime),
    });
    expect(first.outcome).toEqual({ status: "deferred" });
    expect(await getPosition(chain.publicClient, { exchange: chain.exchange, key })).not.toBeNull();
    const second = await liquidatePosition(chain.keeper, {
      exchange: chain.exchange,
      positionKey: key,
      priceUpdate: await priceUpdate(chain, { "ETH/USD": "2600" }, publishTime + 1),
    });
    expect(second.outcome).toEqual({ status: "liquidated", partial: false });
  });
});
