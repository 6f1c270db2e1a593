import { describe, expect, it } from "vitest";
import { LP_CATEGORIES } from "../src/accounting/categories.js";
import { InvalidRangeError, NotIndexedError, ReconciliationError, UnknownPoolError } from "../src/errors.js";
import { ExchangeIndexer } from "../src/exchange/exchange-indexer.js";
import { IndexerRpcError } from "../src/indexer/indexer-errors.js";
import { getAttribution } from "../src/queries/attribution.js";
import { getBadDebtLedger, reconcileBadDebtLedger } from "../src/queries/bad-debt-ledger.js";
import { getLpPositions } from "../src/queries/lp-position.js";
import { getPoolSnapshot } from "../src/queries/pool-snapshot.js";
import { reconcileAttribution } from "../src/queries/reconcile-attribution.js";
import { getTimeSeries } from "../src/queries/time-series.js";
import { MemoryLogStore } from "../src/store/memory-log-store.js";
import { syntheticExchangeChain } from "./exchange/synthetic-exchange-chain.js";
import { SYNTHETIC, syntheticExchangeHistory } from "./exchange/synthetic-history.js";

const history = syntheticExchangeHistory(4_000, 11);

function indexerFor(failGetLogs = false): {
  indexer: ExchangeIndexer;
  store: MemoryLogStore;
  chain: ReturnType<typeof syntheticExchangeChain>;
} {
  const chain = syntheticExchangeChain(history, { failGetLogs });
  const store = new MemoryLogStore();
  const indexer = new ExchangeIndexer({
    client: chain.client,
    store,
    exchange: SYNTHETIC.exchange,
    oracle: SYNTHETIC.oracle,
    markets: [SYNTHETIC.market],
    startBlock: 1n,
    maxBlockRange: 50n,
    confirmations: 0n,
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
  });
  return { indexer, store, chain };
}

describe("LP accounting of a synthetic history in the real ABI shapes", async () => {
  const { indexer } = indexerFor();
  await indexer.runOnce();
  const { accounting } = indexer;
  const market = SYNTHETIC.market;
  const end = { block: accounting.indexedThrough?.blockNumber ?? 0n };

  it("reconciles the pool and every LP over the whole history and over sub-intervals", () => {
    const pool = accounting.pool(market);
    expect(pool.steps.length).toBeGreaterThan(500);
    reconcileAttribution(getAttribution(accounting, { market, from: { block: 0n }, to: end }));
    const middle = pool.steps[Math.floor(pool.steps.length / 2)]?.blockNumber ?? 0n;
    for (const [from, to] of [
      [0n, middle],
      [middle, end.block],
    ] as const) {
      reconcileAttribution(getAttribution(accounting, { market, from: { block: from }, to: { block: to } }));
      for (const lp of getLpPositions(accounting, { market, at: end })) {
        reconcileAttribution(
          getAttribution(accounting, {
            market,
            account: lp.account,
            from: { block: from },
            to: { block: to },
          }),
        );
      }
    }
  });

  it("splits the pool's categories between LPs to within rounding", () => {
    const pool = getAttribution(accounting, { market, from: { block: 0n }, to: end });
    const lps = getLpPositions(accounting, { market, at: end });
    for (const name of LP_CATEGORIES) {
      if (name === "liquidityFees" || name === "rounding") continue;
      const sum = lps.reduce((total, lp) => total + lp.categories[name], 0n);
      const difference = sum - pool.categories[name];
      expect(difference <= 10_000n && difference >= -10_000n, name).toBe(true);
    }
  });

  it("keeps a bad-debt ledger whose LP parts add up to what LPs absorbed", () => {
    const ledger = getBadDebtLedger(accounting, { market });
    expect(ledger.entries.length).toBeGreaterThan(0);
    for (const entry of ledger.entries) {
      const parts = entry.lpShares.reduce((sum, part) => sum + part.absorbedUsd, 0n);
      expect(parts + entry.unallocatedUsd).toBe(entry.absorbedByLpUsd);
      expect(entry.unallocatedUsd < BigInt(entry.lpShares.length + 1)).toBe(true);
    }
    expect(reconcileBadDebtLedger(ledger, ledger.totals)).toBe(ledger);
    expect(() =>
      reconcileBadDebtLedger(ledger, {
        ...ledger.totals,
        absorbedByLpUsd: ledger.totals.absorbedByLpUsd + 1n,
      }),
    ).toThrow(ReconciliationError);
    expect(getPoolSnapshot(accounting, { market, at: end }).ledger).toEqual(ledger.totals);
  });

  it("throws loudly, with the numbers, when an attribution does not add up", () => {
    const attribution = getAttribution(accounting, { market, from: { block: 0n }, to: end });
    const tampered = {
      ...attribution,
      categories: { ...attribution.categories, positionFees: attribution.categories.positionFees + 1n },
    };
    expect(() => reconcileAttribution(tampered)).toThrow(ReconciliationError);
    expect(() => reconcileAttribution(tampered)).toThrow(/differenceUsd = -1/);
  });

  it("rejects unknown pools, ranges out of order and points beyond the index", () => {
    expect(() => getPoolSnapshot(accounting, { market: SYNTHETIC.weth, at: end })).toThrow(UnknownPoolError);
    expect(() => getAttribution(accounting, { market, from: { block: 20n }, to: { block: 10n } })).toThrow(
      InvalidRangeError,
    );
    expect(() =>
      getAttribution(accounting, {
        market,
        from: { timestamp: 1_700_100_000n },
        to: { timestamp: 1_700_000_000n },
      }),
    ).toThrow("out of order");
    expect(() => getPoolSnapshot(accounting, { market, at: { block: end.block + 1n } })).toThrow(
      NotIndexedError,
    );
    expect(() => getPoolSnapshot(accounting, { market, at: {} })).toThrow(InvalidRangeError);
    expect(() => getTimeSeries(accounting, { market, intervalSeconds: 0n })).toThrow(InvalidRangeError);
  });

  it("samples chart series at every step and at a fixed interval", () => {
    const series = getTimeSeries(accounting, { market, intervalSeconds: 3_600n, excludeKinds: ["accrual"] });
    const pool = accounting.pool(market);
    expect(series.filter((p) => p.source !== "interval").length).toBe(
      pool.steps.filter((s) => s.kind !== "accrual").length,
    );
    expect(series.filter((p) => p.source === "interval").length).toBeGreaterThan(10);
    expect(series.at(-1)?.cumulativeBadDebtUsd).toBe(
      getBadDebtLedger(accounting, { market }).totals.absorbedByLpUsd,
    );
  });

  it("polls: start() applies new blocks and reports each run, stop() ends the loop", async () => {
    const polled = indexerFor();
    const updates: bigint[] = [];
    const first = new Promise<void>((resolve) => {
      polled.indexer.start({
        onUpdate: (result) => {
          updates.push(result.checkpoint?.blockNumber ?? -1n);
          resolve();
        },
      });
    });
    await first;
    await polled.indexer.stop();
    expect(updates[0]).toBe(polled.chain.head);
    expect(polled.indexer.accounting.pool(market).steps.length).toBe(accounting.pool(market).steps.length);
  });

  it("fails with a clear RPC error after its retries and leaves no gap", async () => {
    const failing = indexerFor(true);
    const error = await failing.indexer.runOnce().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexerRpcError);
    expect((error as Error).message).toMatch(/eth_getLogs for blocks 1\.\.50 failed after 3 attempts: .*503/);
    expect(await failing.store.getCheckpoint()).toBeNull();
    expect(failing.indexer.accounting.markets()).toEqual([]);
  });
});
