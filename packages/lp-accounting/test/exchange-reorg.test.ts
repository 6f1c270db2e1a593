import { type Address, createPublicClient, http, type PublicClient, parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExchangeIndexer } from "../src/exchange/exchange-indexer.js";
import { getAttribution } from "../src/queries/attribution.js";
import { getLpPositions } from "../src/queries/lp-position.js";
import { reconcileAttribution } from "../src/queries/reconcile-attribution.js";
import { reconcileWithChain } from "../src/queries/reconcile-with-chain.js";
import type { LogStore } from "../src/store/log-store.js";
import { MemoryLogStore } from "../src/store/memory-log-store.js";
import { ExchangeDriver } from "./exchange/driver.js";

const USD = 10n ** 30n;

describe("LP accounting through a reorg (anvil evm_snapshot / evm_revert)", () => {
  let driver: ExchangeDriver;
  let client: PublicClient;

  const newIndexer = (store: LogStore): ExchangeIndexer =>
    new ExchangeIndexer({
      client,
      store,
      exchange: driver.deployment.exchange,
      oracle: driver.deployment.oracle,
      markets: [driver.market],
      startBlock: 0n,
      maxBlockRange: 5n,
      confirmations: 0n,
    });

  beforeAll(async () => {
    driver = await ExchangeDriver.start();
    client = createPublicClient({
      chain: driver.devchain.chain,
      transport: http(driver.devchain.rpcUrl, { retryCount: 0 }),
    });
  });

  afterAll(async () => {
    await driver?.stop();
  });

  it("drops the replaced blocks' figures and rebuilds from the store", async () => {
    const indexer = newIndexer(new MemoryLogStore());
    await driver.deposit(0, parseEther("20"), 60_000n * 10n ** 6n);
    await driver.deposit(1, 0n, 40_000n * 10n ** 6n);
    await indexer.runOnce();
    const snapshot = await driver.testClient.snapshot();

    // A branch that will be replaced: a long that closes in profit after a price rise.
    await driver.increase(2, true, 30_000n * USD, 3_000n * 10n ** 6n);
    driver.ethPrice = "3300";
    await driver.decrease(2, true, 30_000n * USD);
    await indexer.runOnce();
    const traderPnlOnBranch = getAttribution(indexer.accounting, {
      market: driver.market,
      from: { block: 0n },
      to: { block: driver.actions[driver.actions.length - 1]?.blockNumber ?? 0n },
    }).categories.traderPnl;
    expect(traderPnlOnBranch).toBeLessThan(0n);

    await driver.testClient.revert({ id: snapshot });
    // The canonical branch: a short that closes in profit after a fall.
    driver.ethPrice = "3000";
    await driver.increase(3, false, 20_000n * USD, 2_000n * 10n ** 6n);
    driver.ethPrice = "2850";
    await driver.decrease(3, false, 20_000n * USD);
    await driver.transferShares(0, 1, 10n ** 21n);
    const result = await indexer.runOnce();
    expect(result.reorgs.length).toBeGreaterThan(0);

    const { accounting } = indexer;
    const steps = accounting.pool(driver.market).steps;
    // No step comes from a replaced transaction: every step's transaction is on the chain now.
    for (const step of steps.slice(1)) {
      const receipt = await client.getTransactionReceipt({ hash: step.transactionHash });
      expect(receipt.blockNumber).toBe(step.blockNumber);
    }
    await reconcileWithChain(client, accounting, {
      exchange: driver.deployment.exchange,
      market: driver.market,
    });
    const end = { block: accounting.indexedThrough?.blockNumber ?? 0n };
    const pool = reconcileAttribution(
      getAttribution(accounting, { market: driver.market, from: { block: 0n }, to: end }),
    );
    expect(pool.categories.traderPnl).toBeLessThan(0n);
    expect(steps.some((step) => step.kind === "transfer")).toBe(true);

    const fresh = newIndexer(new MemoryLogStore());
    await fresh.runOnce();
    const figures = (target: ExchangeIndexer) => ({
      pool: getAttribution(target.accounting, { market: driver.market, from: { block: 0n }, to: end }),
      lps: getLpPositions(target.accounting, { market: driver.market, at: end }),
      steps: target.accounting.pool(driver.market as Address).steps.length,
    });
    expect(figures(indexer)).toEqual(figures(fresh));
  });
});
