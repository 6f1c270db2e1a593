import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Address, createPublicClient, http, type PublicClient, parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LP_CATEGORIES, POOL_CATEGORIES } from "../src/accounting/categories.js";
import { ExchangeIndexer } from "../src/exchange/exchange-indexer.js";
import { getAttribution } from "../src/queries/attribution.js";
import { getBadDebtLedger } from "../src/queries/bad-debt-ledger.js";
import { getImpermanentLoss } from "../src/queries/impermanent-loss.js";
import { getLpPosition, getLpPositions } from "../src/queries/lp-position.js";
import { getPoolSnapshot } from "../src/queries/pool-snapshot.js";
import { reconcileAttribution } from "../src/queries/reconcile-attribution.js";
import { reconcileWithChain } from "../src/queries/reconcile-with-chain.js";
import { getTimeSeries } from "../src/queries/time-series.js";
import type { LogStore } from "../src/store/log-store.js";
import { MemoryLogStore } from "../src/store/memory-log-store.js";
import { SqliteLogStore } from "../src/store/sqlite-log-store.js";
import { ExchangeDriver, unitPrice } from "./exchange/driver.js";
import {
  bookDeposit,
  bookDispose,
  bookReceive,
  type ExpectedLpBook,
  emptyBook,
  expectedPoolFigures,
  within,
} from "./exchange/expectations.js";

const USD = 10n ** 30n;
const usdc = (dollars: bigint): bigint => dollars * 10n ** 6n;
const USDC_UNIT = unitPrice("1", 6);
const LP_A = 0;
const LP_B = 1;

describe("LP accounting of a scripted history on the real exchange (anvil)", () => {
  let driver: ExchangeDriver;
  let client: PublicClient;
  let dir: string;
  let store: LogStore;
  let indexer: ExchangeIndexer;
  /** The LPs' books, replayed by the test from receipts and chain reads. */
  const books = new Map<number, ExpectedLpBook>([
    [LP_A, emptyBook()],
    [LP_B, emptyBook()],
  ]);

  const newIndexer = (logStore: LogStore): ExchangeIndexer =>
    new ExchangeIndexer({
      client,
      store: logStore,
      exchange: driver.deployment.exchange,
      oracle: driver.deployment.oracle,
      markets: [driver.market, driver.deployment.btcUsdMarket],
      startBlock: 0n,
      maxBlockRange: 7n,
      confirmations: 0n,
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    });

  const lastAction = () => driver.actions[driver.actions.length - 1] as ExchangeDriver["actions"][number];

  /**
   * After every action: index, then check the figures against the chain and against themselves:
   * pool value, supply, bad-debt counters and LP balances equal the chain's; pool and LP attributions
   * since the market's creation add up exactly; each LP's value is its pro-rata part of the chain's
   * pool value; the LPs' categories add up to the pool's.
   */
  const indexAndCheck = async (): Promise<void> => {
    await indexer.runOnce();
    const { accounting } = indexer;
    const market = driver.market;
    const chain = await reconcileWithChain(client, accounting, {
      exchange: driver.deployment.exchange,
      market,
    });
    const at = { block: chain.blockNumber, timestamp: chain.timestamp };
    const pool = reconcileAttribution(getAttribution(accounting, { market, from: { block: 0n }, to: at }));
    expect(pool.endValueUsd).toBe(chain.poolValueUsd);
    const lpSums = Object.fromEntries(LP_CATEGORIES.map((name) => [name, 0n])) as Record<string, bigint>;
    for (const lp of [LP_A, LP_B]) {
      const account = driver.address(lp);
      const attribution = reconcileAttribution(
        getAttribution(accounting, { market, account, from: { block: 0n }, to: at }),
      );
      const shares = await driver.sharesOf(lp, chain.blockNumber);
      const expectedValue = chain.totalSupply === 0n ? 0n : (chain.poolValueUsd * shares) / chain.totalSupply;
      expect(attribution.endValueUsd).toBe(expectedValue);
      for (const name of LP_CATEGORIES) lpSums[name] = (lpSums[name] ?? 0n) + attribution.categories[name];
    }
    for (const name of POOL_CATEGORIES) {
      // What the LPs' parts leave over is the floor of each pro-rata division: a few units.
      expect(within(lpSums[name] ?? 0n, pool.categories[name], 1_000n), name).toBe(true);
    }
    expect(within(lpSums.liquidityFees ?? 0n, 0n, 1_000n)).toBe(true);
  };

  beforeAll(async () => {
    driver = await ExchangeDriver.start();
    client = createPublicClient({
      chain: driver.devchain.chain,
      transport: http(driver.devchain.rpcUrl, { retryCount: 0 }),
    });
    dir = mkdtempSync(join(tmpdir(), "lp-accounting-exchange-"));
    store = new SqliteLogStore({ filename: join(dir, "exchange.sqlite") });
    indexer = newIndexer(store);
  });

  afterAll(async () => {
    await store?.close();
    await driver?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("phase 1: deposits by two LPs, trades, accrual over a warped day, a price move, a cancelled request", async () => {
    const recordDeposit = (lp: number): void => {
      const event = lastAction().exchangeEvents.find((e) => e.eventName === "DepositExecuted");
      if (event?.eventName !== "DepositExecuted") throw new Error("no DepositExecuted");
      const { weth } = driver.prices;
      bookDeposit(
        books.get(lp) as ExpectedLpBook,
        event.args.longTokenAmount,
        event.args.shortTokenAmount,
        event.args.sharesMinted,
        event.args.longTokenAmount * weth + event.args.shortTokenAmount * USDC_UNIT,
      );
    };
    await driver.deposit(LP_A, parseEther("30"), usdc(30_000n));
    recordDeposit(LP_A);
    await indexAndCheck();
    await driver.deposit(LP_B, parseEther("10"), usdc(50_000n));
    recordDeposit(LP_B);
    await indexAndCheck();
    await driver.increase(2, true, 60_000n * USD, usdc(6_000n));
    await indexAndCheck();
    await driver.increase(3, false, 20_000n * USD, usdc(2_000n));
    await indexAndCheck();
    // A deposit whose minimum shares cannot be met: executed as a cancellation (escrow refunded).
    await expect(driver.deposit(LP_B, 0n, usdc(1_000n), 10n ** 30n)).rejects.toThrow("MinSharesNotMet");
    await indexAndCheck();
    driver.warp(86_400n);
    driver.ethPrice = "3150";
    await driver.decrease(2, true, 20_000n * USD);
    await indexAndCheck();
    await driver.decrease(3, false, 20_000n * USD);
    await indexAndCheck();
    const steps = indexer.accounting.pool(driver.market).steps.map((step) => step.kind);
    expect(steps).toContain("accrual");
    expect(steps).toContain("cancel");
    expect(steps).toContain("price");
  });

  it("restarts from the SQLite file mid-way and resumes from its checkpoint", async () => {
    const checkpoint = await store.getCheckpoint();
    const logsBefore = await store.countLogs();
    await store.close();
    store = new SqliteLogStore({ filename: join(dir, "exchange.sqlite") });
    indexer = newIndexer(store);
    const result = await indexer.runOnce();
    expect(result.windows).toBe(0);
    expect(await store.countLogs()).toBe(logsBefore);
    expect(indexer.accounting.indexedThrough).toEqual(checkpoint);
    await indexAndCheck();
  });

  it("phase 2: a share transfer, liquidations without and with a shortfall, closes and withdrawals", async () => {
    const { accounting } = indexer;
    // LP A sends 5,000 shares to LP B, valued at the pool's value per share after the last execution.
    const lastExecution = lastAction();
    const valueBefore = await driver.poolValueAt(lastExecution.blockNumber, driver.ethPrice);
    const supplyBefore = getPoolSnapshot(accounting, {
      market: driver.market,
      at: { block: lastExecution.blockNumber },
    }).totalSupply;
    const sent = 5_000n * 10n ** 18n;
    await driver.transferShares(LP_A, LP_B, sent);
    const transferValue = (valueBefore * sent) / supplyBefore;
    const slice = bookDispose(books.get(LP_A) as ExpectedLpBook, sent, transferValue);
    bookReceive(books.get(LP_B) as ExpectedLpBook, sent, transferValue, slice);
    await indexAndCheck();

    // 40x and 20x longs at 3150.
    await driver.increase(4, true, 20_000n * USD, usdc(500n));
    await indexAndCheck();
    await driver.increase(5, true, 30_000n * USD, usdc(1_500n));
    await indexAndCheck();
    // -2%: the 40x long falls below maintenance with collateral left: liquidated, no shortfall.
    driver.ethPrice = "3087";
    expect(await driver.liquidate(4, true)).toBe(true);
    await indexAndCheck();
    // A gap of -9.49% (inside the oracle's 10% deviation guard): the 20x long's loss exceeds its
    // collateral. Shares held just before, from the chain, split the loss the LPs absorb.
    const beforeGap = lastAction().blockNumber;
    const holdings = await Promise.all([LP_A, LP_B].map((lp) => driver.sharesOf(lp, beforeGap)));
    driver.ethPrice = "2794";
    expect(await driver.liquidate(5, true)).toBe(true);
    await indexAndCheck();
    const shortfall = lastAction().exchangeEvents.find((e) => e.eventName === "ShortfallRecorded");
    if (shortfall?.eventName !== "ShortfallRecorded") throw new Error("expected a shortfall");
    expect(shortfall.args.absorbedByLpUsd).toBeGreaterThan(0n);
    expect(shortfall.args.coveredByInsuranceUsd).toBeGreaterThan(0n);

    const ledger = getBadDebtLedger(accounting, { market: driver.market });
    expect(ledger.entries).toHaveLength(1);
    const [entry] = ledger.entries;
    const supply = (holdings[0] as bigint) + (holdings[1] as bigint);
    expect(entry).toMatchObject({
      account: driver.address(5),
      positionKey: driver.positionKey(5, true),
      shortfallUsd: shortfall.args.shortfallUsd,
      coveredByInsuranceUsd: shortfall.args.coveredByInsuranceUsd,
      absorbedByLpUsd: shortfall.args.absorbedByLpUsd,
      blockNumber: lastAction().blockNumber,
      totalSupply: supply,
    });
    expect(entry?.lpShares.map((part) => part.absorbedUsd)).toEqual(
      holdings.map((shares) => (shortfall.args.absorbedByLpUsd * shares) / supply),
    );

    // The rest of the long closes at the low; a week passes; both LPs withdraw.
    driver.warp(7n * 86_400n);
    await driver.decrease(2, true, 40_000n * USD);
    await indexAndCheck();
    for (const [lp, fraction] of [
      [LP_B, 2n],
      [LP_A, 1n],
    ] as const) {
      const shares = (books.get(lp) as ExpectedLpBook).shares / fraction;
      await driver.withdraw(lp, shares);
      const event = lastAction().exchangeEvents.find((e) => e.eventName === "WithdrawalExecuted");
      if (event?.eventName !== "WithdrawalExecuted") throw new Error("no WithdrawalExecuted");
      const { weth } = driver.prices;
      bookDispose(
        books.get(lp) as ExpectedLpBook,
        event.args.sharesBurned,
        event.args.longTokenAmount * weth + event.args.shortTokenAmount * USDC_UNIT,
      );
      await indexAndCheck();
    }
  });

  it("attributes the whole history exactly, category by category, as computed from the receipts", async () => {
    const { accounting } = indexer;
    const expected = expectedPoolFigures(driver.actions);
    const end = lastAction();
    const attribution = reconcileAttribution(
      getAttribution(accounting, {
        market: driver.market,
        from: { block: 0n },
        to: { block: end.blockNumber },
      }),
    );
    const chainEndValue = await driver.poolValueAt(end.blockNumber, driver.ethPrice);
    expect(attribution.startValueUsd).toBe(0n);
    expect(attribution.endValueUsd).toBe(chainEndValue);
    expect(attribution.flowsUsd).toBe(expected.flows);
    const c = attribution.categories;
    expect({
      positionFees: c.positionFees,
      borrowingFees: c.borrowingFees,
      funding: c.funding,
      priceImpact: c.priceImpact,
      traderPnl: c.traderPnl,
      insuranceCoverage: c.insuranceCoverage,
      badDebt: c.badDebt,
      priceMoves: c.priceMoves,
      liquidationFees: c.liquidationFees,
      liquidityFees: c.liquidityFees,
      other: c.other,
      rounding: c.rounding,
    }).toEqual({
      positionFees: expected.positionFees,
      borrowingFees: expected.borrowingFees,
      funding: expected.funding,
      priceImpact: expected.priceImpact,
      traderPnl: expected.traderPnl,
      insuranceCoverage: expected.insuranceCoverage,
      badDebt: expected.badDebt,
      priceMoves: expected.priceMoves,
      liquidationFees: 0n,
      liquidityFees: 0n,
      other: 0n,
      rounding: 0n,
    });
    // With zero oracle confidence, settlement differs from the mid price only by token rounding
    // (at most one USDC unit, 1e24, per settlement).
    expect(within(c.executionSpread, 0n, BigInt(driver.actions.length) * USDC_UNIT)).toBe(true);
    expect(chainEndValue - expected.flows).toBe(LP_CATEGORIES.reduce((sum, name) => sum + c[name], 0n));
    expect(c.borrowingFees).toBeGreaterThan(0n);
    expect(c.badDebt + c.insuranceCoverage).toBe(
      -getBadDebtLedger(accounting, { market: driver.market }).totals.absorbedByLpUsd,
    );
  });

  it("gives each LP its position, cost basis, returns and HODL comparison as replayed from the receipts", async () => {
    const { accounting } = indexer;
    const end = lastAction();
    const at = { block: end.blockNumber };
    const value = await driver.poolValueAt(end.blockNumber, driver.ethPrice);
    const supply = getPoolSnapshot(accounting, { market: driver.market, at }).totalSupply;
    const { weth } = driver.prices;
    for (const lp of [LP_A, LP_B]) {
      const book = books.get(lp) as ExpectedLpBook;
      const position = getLpPosition(accounting, { market: driver.market, account: driver.address(lp), at });
      const expectedValue = (value * book.shares) / supply;
      expect({
        shares: position.shares,
        valueUsd: position.valueUsd,
        netFlowUsd: position.netFlowUsd,
        costBasisUsd: position.costBasisUsd,
        realizedReturnUsd: position.realizedReturnUsd,
        unrealizedReturnUsd: position.unrealizedReturnUsd,
        hodlLongAmount: position.hodlLongAmount,
        hodlShortAmount: position.hodlShortAmount,
        impermanentLossUsd: position.impermanentLossUsd,
      }).toEqual({
        shares: book.shares,
        valueUsd: expectedValue,
        netFlowUsd: book.flows,
        costBasisUsd: book.costBasis,
        realizedReturnUsd: book.realized,
        unrealizedReturnUsd: expectedValue - book.costBasis,
        hodlLongAmount: book.hodlLong,
        hodlShortAmount: book.hodlShort,
        impermanentLossUsd: expectedValue - (book.hodlLong * weth + book.hodlShort * USDC_UNIT),
      });
      expect(position.realizedReturnUsd + position.unrealizedReturnUsd).toBe(position.totalReturnUsd);
      expect(position.deposits.length + position.withdrawals.length + position.transfers.length).toBe(
        position.holdingChanges,
      );
      const il = getImpermanentLoss(accounting, { market: driver.market, account: driver.address(lp), at });
      expect(il.impermanentLossUsd).toBe(position.impermanentLossUsd);
    }
    const [depositA] = getLpPosition(accounting, {
      market: driver.market,
      account: driver.address(LP_A),
      at,
    }).deposits;
    // The first deposit into an empty pool: shares at the virtual $1 per share, minus the liquidity fee.
    expect(depositA?.executionSharePriceUsd).toBe(USD);
    expect(getLpPositions(accounting, { market: driver.market, at }).map((p) => p.account)).toEqual([
      driver.address(LP_A),
      driver.address(LP_B),
    ]);
  });

  it("builds chart series from every step and a daily sample", async () => {
    const { accounting } = indexer;
    const market = driver.market;
    const series = getTimeSeries(accounting, {
      market,
      intervalSeconds: 86_400n,
      account: driver.address(LP_A),
    });
    const pool = accounting.pool(market);
    expect(series.filter((point) => point.source !== "interval")).toHaveLength(pool.steps.length);
    const intervalPoints = series.filter((point) => point.source === "interval");
    const span = (pool.lastStep.timestamp - (pool.steps[0]?.timestamp ?? 0n)) / 86_400n;
    expect(intervalPoints).toHaveLength(Number(span) + 1);
    for (let i = 1; i < series.length; i++) {
      expect((series[i]?.timestamp ?? 0n) >= (series[i - 1]?.timestamp ?? 0n)).toBe(true);
    }
    const last = series[series.length - 1];
    const snapshot = getPoolSnapshot(accounting, { market, at: { block: pool.lastStep.blockNumber } });
    expect(last).toMatchObject({
      poolValueUsd: snapshot.valueUsd,
      cumulativeBadDebtUsd: getBadDebtLedger(accounting, { market }).totals.absorbedByLpUsd,
      insuranceFundUsd: snapshot.insuranceFundUsd,
    });
    expect(last?.lp?.valueUsd).toBe(
      getLpPosition(accounting, {
        market,
        account: driver.address(LP_A),
        at: { block: pool.lastStep.blockNumber },
      }).valueUsd,
    );
    expect(series.some((point) => point.utilizationLong > 0n)).toBe(true);
  });

  it("gives the same figures as a fresh index of the whole chain into memory", async () => {
    const fresh = newIndexer(new MemoryLogStore());
    await fresh.runOnce();
    const market = driver.market;
    const at = { block: lastAction().blockNumber };
    const figures = (target: ExchangeIndexer) => ({
      pool: getAttribution(target.accounting, { market, from: { block: 0n }, to: at }),
      lps: getLpPositions(target.accounting, { market, at }),
      ledger: getBadDebtLedger(target.accounting, { market }),
      series: getTimeSeries(target.accounting, { market, intervalSeconds: 3_600n }),
    });
    expect(figures(indexer)).toEqual(figures(fresh));
    expect(fresh.accounting.markets()).toEqual([driver.market, driver.deployment.btcUsdMarket] as Address[]);
  });
});
