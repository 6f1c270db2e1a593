import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Indexer } from "../src/indexer/indexer.js";
import { IndexerRpcError } from "../src/indexer/indexer-errors.js";
import type { IndexedLog } from "../src/store/log-store.js";
import { MemoryLogStore } from "../src/store/memory-log-store.js";
import { type AnvilInstance, startAnvil } from "./anvil.js";
import { createReadClient, deployEmitter, type EmitterChain, waitFor } from "./chain.js";
import { type FlakyRpcProxy, startFlakyRpcProxy } from "./flaky-rpc-proxy.js";

let anvil: AnvilInstance;
let chain: EmitterChain;
let proxy: FlakyRpcProxy;

beforeAll(async () => {
  anvil = await startAnvil();
  chain = await deployEmitter(anvil.rpcUrl, inject("emitterArtifact"));
  proxy = await startFlakyRpcProxy(anvil.rpcUrl);
});

afterAll(async () => {
  await proxy?.close();
  await anvil?.stop();
});

function pollingIndexer(
  store: MemoryLogStore,
  retry = { attempts: 2, baseDelayMs: 5, maxDelayMs: 10 },
): Indexer {
  return new Indexer({
    client: createReadClient(proxy.url),
    store,
    address: chain.emitter,
    events: inject("emitterArtifact").abi,
    startBlock: chain.deployBlock,
    maxBlockRange: 10n,
    confirmations: 0n,
    pollIntervalMs: 25,
    retry,
  });
}

describe("Indexer polling", () => {
  it("delivers new logs to subscribers as blocks arrive, until stopped", async () => {
    const store = new MemoryLogStore();
    const indexer = pollingIndexer(store);
    const received: IndexedLog[] = [];
    const unsubscribe = indexer.subscribe({ onLogs: ({ logs }) => received.push(...logs) });
    indexer.start();
    indexer.start(); // a second call does nothing
    expect(indexer.isPolling).toBe(true);

    for (let seq = 1n; seq <= 5n; seq++) {
      await chain.move(seq, seq);
      await waitFor(() => received.length === Number(seq));
    }
    await indexer.stop();
    expect(indexer.isPolling).toBe(false);
    expect(received.map((log) => (log.args as { seq: bigint }).seq)).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(received).toEqual(await store.getLogs());

    // After stop, explicit runs still work and unsubscribed listeners hear nothing.
    unsubscribe();
    await chain.move(6n, 6n);
    await indexer.runOnce();
    expect(received).toHaveLength(5);
    expect(await store.countLogs()).toBe(6);
  });

  it("reports polling errors to onError and keeps polling", async () => {
    const store = new MemoryLogStore();
    const indexer = pollingIndexer(store);
    const errors: unknown[] = [];
    indexer.subscribe({ onError: (error) => errors.push(error) });
    proxy.faults.alwaysFailMethod = "eth_blockNumber";
    indexer.start();
    await waitFor(() => errors.length >= 2);
    expect(errors[0]).toBeInstanceOf(IndexerRpcError);
    expect(await store.getCheckpoint()).toBeNull();

    proxy.faults.alwaysFailMethod = null;
    const head = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
    await waitFor(async () => (await store.getCheckpoint())?.blockNumber === head);
    await indexer.stop();
    expect(await store.countLogs()).toBe(6);
  });

  it("stop() interrupts a long retry back-off", async () => {
    const indexer = pollingIndexer(new MemoryLogStore(), {
      attempts: 10,
      baseDelayMs: 600_000,
      maxDelayMs: 600_000,
    });
    proxy.faults.alwaysFailMethod = "eth_blockNumber";
    const failedBefore = proxy.stats.failed;
    indexer.start();
    await waitFor(() => proxy.stats.failed > failedBefore);
    // Would wait 5 to 10 minutes for the next retry; stop must not.
    await indexer.stop();
    proxy.faults.alwaysFailMethod = null;
    expect(indexer.isPolling).toBe(false);
  });
});
