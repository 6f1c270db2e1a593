/**
 * Differential test (b): the mirror against the real exchange on the local devchain. Random books
 * (LP deposits, long and short positions with both collateral tokens, increases of existing
 * positions) are built through real two-step requests executed by the keeper with MockPyth updates;
 * every execution is previewed first and compared with its events and with the market and position
 * read afterwards (or, when the execution is cancelled, with the decoded reason). After a time warp,
 * the views `getPoolValue`, `getPositionHealth` (with the full mirror and with the keeper's
 * liquidation scanner) and `getSolvency` are compared at fuzzed price sets at the same block, the
 * liquidation price solver is checked against `getPositionHealth`, then user
 * decreases, crash/pump liquidations (partial slices, shortfalls, insurance cover) and a withdrawal
 * are executed and compared. Everything to the unit.
 * Reproduce a failure: FC_SEED=<seed> pnpm --filter @bastion/risk test exchangeState
 */
import { exchangeAbi } from "@bastion/contracts";
import fc from "fast-check";
import { type Abi, type Hex, maxUint256 } from "viem";
import { multicall } from "viem/actions";
import { afterAll, describe, it } from "vitest";
import { isMirrorRevert } from "../../src/mirror/errors.js";
import { priceMultiplier } from "../../src/mirror/libraries/OracleMath.js";
import { previewDecrease } from "../../src/mirror/logic/DecreaseLogic.js";
import { previewIncrease } from "../../src/mirror/logic/IncreaseLogic.js";
import { isLiquidatable, previewLiquidation } from "../../src/mirror/logic/LiquidationLogic.js";
import { previewDeposit, previewWithdrawal } from "../../src/mirror/logic/LiquidityLogic.js";
import { accruedRates, poolValueUsd } from "../../src/mirror/logic/MarketLogic.js";
import { maintenanceMarginUsd, positionHealth, positionKey } from "../../src/mirror/logic/PositionHealth.js";
import { solvencyAt } from "../../src/mirror/logic/ReaderLogic.js";
import {
  DECREASE_KIND,
  type MarketPrices,
  type MarketState,
  type PositionState,
} from "../../src/mirror/types.js";
import { liquidationPrice, scaledPricesAt } from "../../src/preview/liquidationPrice.js";
import { createLiquidationScanner } from "../../src/preview/liquidationScanner.js";
import { readAllPositions, readPositions } from "../../src/readers/readPositions.js";
import { expectSame, stateStats } from "./compare.js";
import { DevchainEnv, type Execution, type FeedPrices, type LocalMarket, PYTH_EXPO } from "./devchainEnv.js";
import { chainFailure, mirrorOutcome, type Outcome } from "./outcome.js";

const BOOKS = Number(process.env.STATE_BOOKS ?? 3);
const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);

const bookArb = fc.record({
  market: fc.constantFrom("eth" as const, "btc" as const),
  /** Index price in whole USD. */
  indexUsd: fc.integer({ min: 200, max: 150_000 }),
  confBps: fc.integer({ min: 0, max: 60 }),
  usdcBps: fc.integer({ min: 9_900, max: 10_100 }),
  lps: fc.array(
    fc.record({
      longUsd: fc.integer({ min: 20_000, max: 3_000_000 }),
      shortUsd: fc.integer({ min: 20_000, max: 3_000_000 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  positions: fc.array(
    fc.record({
      user: fc.integer({ min: 0, max: 6 }),
      isLong: fc.boolean(),
      collateralIsLong: fc.boolean(),
      collateralUsd: fc.integer({ min: 20, max: 60_000 }),
      leverageX100: fc.integer({ min: 105, max: 5_200 }),
      /** Price drift before this execution, in bps. */
      driftBps: fc.integer({ min: -150, max: 150 }),
    }),
    { minLength: 3, maxLength: 12 },
  ),
  warpSeconds: fc.integer({ min: 60, max: 40 * 24 * 3600 }),
  priceSets: fc.array(
    fc.record({
      indexBps: fc.oneof(fc.integer({ min: 8_000, max: 12_500 }), fc.integer({ min: 1_000, max: 40_000 })),
      spreadBps: fc.integer({ min: 0, max: 300 }),
      longIndependent: fc.boolean(),
      longBps: fc.integer({ min: 5_000, max: 20_000 }),
      shortBps: fc.integer({ min: 9_000, max: 11_000 }),
      shortSpreadBps: fc.integer({ min: 0, max: 60 }),
    }),
    { minLength: 12, maxLength: 25 },
  ),
  decreases: fc.array(
    fc.record({
      pick: fc.nat(),
      closePct: fc.integer({ min: 5, max: 120 }),
      withdrawPct: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })),
      driftBps: fc.integer({ min: -800, max: 800 }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  crashBps: fc.integer({ min: 5_000, max: 9_600 }),
  pumpBps: fc.integer({ min: 10_400, max: 17_000 }),
  withdrawPct: fc.integer({ min: 1, max: 100 }),
});
type Book = typeof bookArb extends fc.Arbitrary<infer T> ? T : never;

describe("mirror vs the deployed exchange (devchain)", () => {
  afterAll(() => {
    console.log(
      `[differential:state] ${stateStats.books} books, ${stateStats.comparisons} comparisons (${stateStats.executions} executions, ${stateStats.cancelled} cancelled with the predicted error, ${stateStats.liquidations} liquidations of which ${stateStats.partialLiquidations} partial, ${stateStats.shortfalls} shortfalls), ${stateStats.mismatches} mismatches; cancellation reasons ${JSON.stringify(stateStats.reasons)}`,
    );
  });

  it("views, executions, decreases and liquidations match the mirror to the unit", async () => {
    await fc.assert(
      fc.asyncProperty(bookArb, async (book) => {
        const env = await DevchainEnv.start();
        try {
          await runBook(env, book);
          stateStats.books += 1;
        } finally {
          await env.stop();
        }
      }),
      { numRuns: BOOKS, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  }, 900_000);
});

async function runBook(env: DevchainEnv, book: Book): Promise<void> {
  const market = book.market === "eth" ? env.markets.eth : env.markets.btc;
  let indexMantissa = BigInt(book.indexUsd) * 10n ** 8n;
  const usdcMantissa = BigInt(book.usdcBps) * 10n ** 4n;
  const feedPrices = (index: bigint): FeedPrices => ({
    index: { price: index, conf: (index * BigInt(book.confBps)) / 10_000n },
    usdc: { price: usdcMantissa, conf: (usdcMantissa * BigInt(book.confBps)) / 20_000n },
  });
  /** Token units worth `usd` whole dollars at the current mantissa. */
  const longUnits = (usd: number) =>
    (BigInt(usd) * 10n ** BigInt(market.longDecimals) * 10n ** 8n) / indexMantissa;
  const shortUnits = (usd: number) =>
    (BigInt(usd) * 10n ** BigInt(market.shortDecimals) * 10n ** 8n) / usdcMantissa;
  const context = { book };

  for (const user of env.users) {
    await env.mint(user, market.longToken, longUnits(100_000_000));
    await env.mint(user, market.shortToken, shortUnits(100_000_000));
  }

  /**
   * Runs one request execution: previews it on the state after its creation with the prices of the
   * update (published at the creation) at the execution's block timestamp, executes it, and compares.
   */
  const executeAndCompare = async <T>(
    kind: "executeDeposit" | "executeWithdrawal" | "executeOrder",
    id: bigint,
    preview: (state: MarketState, totalSupply: bigint, prices: MarketPrices, timestamp: bigint) => T,
    compare: (preview: T, execution: Execution) => Promise<void>,
  ): Promise<void> => {
    const publishTime = env.now;
    const { update, parsed } = env.pythUpdate(market, feedPrices(indexMantissa), publishTime);
    const timestamp = env.now + 1n;
    const prices = env.marketPrices(market, parsed, timestamp);
    const before = await env.readMarket(market);
    let predicted: { ok: true; value: T } | { ok: false; outcome: Outcome };
    try {
      predicted = { ok: true, value: preview(before.state, before.totalSupply, prices, timestamp) };
    } catch (error) {
      if (!isMirrorRevert(error)) throw error;
      predicted = {
        ok: false,
        outcome: mirrorOutcome(() => {
          throw error;
        }),
      };
    }
    const execution = await env.execute(kind, id, update);
    stateStats.executions += 1;
    if (!predicted.ok) {
      stateStats.cancelled += 1;
      if (execution.cancelled !== undefined) {
        stateStats.reasons[execution.cancelled.errorName] =
          (stateStats.reasons[execution.cancelled.errorName] ?? 0) + 1;
      }
      const actual: Outcome =
        execution.cancelled === undefined
          ? { ok: true, value: "executed" }
          : { ok: false, error: execution.cancelled.errorName, args: execution.cancelled.args };
      expectSame(`${kind} #${id} revert`, predicted.outcome, actual, () => ({
        ...context,
        prices,
        timestamp,
      }));
      return;
    }
    expectSame(`${kind} #${id} cancellation`, undefined, execution.cancelled, () => ({
      ...context,
      prices,
      timestamp,
    }));
    await compare(predicted.value, execution);
  };

  const compareMarketAfter = async (what: string, predicted: MarketState, extra: () => unknown) => {
    const after = await env.readMarket(market);
    expectSame(`${what}: market after`, predicted, after.state, extra);
    return after;
  };

  // ------------------------------------------------------------------ LP deposits
  for (const [i, lp] of book.lps.entries()) {
    const user = env.users[i % env.users.length];
    if (user === undefined) continue;
    const longAmount = longUnits(lp.longUsd);
    const shortAmount = shortUnits(lp.shortUsd);
    const id = await env.createDeposit(user, market, longAmount, shortAmount);
    await executeAndCompare(
      "executeDeposit",
      id,
      (state, totalSupply, prices, timestamp) => ({
        totalSupply,
        preview: previewDeposit(
          state,
          {
            market: market.address,
            longTokenAmount: longAmount,
            shortTokenAmount: shortAmount,
            totalSupply,
            tokensEscrowed: true,
          },
          prices,
          timestamp,
        ),
      }),
      async ({ totalSupply, preview }, execution) => {
        const event = execution.logs.find((log) => log.eventName === "DepositExecuted");
        if (event?.eventName !== "DepositExecuted") throw new Error("no DepositExecuted");
        const { sharesMinted, feeUsd, poolValueUsd: value, totalSupplyBefore } = event.args;
        expectSame(
          "DepositExecuted",
          {
            sharesMinted: preview.shares,
            feeUsd: preview.feeUsd,
            poolValueUsd: preview.poolValueUsd,
            totalSupplyBefore: totalSupply,
          },
          { sharesMinted, feeUsd, poolValueUsd: value, totalSupplyBefore },
          () => context,
        );
        await compareMarketAfter("deposit", preview.market, () => context);
      },
    );
  }

  // ------------------------------------------------------------------ positions (opens and increases)
  const openOrIncrease = async (spec: Book["positions"][number]) => {
    const user = env.users[spec.user];
    const account = user?.account?.address;
    if (user === undefined || account === undefined) return;
    indexMantissa = (indexMantissa * BigInt(10_000 + spec.driftBps)) / 10_000n;
    const collateralToken = spec.collateralIsLong ? market.longToken : market.shortToken;
    const collateralAmount = spec.collateralIsLong
      ? longUnits(spec.collateralUsd)
      : shortUnits(spec.collateralUsd);
    const sizeDeltaUsd = (BigInt(spec.collateralUsd) * BigInt(spec.leverageX100) * 10n ** 30n) / 100n;
    const acceptablePrice = spec.isLong ? maxUint256 : 0n;
    const key = positionKey(account, market.address, collateralToken, spec.isLong);
    const id = await env.createOrder(user, {
      market,
      collateralToken,
      isLong: spec.isLong,
      increase: true,
      sizeDeltaUsd,
      collateralDeltaAmount: collateralAmount,
      acceptablePrice,
    });
    const [existing] = await readPositions(env.publicClient, { exchange: env.exchange, keys: [key] });
    await executeAndCompare(
      "executeOrder",
      id,
      (state, _supply, prices, timestamp) =>
        previewIncrease(
          state,
          existing,
          {
            account,
            market: market.address,
            collateralToken,
            isLong: spec.isLong,
            sizeDeltaUsd,
            collateralDeltaAmount: collateralAmount,
            acceptablePrice,
            collateralEscrowed: true,
          },
          prices,
          timestamp,
        ),
      async (preview, execution) => {
        const event = execution.logs.find((log) => log.eventName === "PositionIncreased");
        if (event?.eventName !== "PositionIncreased") throw new Error("no PositionIncreased");
        expectSame(
          "PositionIncreased",
          { positionKey: preview.key, change: preview.change, amounts: preview.amounts },
          { positionKey: event.args.positionKey, change: event.args.change, amounts: event.args.amounts },
          () => ({ ...context, spec }),
        );
        const fees = execution.logs.find((log) => log.eventName === "FeesCollected");
        if (fees?.eventName === "FeesCollected") {
          expectSame(
            "FeesCollected (increase)",
            {
              positionFeeUsd: preview.positionFeeUsd,
              borrowingFeeUsd: preview.borrowingFeeUsd,
              toInsuranceAmount: preview.insuranceAmount,
            },
            {
              positionFeeUsd: fees.args.positionFeeUsd,
              borrowingFeeUsd: fees.args.borrowingFeeUsd,
              toInsuranceAmount: fees.args.toInsuranceAmount,
            },
            () => context,
          );
        }
        await compareMarketAfter("increase", preview.market, () => ({ ...context, spec }));
        const [after] = await readPositions(env.publicClient, { exchange: env.exchange, keys: [key] });
        expectSame("position after increase", preview.position, after, () => ({ ...context, spec }));
      },
    );
  };
  for (const spec of book.positions) await openOrIncrease(spec);

  // ------------------------------------------------------------------ views at fuzzed prices, after a warp
  env.warp(BigInt(book.warpSeconds));
  const block = await env.mine();
  const snapshot = await env.readMarket(market, block.blockNumber);
  const book0 = await readAllPositions(env.publicClient, {
    exchange: env.exchange,
    market: market.address,
    blockNumber: block.blockNumber,
  });
  const { parsed: parsedNow } = env.pythUpdate(market, feedPrices(indexMantissa), block.timestamp);
  const base = env.marketPrices(market, parsedNow, block.timestamp);
  const priceSets: MarketPrices[] = book.priceSets.map((set) => {
    const indexMin = (base.index.min * BigInt(set.indexBps)) / 10_000n + 1n;
    const index = { min: indexMin, max: (indexMin * BigInt(10_000 + set.spreadBps)) / 10_000n };
    const longMin = (base.long.min * BigInt(set.longBps)) / 10_000n + 1n;
    const shortMin = (base.short.min * BigInt(set.shortBps)) / 10_000n + 1n;
    return {
      index,
      long: set.longIndependent
        ? { min: longMin, max: (longMin * BigInt(10_000 + set.spreadBps)) / 10_000n }
        : index,
      short: { min: shortMin, max: (shortMin * BigInt(10_000 + set.shortSpreadBps)) / 10_000n },
    };
  });
  await compareViews(
    env,
    market,
    snapshot.state,
    snapshot.vaultBalances,
    block,
    book0.keys,
    book0.positions,
    priceSets,
    context,
  );
  await compareLiquidationPrices(
    env,
    market,
    snapshot.state,
    block,
    book0.keys,
    book0.positions,
    base,
    context,
  );

  // ------------------------------------------------------------------ user decreases
  for (const spec of book.decreases) {
    const { keys, positions } = await readAllPositions(env.publicClient, {
      exchange: env.exchange,
      market: market.address,
    });
    if (positions.length === 0) break;
    const index = spec.pick % positions.length;
    const position = positions[index];
    const key = keys[index];
    if (position === undefined || key === undefined) continue;
    const user = env.users.find((u) => u.account?.address === position.account);
    if (user === undefined) continue;
    indexMantissa = (indexMantissa * BigInt(10_000 + spec.driftBps)) / 10_000n;
    const sizeDeltaUsd = (position.sizeUsd * BigInt(spec.closePct)) / 100n;
    const collateralWithdrawAmount =
      spec.closePct >= 100 ? 0n : (position.collateralAmount * BigInt(spec.withdrawPct)) / 100n;
    const acceptablePrice = position.isLong ? 0n : maxUint256;
    const id = await env.createOrder(user, {
      market,
      collateralToken: position.collateralToken,
      isLong: position.isLong,
      increase: false,
      sizeDeltaUsd,
      collateralDeltaAmount: collateralWithdrawAmount,
      acceptablePrice,
    });
    await executeAndCompare(
      "executeOrder",
      id,
      (state, _supply, prices, timestamp) =>
        previewDecrease(
          state,
          position,
          { kind: DECREASE_KIND.Order, sizeDeltaUsd, collateralWithdrawAmount, acceptablePrice },
          prices,
          timestamp,
        ),
      async (preview, execution) => {
        compareDecreaseEvents(execution, preview, () => ({ ...context, spec }));
        await compareMarketAfter("decrease", preview.market, () => ({ ...context, spec }));
        const [after] = await readPositions(env.publicClient, { exchange: env.exchange, keys: [key] });
        expectSame("position after decrease", preview.position ?? emptyPosition(), after, () => ({
          ...context,
          spec,
        }));
      },
    );
  }

  // ------------------------------------------------------------------ liquidations at the solved liquidation price
  // The largest positions: move the oracle price just past each one's liquidation price (from the
  // solver), so it is caught with collateral left: partial slices for large positions, full ones
  // inside the cooldown.
  {
    const { positions } = await readAllPositions(env.publicClient, {
      exchange: env.exchange,
      market: market.address,
    });
    const largest = [...positions].sort((a, b) => (a.sizeUsd < b.sizeUsd ? 1 : -1)).slice(0, 4);
    const multiplier = priceMultiplier(PYTH_EXPO, market.longDecimals);
    for (const target of largest) {
      const key = positionKey(target.account, target.market, target.collateralToken, target.isLong);
      const [position] = await readPositions(env.publicClient, { exchange: env.exchange, keys: [key] });
      if (position === undefined || position.sizeUsd === 0n) continue;
      const timestamp = env.now + 1n;
      const { parsed } = env.pythUpdate(market, feedPrices(indexMantissa), timestamp);
      const prices = env.marketPrices(market, parsed, timestamp);
      const current = await env.readMarket(market);
      const solved = liquidationPrice({ market: current.state, position, prices, timestamp });
      if (solved.price === undefined || solved.liquidatableNow) continue;
      // The Pyth mantissa whose min (long) / max (short) price lies just past the solved price.
      const conf = BigInt(book.confBps);
      indexMantissa = position.isLong
        ? (solved.price * 10_000n * 9_995n) / (multiplier * (10_000n - conf) * 10_000n)
        : (solved.price * 10_000n * 10_005n) / (multiplier * (10_000n + conf) * 10_000n) + 1n;
      for (let round = 0; round < 3; round++) {
        if (round === 2) env.warp(40n); // past the cooldown: another slice
        await liquidateAndCompare(env, market, key, feedPrices(indexMantissa), context);
      }
    }
  }

  // ------------------------------------------------------------------ crash, then pump: liquidations
  // The price walks to each target in steps, so positions are caught near their liquidation price
  // (partial slices of large ones) as well as deep underwater (shortfalls), with and without a
  // deviation confirmation.
  const start = indexMantissa;
  for (const targetBps of [book.crashBps, book.pumpBps]) {
    const steps = 5n;
    for (let step = 1n; step <= steps; step++) {
      const moveBps = 10_000n + ((BigInt(targetBps) - 10_000n) * step) / steps;
      indexMantissa = (start * moveBps) / 10_000n;
      for (let round = 0; round < 2; round++) {
        if (round === 1) env.warp(40n); // past the partial-liquidation cooldown: another slice
        const { keys } = await readAllPositions(env.publicClient, {
          exchange: env.exchange,
          market: market.address,
        });
        for (const key of keys)
          await liquidateAndCompare(env, market, key, feedPrices(indexMantissa), context);
      }
    }
  }

  // ------------------------------------------------------------------ an LP withdrawal
  const lpUser = env.users[0];
  const lpAccount = lpUser?.account?.address;
  if (lpUser !== undefined && lpAccount !== undefined) {
    const shares = await env.publicClient.readContract({
      address: market.address,
      abi: [
        {
          type: "function",
          name: "balanceOf",
          stateMutability: "view",
          inputs: [{ name: "a", type: "address" }],
          outputs: [{ name: "", type: "uint256" }],
        },
      ] as const,
      functionName: "balanceOf",
      args: [lpAccount],
    });
    const toWithdraw = (shares * BigInt(book.withdrawPct)) / 100n;
    if (toWithdraw > 0n) {
      const id = await env.createWithdrawal(lpUser, market, toWithdraw);
      await executeAndCompare(
        "executeWithdrawal",
        id,
        (state, totalSupply, prices, timestamp) => ({
          totalSupply,
          preview: previewWithdrawal(state, { shares: toWithdraw, totalSupply }, prices, timestamp),
        }),
        async ({ totalSupply, preview }, execution) => {
          const event = execution.logs.find((log) => log.eventName === "WithdrawalExecuted");
          if (event?.eventName !== "WithdrawalExecuted") throw new Error("no WithdrawalExecuted");
          const a = event.args;
          expectSame(
            "WithdrawalExecuted",
            {
              longTokenAmount: preview.longTokenAmount,
              shortTokenAmount: preview.shortTokenAmount,
              feeUsd: preview.feeUsd,
              poolValueUsd: preview.poolValueUsd,
              totalSupplyBefore: totalSupply,
            },
            {
              longTokenAmount: a.longTokenAmount,
              shortTokenAmount: a.shortTokenAmount,
              feeUsd: a.feeUsd,
              poolValueUsd: a.poolValueUsd,
              totalSupplyBefore: a.totalSupplyBefore,
            },
            () => context,
          );
          await compareMarketAfter("withdrawal", preview.market, () => context);
        },
      );
    }
  }
}

function emptyPosition(): PositionState {
  const zero = "0x0000000000000000000000000000000000000000" as const;
  return {
    account: zero,
    increasedAt: 0n,
    isLong: false,
    market: zero,
    lastPartialLiquidationAt: 0n,
    collateralToken: zero,
    sizeUsd: 0n,
    sizeInTokens: 0n,
    collateralAmount: 0n,
    borrowingFactorSnapshot: 0n,
    fundingPerSizeSnapshot: 0n,
  };
}

function compareDecreaseEvents(
  execution: Execution,
  preview: ReturnType<typeof previewDecrease>,
  context: () => unknown,
): void {
  const decreased = execution.logs.find((log) => log.eventName === "PositionDecreased");
  if (decreased?.eventName !== "PositionDecreased") throw new Error("no PositionDecreased");
  const a = decreased.args;
  expectSame(
    "PositionDecreased",
    {
      positionKey: preview.key,
      kind: preview.kind,
      change: preview.change,
      amounts: preview.amounts,
      profitLongTokenAmount: preview.profitLongAmount,
      profitShortTokenAmount: preview.profitShortAmount,
    },
    {
      positionKey: a.positionKey,
      kind: a.kind,
      change: a.change,
      amounts: a.amounts,
      profitLongTokenAmount: a.profitLongTokenAmount,
      profitShortTokenAmount: a.profitShortTokenAmount,
    },
    context,
  );
  const fees = execution.logs.find((log) => log.eventName === "FeesCollected");
  const feesPredicted =
    preview.amounts.positionFeeUsd > 0n ||
    preview.amounts.borrowingFeeUsd > 0n ||
    preview.liquidationFeeAmount > 0n;
  expectSame("FeesCollected emitted", feesPredicted, fees !== undefined, context);
  if (fees?.eventName === "FeesCollected") {
    expectSame(
      "FeesCollected (decrease)",
      {
        positionFeeUsd: preview.amounts.positionFeeUsd,
        borrowingFeeUsd: preview.amounts.borrowingFeeUsd,
        liquidationFeeAmount: preview.liquidationFeeAmount,
        toInsuranceAmount: preview.insuranceAmount,
        toLiquidatorAmount: preview.liquidatorAmount,
      },
      {
        positionFeeUsd: fees.args.positionFeeUsd,
        borrowingFeeUsd: fees.args.borrowingFeeUsd,
        liquidationFeeAmount: fees.args.liquidationFeeAmount,
        toInsuranceAmount: fees.args.toInsuranceAmount,
        toLiquidatorAmount: fees.args.toLiquidatorAmount,
      },
      context,
    );
  }
  const shortfall = execution.logs.find((log) => log.eventName === "ShortfallRecorded");
  expectSame("ShortfallRecorded emitted", preview.shortfall !== undefined, shortfall !== undefined, context);
  if (shortfall?.eventName === "ShortfallRecorded" && preview.shortfall !== undefined) {
    stateStats.shortfalls += 1;
    const s = shortfall.args;
    expectSame(
      "ShortfallRecorded",
      preview.shortfall,
      {
        indexPrice: s.indexPrice,
        shortfallUsd: s.shortfallUsd,
        coveredByInsuranceUsd: s.coveredByInsuranceUsd,
        absorbedByLpUsd: s.absorbedByLpUsd,
        insuranceLongAmount: s.insuranceLongAmount,
        insuranceShortAmount: s.insuranceShortAmount,
      },
      context,
    );
  }
}

/** Liquidates a position when the mirror says it is liquidatable (confirming a deviating price) and compares. */
async function liquidateAndCompare(
  env: DevchainEnv,
  market: LocalMarket,
  key: Hex,
  prices: FeedPrices,
  context: unknown,
): Promise<void> {
  const liquidator = env.users[6];
  if (liquidator === undefined) throw new Error("no liquidator");
  for (let attempt = 0; attempt < 3; attempt++) {
    const timestamp = env.now + 1n;
    const { update, parsed } = env.pythUpdate(market, prices, timestamp);
    const marketPrices = env.marketPrices(market, parsed, timestamp);
    const before = await env.readMarket(market);
    const [position] = await readPositions(env.publicClient, { exchange: env.exchange, keys: [key] });
    if (position === undefined || position.sizeUsd === 0n) return;
    let preview: ReturnType<typeof previewLiquidation>;
    try {
      preview = previewLiquidation(before.state, position, marketPrices, timestamp);
    } catch (error) {
      if (isMirrorRevert(error, "PositionNotLiquidatable")) return;
      throw error;
    }
    const execution = await env.liquidate(liquidator, key, update);
    if (execution === undefined) continue; // price held back by the deviation guard: confirm with a later update
    stateStats.liquidations += 1;
    if (preview.isPartial) stateStats.partialLiquidations += 1;
    const what = () => ({ context, key, marketPrices, timestamp });
    const liquidated = execution.logs.find((log) => log.eventName === "PositionLiquidated");
    if (liquidated?.eventName !== "PositionLiquidated") throw new Error("no PositionLiquidated");
    const l = liquidated.args;
    expectSame(
      "PositionLiquidated",
      {
        isPartial: preview.isPartial,
        sizeClosedUsd: preview.sizeDeltaUsd,
        indexPrice: position.isLong ? marketPrices.index.min : marketPrices.index.max,
        remainingCollateralUsd: preview.health.remainingCollateralUsd,
        maintenanceMarginUsd: preview.maintenanceMarginUsd,
      },
      {
        isPartial: l.isPartial,
        sizeClosedUsd: l.sizeClosedUsd,
        indexPrice: l.indexPrice,
        remainingCollateralUsd: l.remainingCollateralUsd,
        maintenanceMarginUsd: l.maintenanceMarginUsd,
      },
      what,
    );
    compareDecreaseEvents(execution, preview.decrease, what);
    const after = await env.readMarket(market);
    expectSame("market after liquidation", preview.decrease.market, after.state, what);
    const [positionAfter] = await readPositions(env.publicClient, { exchange: env.exchange, keys: [key] });
    expectSame("position after liquidation", preview.position ?? emptyPosition(), positionAfter, what);
    return;
  }
  throw new Error(`liquidation of ${key} never confirmed`);
}

/** getPoolValue (4 ways), getSolvency and getPositionHealth of every position, at every price set. */
async function compareViews(
  env: DevchainEnv,
  market: LocalMarket,
  state: MarketState,
  vault: { longToken: bigint; shortToken: bigint } | undefined,
  block: { blockNumber: bigint; timestamp: bigint },
  keys: readonly Hex[],
  positions: readonly PositionState[],
  priceSets: readonly MarketPrices[],
  context: unknown,
): Promise<void> {
  if (vault === undefined) throw new Error("vault balances missing");
  const calls: { functionName: string; args: readonly unknown[]; mirror: () => unknown }[] = [];
  for (const prices of priceSets) {
    const rates = () => accruedRates(state, prices, block.timestamp);
    for (const [maximize, capPnl] of [
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ] as const) {
      calls.push({
        functionName: "getPoolValue",
        args: [market.address, prices, maximize, capPnl],
        mirror: () => poolValueUsd(state, rates(), prices, maximize, capPnl),
      });
    }
    calls.push({
      functionName: "getSolvency",
      args: [market.address, prices],
      mirror: () => solvencyAt(state, prices, block.timestamp, vault),
    });
    for (const [i, position] of positions.entries()) {
      calls.push({
        functionName: "getPositionHealth",
        args: [keys[i], prices],
        mirror: () => {
          const r = rates();
          return [
            positionHealth(state, position, r, prices).remainingCollateralUsd,
            maintenanceMarginUsd(state, position.sizeUsd),
            isLiquidatable(state, position, r, prices),
          ];
        },
      });
      // The keeper's scanner (its shortcut decision) against the same view.
      calls.push({
        functionName: "getPositionHealth",
        args: [keys[i], prices],
        mirror: () => {
          const scanner = createLiquidationScanner(state, prices, block.timestamp);
          const full = scanner.check(position);
          return [full.remainingCollateralUsd, full.maintenanceMarginUsd, scanner.isLiquidatable(position)];
        },
      });
    }
  }
  const results = await multicall(env.publicClient, {
    deployless: true,
    batchSize: 12_000,
    allowFailure: true,
    blockNumber: block.blockNumber,
    contracts: calls.map((call) => ({
      address: env.exchange,
      abi: exchangeAbi as Abi,
      functionName: call.functionName,
      args: call.args,
    })),
  });
  for (const [i, call] of calls.entries()) {
    const result = results[i];
    const chain: Outcome =
      result === undefined
        ? { ok: false, error: "missing", args: [] }
        : result.status === "success"
          ? { ok: true, value: result.result }
          : chainFailure(result.error);
    expectSame(
      `${call.functionName} at block ${block.blockNumber}`,
      mirrorOutcome(call.mirror),
      chain,
      () => ({ context, call: call.args, timestamp: block.timestamp }),
    );
  }
}

/**
 * The liquidation price solver against the contract: at the solved price the view says liquidatable,
 * one unit toward the current price it does not (same block, same price scenario).
 */
async function compareLiquidationPrices(
  env: DevchainEnv,
  market: LocalMarket,
  state: MarketState,
  block: { blockNumber: bigint; timestamp: bigint },
  keys: readonly Hex[],
  positions: readonly PositionState[],
  prices: MarketPrices,
  context: unknown,
): Promise<void> {
  const calls: { key: Hex; prices: MarketPrices; expected: boolean }[] = [];
  for (const [i, position] of positions.entries()) {
    const key = keys[i];
    if (key === undefined) continue;
    const solved = liquidationPrice({ market: state, position, prices, timestamp: block.timestamp });
    if (solved.price === undefined || solved.liquidatableNow) continue;
    const pricesAt = scaledPricesAt(state, prices, position.isLong);
    calls.push({ key, prices: pricesAt(solved.price), expected: true });
    calls.push({
      key,
      prices: pricesAt(position.isLong ? solved.price + 1n : solved.price - 1n),
      expected: false,
    });
  }
  if (calls.length === 0) return;
  const results = await multicall(env.publicClient, {
    deployless: true,
    batchSize: 12_000,
    allowFailure: false,
    blockNumber: block.blockNumber,
    contracts: calls.map((call) => ({
      address: env.exchange,
      abi: exchangeAbi,
      functionName: "getPositionHealth" as const,
      args: [call.key, call.prices] as const,
    })),
  });
  for (const [i, call] of calls.entries()) {
    const liquidatable = results[i]?.[2];
    expectSame(
      `liquidation price of ${call.key} (liquidatable=${call.expected})`,
      call.expected,
      liquidatable,
      () => ({ context, prices: call.prices, timestamp: block.timestamp, market: market.name }),
    );
  }
}
