/**
 * The app-level order preview and the readers against the deployed exchange: an order sent with the
 * preview's acceptable price executes at the previewed entry price and fees, or is cancelled with the
 * reason the preview gave; the previewed liquidation price is where `getPositionHealth` flips; paged
 * reads return what the exchange holds.
 */
import { exchangeAbi } from "@bastion/contracts";
import fc from "fast-check";
import { createWalletClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMirrorRevert } from "../../src/mirror/errors.js";
import { previewIncrease } from "../../src/mirror/logic/IncreaseLogic.js";
import { positionKey } from "../../src/mirror/logic/PositionHealth.js";
import { scaledPricesAt } from "../../src/preview/liquidationPrice.js";
import { previewOrder } from "../../src/preview/previewOrder.js";
import { readAllPositions, readPositions } from "../../src/readers/readPositions.js";
import { expectSame, stateStats } from "./compare.js";
import { DevchainEnv, type FeedPrices } from "./devchainEnv.js";

const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);

describe("previewOrder and the readers vs the deployed exchange (devchain)", () => {
  let env: DevchainEnv;
  const prices: FeedPrices = {
    index: { price: 2_500n * 10n ** 8n, conf: 2_500n * 10n ** 4n },
    usdc: { price: 10n ** 8n, conf: 10n ** 4n },
  };

  beforeAll(async () => {
    env = await DevchainEnv.start();
    const market = env.markets.eth;
    for (const user of env.users) {
      await env.mint(user, market.longToken, 10n ** 25n);
      await env.mint(user, market.shortToken, 10n ** 15n);
    }
    const lp = env.users[0];
    if (lp === undefined) throw new Error("no LP");
    const id = await env.createDeposit(lp, market, 2_000n * 10n ** 18n, 5_000_000n * 10n ** 6n);
    await env.execute("executeDeposit", id, env.pythUpdate(market, prices, env.now).update);
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
  });

  it("executes at the previewed entry price and fees, or fails with the previewed reason", async () => {
    const market = env.markets.eth;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          user: fc.integer({ min: 1, max: 6 }),
          isLong: fc.boolean(),
          collateralIsLong: fc.boolean(),
          collateralUsd: fc.integer({ min: 5, max: 40_000 }),
          leverageX100: fc.integer({ min: 100, max: 5_500 }),
          slippageBps: fc.integer({ min: 0, max: 100 }),
        }),
        async (order) => {
          const user = env.users[order.user];
          const account = user?.account?.address;
          if (user === undefined || account === undefined) throw new Error("no user");
          const collateralToken = order.collateralIsLong ? market.longToken : market.shortToken;
          const collateralAmount = order.collateralIsLong
            ? (BigInt(order.collateralUsd) * 10n ** 18n * 10n ** 8n) / prices.index.price
            : BigInt(order.collateralUsd) * 10n ** 6n;
          const key = positionKey(account, market.address, collateralToken, order.isLong);
          const snapshot = await env.readMarket(market);
          const [position] = await readPositions(env.publicClient, { exchange: env.exchange, keys: [key] });
          // Created in the next block (prices published then), executed in the one after.
          const createdAt = env.now + 1n;
          const executedAt = env.now + 2n;
          const { update, parsed } = env.pythUpdate(market, prices, createdAt);
          const marketPrices = env.marketPrices(market, parsed, executedAt);
          const preview = previewOrder({
            market: snapshot.state,
            marketAddress: market.address,
            account,
            ...(position === undefined ? {} : { position }),
            prices: marketPrices,
            timestamp: executedAt,
            isLong: order.isLong,
            collateralToken,
            collateralAmount,
            size: { leverage: (BigInt(order.leverageX100) * 10n ** 30n) / 100n },
            slippageBps: BigInt(order.slippageBps),
          });
          const id = await env.createOrder(user, {
            market,
            collateralToken,
            isLong: order.isLong,
            increase: true,
            sizeDeltaUsd: preview.sizeDeltaUsd,
            collateralDeltaAmount: collateralAmount,
            acceptablePrice: preview.acceptablePrice,
          });
          const execution = await env.execute("executeOrder", id, update);
          stateStats.executions += 1;
          const context = () => ({ order, preview: { ...preview, increase: undefined } });
          if (!preview.opening.ok) {
            const reason = preview.opening.reason;
            expectSame(
              "cancellation reason",
              { errorName: reason.errorName, args: Object.values(reason.args) },
              execution.cancelled,
              context,
            );
            return;
          }
          expectSame("executed", undefined, execution.cancelled, context);
          const event = execution.logs.find((log) => log.eventName === "PositionIncreased");
          if (event?.eventName !== "PositionIncreased") throw new Error("no PositionIncreased");
          expectSame(
            "entry",
            {
              executionPrice: preview.executionPrice,
              sizeDeltaInTokens: preview.sizeDeltaInTokens,
              priceImpactUsd: preview.priceImpactUsd,
              positionFeeUsd: preview.positionFeeUsd,
              borrowingFeeUsd: preview.borrowingFeeUsd,
              fundingFeeUsd: preview.fundingFeeUsd,
            },
            {
              executionPrice: event.args.change.executionPrice,
              sizeDeltaInTokens: event.args.change.sizeDeltaInTokens,
              priceImpactUsd: event.args.amounts.priceImpactUsd,
              positionFeeUsd: event.args.amounts.positionFeeUsd,
              borrowingFeeUsd: event.args.amounts.borrowingFeeUsd,
              fundingFeeUsd: event.args.amounts.fundingFeeUsd,
            },
            context,
          );
          // The previewed liquidation price is where the contract's view flips, at the execution block.
          const liquidation = preview.liquidation;
          if (liquidation?.price === undefined || liquidation.liquidatableNow) return;
          const pricesAt = scaledPricesAt(snapshot.state, marketPrices, order.isLong);
          const next = order.isLong ? liquidation.price + 1n : liquidation.price - 1n;
          const [at, beside] = await Promise.all(
            [liquidation.price, next].map((price) =>
              env.publicClient.readContract({
                address: env.exchange,
                abi: exchangeAbi,
                functionName: "getPositionHealth",
                args: [key, pricesAt(price)],
                blockNumber: execution.receipt.blockNumber,
              }),
            ),
          );
          expectSame("liquidatable at the liquidation price", true, at?.[2], context);
          expectSame("not liquidatable one unit before", false, beside?.[2], context);
        },
      ),
      { numRuns: 30, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  }, 300_000);

  it("on a paused market, refuses size increases and accepts added collateral, as previewed", async () => {
    const market = env.markets.eth;
    const user = env.users[2];
    const account = user?.account?.address;
    if (user === undefined || account === undefined) throw new Error("no user");
    const open = async (sizeDeltaUsd: bigint, collateralDeltaAmount: bigint) =>
      env.createOrder(user, {
        market,
        collateralToken: market.shortToken,
        isLong: true,
        increase: true,
        sizeDeltaUsd,
        collateralDeltaAmount,
        acceptablePrice: 2n ** 255n,
      });
    const first = await open(10_000n * 10n ** 30n, 1_000n * 10n ** 6n);
    await env.execute("executeOrder", first, env.pythUpdate(market, prices, env.now).update);
    const grow = await open(5_000n * 10n ** 30n, 500n * 10n ** 6n); // created before the pause
    const pauser = env.devchain.accounts.deployer;
    const admin = createWalletClient({
      chain: env.devchain.chain,
      transport: http(env.devchain.rpcUrl),
      account: privateKeyToAccount(pauser.privateKey),
    });
    await env.send(admin, {
      address: env.exchange,
      abi: exchangeAbi,
      functionName: "setMarketPaused",
      args: [market.address, true],
    });
    const topUp = await open(0n, 300n * 10n ** 6n);
    const key = positionKey(account, market.address, market.shortToken, true);
    for (const [id, sizeDeltaUsd, collateralDeltaAmount] of [
      [grow, 5_000n * 10n ** 30n, 500n * 10n ** 6n],
      [topUp, 0n, 300n * 10n ** 6n],
    ] as const) {
      const snapshot = await env.readMarket(market);
      const [position] = await readPositions(env.publicClient, { exchange: env.exchange, keys: [key] });
      const timestamp = env.now + 1n;
      const { update, parsed } = env.pythUpdate(market, prices, env.now);
      const marketPrices = env.marketPrices(market, parsed, timestamp);
      let predicted: unknown;
      try {
        const preview = previewIncrease(
          snapshot.state,
          position,
          {
            account,
            market: market.address,
            collateralToken: market.shortToken,
            isLong: true,
            sizeDeltaUsd,
            collateralDeltaAmount,
            acceptablePrice: 2n ** 255n,
            collateralEscrowed: true,
          },
          marketPrices,
          timestamp,
        );
        predicted = preview.change;
      } catch (error) {
        if (!isMirrorRevert(error)) throw error;
        predicted = { errorName: error.errorName, args: Object.values(error.args) };
      }
      const execution = await env.execute("executeOrder", id, update);
      const increased = execution.logs.find((log) => log.eventName === "PositionIncreased");
      const actual =
        increased?.eventName === "PositionIncreased" ? increased.args.change : execution.cancelled;
      expectSame(`paused market, size delta ${sizeDeltaUsd}`, predicted, actual, () => ({ id }));
    }
    await env.send(admin, {
      address: env.exchange,
      abi: exchangeAbi,
      functionName: "setMarketPaused",
      args: [market.address, false],
    });
  });

  it("reads every position in pages at one block", async () => {
    const market = env.markets.eth.address;
    const all = await readAllPositions(env.publicClient, { exchange: env.exchange, market });
    const paged = await readAllPositions(env.publicClient, {
      exchange: env.exchange,
      market,
      blockNumber: all.blockNumber,
      pageSize: 3,
    });
    expect(paged.keys).toEqual(all.keys);
    expect(paged.positions).toEqual(all.positions);
    const count = await env.publicClient.readContract({
      address: env.exchange,
      abi: exchangeAbi,
      functionName: "getPositionCount",
      args: [market],
      blockNumber: all.blockNumber,
    });
    expect(BigInt(all.keys.length)).toBe(count);
    for (const [i, key] of all.keys.entries()) {
      const position = all.positions[i];
      if (position === undefined) throw new Error("missing position");
      expect(positionKey(position.account, position.market, position.collateralToken, position.isLong)).toBe(
        key,
      );
    }
  });

  it("reads a market at a block with that block's timestamp", async () => {
    const market = env.markets.eth;
    const before = await env.readMarket(market);
    const block = await env.publicClient.getBlock({ blockNumber: before.blockNumber });
    expect(before.timestamp).toBe(block.timestamp);
    const direct = await env.publicClient.readContract({
      address: env.exchange,
      abi: exchangeAbi,
      functionName: "getMarket",
      args: [market.address],
      blockNumber: before.blockNumber,
    });
    expect(before.state).toEqual(direct);
  });
});
