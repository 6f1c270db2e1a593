import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { Indexer } from "../src/indexer/indexer.js";
import { IndexerRpcError } from "../src/indexer/indexer-errors.js";
import type { IndexerParameters } from "../src/indexer/indexer-types.js";
import type { LogStore } from "../src/store/log-store.js";
import { MemoryLogStore } from "../src/store/memory-log-store.js";
import { type AnvilInstance, startAnvil } from "./anvil.js";
import { createReadClient, deployEmitter, type EmitterChain, identities, logsOnChain } from "./chain.js";
import { type FlakyRpcProxy, startFlakyRpcProxy } from "./flaky-rpc-proxy.js";

let anvil: AnvilInstance;
let chain: EmitterChain;
let proxy: FlakyRpcProxy;

beforeAll(async () => {
  anvil = await startAnvil();
  chain = await deployEmitter(anvil.rpcUrl, inject("emitterArtifact"));
  proxy = await startFlakyRpcProxy(anvil.rpcUrl);
  for (let seq = 1n; seq <= 12n; seq++) {
    await chain.move(seq, seq);
    await chain.testClient.mine({ blocks: 2 });
  }
});

afterEach(() => {
  Object.assign(proxy.faults, { failNextRequests: 0, alwaysFailMethod: null, maxGetLogsBlocks: null });
});

afterAll(async () => {
  await proxy?.close();
  await anvil?.stop();
});

/** An indexer reading through the proxy, with fast retries. */
function indexerThroughProxy(store: LogStore, overrides: Partial<IndexerParameters> = {}): Indexer {
  return new Indexer({
    client: createReadClient(proxy.url),
    store,
    address: chain.emitter,
    events: inject("emitterArtifact").abi,
    startBlock: chain.deployBlock,
    maxBlockRange: 8n,
    confirmations: 0n,
    retry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 40 },
    ...overrides,
  });
}

async function expectComplete(store: LogStore): Promise<void> {
  const head = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
  expect((await store.getCheckpoint())?.blockNumber).toBe(head);
  expect(identities(await store.getLogs())).toEqual(await logsOnChain(chain, chain.deployBlock, head));
}

describe("Indexer against a failing RPC", () => {
  it("retries an RPC that fails three times, then succeeds", async () => {
    const store = new MemoryLogStore();
    proxy.faults.failNextRequests = 3;
    const failedBefore = proxy.stats.failed;
    await indexerThroughProxy(store).runOnce();
    expect(proxy.stats.failed - failedBefore).toBe(3);
    await expectComplete(store);
    expect(await store.countLogs()).toBe(12);
  });

  it("gives up on an RPC that always fails with an error naming the range and cause, without moving the checkpoint", async () => {
    const store = new MemoryLogStore();
    const indexer = indexerThroughProxy(store, { retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 } });
    await indexer.runOnce();
    const checkpoint = await store.getCheckpoint();
    const logs = await store.getLogs();

    await chain.move(98n, 98n);
    await chain.move(99n, 99n);
    proxy.faults.alwaysFailMethod = "eth_getLogs";
    const failure = await indexer.runOnce().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(IndexerRpcError);
    const error = failure as IndexerRpcError;
    const from = (checkpoint?.blockNumber ?? 0n) + 1n;
    expect(error.method).toBe("eth_getLogs");
    expect(error.fromBlock).toBe(from);
    expect(error.attempts).toBe(3);
    expect(error.message).toBe(
      `eth_getLogs for blocks ${from}..${from + 1n} failed after 3 attempts: HTTP request failed. ` +
        '(HTTP status 503, "upstream unavailable (injected by test proxy)")',
    );
    expect(error.cause).toBeDefined();
    expect(await store.getCheckpoint()).toEqual(checkpoint);
    expect(await store.getLogs()).toEqual(logs);

    // Once the RPC recovers, indexing continues where it stopped: no gap.
    proxy.faults.alwaysFailMethod = null;
    await indexer.runOnce();
    await expectComplete(store);
  });

  it("names the method when the head cannot be read", async () => {
    proxy.faults.alwaysFailMethod = "eth_blockNumber";
    const indexer = indexerThroughProxy(new MemoryLogStore(), {
      retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 5 },
    });
    await expect(indexer.runOnce()).rejects.toThrow(
      /^eth_blockNumber failed after 2 attempts: HTTP request failed/,
    );
  });

  it("halves the window while the RPC says it is too large, and still gets every event once", async () => {
    proxy.faults.maxGetLogsBlocks = 5n;
    const rejectedBefore = proxy.stats.rejectedAsTooLarge;
    const store = new MemoryLogStore();
    const indexer = indexerThroughProxy(store, { maxBlockRange: 64n });
    await indexer.runOnce();
    expect(proxy.stats.rejectedAsTooLarge - rejectedBefore).toBeGreaterThan(0);
    expect(indexer.windowSize).toBeLessThanOrEqual(8n);
    await expectComplete(store);
  });

  it("fails clearly when even a one-block window is too large", async () => {
    proxy.faults.maxGetLogsBlocks = 0n;
    const store = new MemoryLogStore();
    const indexer = indexerThroughProxy(store);
    await expect(indexer.runOnce()).rejects.toThrow(
      `eth_getLogs for block ${chain.deployBlock} failed after 1 attempt: ` +
        "Request exceeds defined limit. (code -32005, query returned more than 10000 results)",
    );
    expect(await store.getCheckpoint()).toBeNull();
  });
});
