/**
 * Auto-deleveraging against the deployed exchange: a long-heavy book, a pump that takes the long
 * side's PnL to pool factor past the ADL trigger, `executeAdl` slices compared with `previewAdl`
 * (decrease at the oracle price without negative impact, the new factor, whether ADL stays active),
 * then a fall that ends the episode without deleveraging.
 */
import { exchangeAbi } from "@bastion/contracts";
import fc from "fast-check";
import { maxUint256 } from "viem";
import { afterAll, describe, it } from "vitest";
import { isMirrorRevert } from "../../src/mirror/errors.js";
import { pnlUsd } from "../../src/mirror/libraries/PositionMath.js";
import { previewAdl } from "../../src/mirror/logic/LiquidationLogic.js";
import { positionKey } from "../../src/mirror/logic/PositionHealth.js";
import { readAllPositions, readPositions } from "../../src/readers/readPositions.js";
import { expectSame, stateStats } from "./compare.js";
import { DevchainEnv, type Execution, type FeedPrices } from "./devchainEnv.js";

const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const stats = { adl: 0, ended: 0 };

describe("previewAdl vs executeAdl (devchain)", () => {
  afterAll(() =>
    console.log(
      `[differential:adl] ${stats.adl} ADL slices, ${stats.ended} episodes ended, compared to the unit`,
    ),
  );

  it("deleverages exactly as previewed", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          pumpX10: fc.integer({ min: 80, max: 140 }),
          slicePct: fc.integer({ min: 10, max: 100 }),
        }),
        async ({ pumpX10, slicePct }) => {
          const env = await DevchainEnv.start();
          try {
            await runAdl(env, BigInt(pumpX10), BigInt(slicePct));
          } finally {
            await env.stop();
          }
        },
      ),
      { numRuns: 2, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  }, 300_000);
});

async function runAdl(env: DevchainEnv, pumpX10: bigint, slicePct: bigint): Promise<void> {
  const market = env.markets.eth;
  const start = 2_000n * 10n ** 8n;
  const feed = (index: bigint): FeedPrices => ({
    index: { price: index, conf: index / 10_000n },
    usdc: { price: 10n ** 8n, conf: 10n ** 4n },
  });
  for (const user of env.users) {
    await env.mint(user, market.longToken, 10n ** 24n);
    await env.mint(user, market.shortToken, 10n ** 14n);
  }
  const lp = env.users[0];
  if (lp === undefined) throw new Error("no LP");
  const deposit = await env.createDeposit(lp, market, 100n * 10n ** 18n, 1_000_000n * 10n ** 6n);
  await env.execute("executeDeposit", deposit, env.pythUpdate(market, feed(start), env.now).update);
  // Longs reserving ~84% of the long pool (the reserve cap is 90%).
  for (const user of env.users.slice(1, 5)) {
    const id = await env.createOrder(user, {
      market,
      collateralToken: market.shortToken,
      isLong: true,
      increase: true,
      sizeDeltaUsd: 42_000n * 10n ** 30n,
      collateralDeltaAmount: 5_000n * 10n ** 6n,
      acceptablePrice: maxUint256,
    });
    const execution = await env.execute(
      "executeOrder",
      id,
      env.pythUpdate(market, feed(start), env.now).update,
    );
    if (execution.cancelled !== undefined) throw new Error(`open failed: ${execution.cancelled.errorName}`);
  }

  const pumped = (start * pumpX10) / 10n;
  for (let slice = 0; slice < 12; slice++) {
    const { positions } = await readAllPositions(env.publicClient, {
      exchange: env.exchange,
      market: market.address,
    });
    const timestamp = env.now + 1n;
    const prices = env.marketPrices(
      market,
      env.pythUpdate(market, feed(pumped), timestamp).parsed,
      timestamp,
    );
    // The most profitable long.
    const target = positions
      .filter((p) => p.isLong)
      .sort((a, b) =>
        pnlUsd(true, a.sizeUsd, a.sizeInTokens, prices.index.min) <
        pnlUsd(true, b.sizeUsd, b.sizeInTokens, prices.index.min)
          ? 1
          : -1,
      )[0];
    if (target === undefined) return;
    const ended = await adlAndCompare(env, target, (target.sizeUsd * slicePct) / 100n, feed(pumped));
    if (ended) break;
  }
  // A fall back below the target ends an active episode without deleveraging.
  const { positions } = await readAllPositions(env.publicClient, {
    exchange: env.exchange,
    market: market.address,
  });
  const any = positions.find((p) => p.isLong);
  if (any !== undefined) await adlAndCompare(env, any, any.sizeUsd, feed((start * 15n) / 10n));
}

/** Runs one `executeAdl` after previewing it; returns true when ADL is not (or no longer) active. */
async function adlAndCompare(
  env: DevchainEnv,
  target: { account: `0x${string}`; market: `0x${string}`; collateralToken: `0x${string}`; isLong: boolean },
  sizeDeltaUsd: bigint,
  prices: FeedPrices,
): Promise<boolean> {
  const market = env.markets.eth;
  const key = positionKey(target.account, target.market, target.collateralToken, target.isLong);
  for (let attempt = 0; attempt < 3; attempt++) {
    const timestamp = env.now + 1n;
    const { update, parsed } = env.pythUpdate(market, prices, timestamp);
    const marketPrices = env.marketPrices(market, parsed, timestamp);
    const before = await env.readMarket(market);
    const [position] = await readPositions(env.publicClient, { exchange: env.exchange, keys: [key] });
    if (position === undefined || position.sizeUsd === 0n) return true;
    let preview: ReturnType<typeof previewAdl>;
    try {
      preview = previewAdl(before.state, position, sizeDeltaUsd, marketPrices, timestamp);
    } catch (error) {
      if (isMirrorRevert(error, "AdlNotTriggered") || isMirrorRevert(error, "PositionNotInProfit"))
        return true;
      throw error;
    }
    const execution: Execution = await env.send(env.keeper, {
      address: env.exchange,
      abi: exchangeAbi,
      functionName: "executeAdl",
      args: [key, sizeDeltaUsd, update],
      value: await env.updateFee(update),
    });
    const state = execution.logs.find((log) => log.eventName === "AdlStateUpdated");
    if (state?.eventName !== "AdlStateUpdated") continue; // price held back by the deviation guard
    const context = () => ({ key, sizeDeltaUsd, marketPrices, timestamp });
    expectSame(
      "AdlStateUpdated",
      {
        isLong: position.isLong,
        active: preview.adlActiveAfter,
        pnlToPoolFactor: preview.pnlToPoolFactorAfter,
      },
      { isLong: state.args.isLong, active: state.args.active, pnlToPoolFactor: state.args.pnlToPoolFactor },
      context,
    );
    const decreased = execution.logs.find((log) => log.eventName === "PositionDecreased");
    expectSame("deleveraged", preview.executed, decreased !== undefined, context);
    if (decreased?.eventName === "PositionDecreased" && preview.decrease !== undefined) {
      stats.adl += 1;
      stateStats.executions += 1;
      expectSame(
        "PositionDecreased (ADL)",
        {
          kind: preview.decrease.kind,
          change: preview.decrease.change,
          amounts: preview.decrease.amounts,
          profitLongTokenAmount: preview.decrease.profitLongAmount,
          profitShortTokenAmount: preview.decrease.profitShortAmount,
        },
        {
          kind: decreased.args.kind,
          change: decreased.args.change,
          amounts: decreased.args.amounts,
          profitLongTokenAmount: decreased.args.profitLongTokenAmount,
          profitShortTokenAmount: decreased.args.profitShortTokenAmount,
        },
        context,
      );
    } else {
      stats.ended += 1;
    }
    const after = await env.readMarket(market);
    expectSame("market after ADL", preview.market, after.state, context);
    return !preview.adlActiveAfter;
  }
  throw new Error("ADL price never confirmed");
}
