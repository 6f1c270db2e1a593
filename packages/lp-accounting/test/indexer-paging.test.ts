import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Indexer } from "../src/indexer/indexer.js";
import type { IndexedWindow, IndexerParameters } from "../src/indexer/indexer-types.js";
import type { IndexedLog, LogStore } from "../src/store/log-store.js";
import { MemoryLogStore } from "../src/store/memory-log-store.js";
import { SqliteLogStore } from "../src/store/sqlite-log-store.js";
import { type AnvilInstance, startAnvil } from "./anvil.js";
import { deployEmitter, type EmitterChain, identities, logsOnChain, testAccount } from "./chain.js";

let anvil: AnvilInstance;
let chain: EmitterChain;
const dir = mkdtempSync(join(tmpdir(), "lp-accounting-paging-"));

/** `seq` of each `Moved` and `Noted` log, in the order they were emitted. */
const emittedSeqs: bigint[] = [];

function indexerFor(store: LogStore, overrides: Partial<IndexerParameters> = {}): Indexer {
  return new Indexer({
    client: chain.publicClient,
    store,
    address: chain.emitter,
    events: inject("emitterArtifact").abi,
    startBlock: chain.deployBlock,
    maxBlockRange: 3n,
    confirmations: 0n,
    retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 50 },
    ...overrides,
  });
}

function seqs(logs: readonly IndexedLog[]): bigint[] {
  return logs.map((log) => (log.args as { seq: bigint }).seq);
}

beforeAll(async () => {
  anvil = await startAnvil();
  chain = await deployEmitter(anvil.rpcUrl, inject("emitterArtifact"));
  // ~100 blocks: single events, empty stretches, a block with five logs, a second event type.
  for (let seq = 0n; seq < 20n; seq++) {
    await chain.move(seq, 10n ** 30n + seq, -(2n ** 200n) - seq);
    emittedSeqs.push(seq);
    if (seq % 2n === 0n) await chain.testClient.mine({ blocks: 7 });
    if (seq === 10n) {
      await chain.moveMany(100n, 5n, 1n);
      emittedSeqs.push(100n, 101n, 102n, 103n, 104n);
      await chain.note(200n, "a note with a dynamic string field");
      emittedSeqs.push(200n);
    }
  }
});

afterAll(async () => {
  await anvil?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("Indexer paging against anvil", () => {
  it("gets every event exactly once, in order, with a 3-block window over ~100 blocks", async () => {
    const store = new MemoryLogStore();
    const indexer = indexerFor(store);
    const delivered: IndexedWindow[] = [];
    indexer.subscribe({ onLogs: (window) => delivered.push(window) });

    const result = await indexer.runOnce();
    const head = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
    expect(head - chain.deployBlock).toBeGreaterThan(90n);
    expect(result.safeHead).toBe(head);
    expect(result.checkpoint?.blockNumber).toBe(head);
    expect(result.windows).toBe(Math.ceil(Number(head - chain.deployBlock + 1n) / 3));
    expect(result.reorgs).toEqual([]);

    const stored = await store.getLogs();
    expect(stored).toHaveLength(emittedSeqs.length);
    expect(seqs(stored)).toEqual(emittedSeqs);
    expect(identities(stored)).toEqual(await logsOnChain(chain, chain.deployBlock, head));
    // Each log was delivered to the subscriber once, in the same order.
    expect(delivered.flatMap((window) => window.logs)).toEqual(stored);
    expect(delivered.every((window) => window.toBlock - window.fromBlock < 3n)).toBe(true);

    // Decoded values, including > 2^53 and negative bigints and the second event type.
    expect(stored[1]?.args).toEqual({
      account: testAccount,
      seq: 1n,
      amount: 10n ** 30n + 1n,
      delta: -(2n ** 200n) - 1n,
    });
    const note = stored.find((log) => log.eventName === "Noted");
    expect(note?.args).toEqual({ seq: 200n, memo: "a note with a dynamic string field" });
    const many = stored.filter(
      (log) => (log.args as { seq: bigint }).seq >= 100n && log.eventName === "Moved",
    );
    expect(new Set(many.map((log) => log.blockNumber)).size).toBe(1);
    expect(many.map((log) => log.logIndex)).toEqual([0, 1, 2, 3, 4]);
  });

  it("resumes from the SQLite checkpoint after a crash and ends with the same result", async () => {
    const filename = join(dir, "restart.sqlite");
    const reference = new MemoryLogStore();
    await indexerFor(reference, { maxBlockRange: 50n }).runOnce();

    // First process: "crashes" (its subscriber throws) after three windows were stored.
    const firstStore = new SqliteLogStore({ filename });
    const first = indexerFor(firstStore, { maxBlockRange: 5n });
    const windowsBeforeCrash: IndexedWindow[] = [];
    first.subscribe({
      onLogs: (window) => {
        windowsBeforeCrash.push(window);
        if (windowsBeforeCrash.length === 3) throw new Error("simulated crash");
      },
    });
    await expect(first.runOnce()).rejects.toThrow("simulated crash");
    const crashedAt = await firstStore.getCheckpoint();
    expect(crashedAt).not.toBeNull();
    const head = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
    expect(crashedAt?.blockNumber).toBeLessThan(head);
    await firstStore.close();

    // Second process: a new store and indexer on the same file.
    const secondStore = new SqliteLogStore({ filename });
    const second = indexerFor(secondStore, { maxBlockRange: 5n });
    const windowsAfterRestart: IndexedWindow[] = [];
    second.subscribe({ onLogs: (window) => windowsAfterRestart.push(window) });
    await second.runOnce();
    expect(windowsAfterRestart[0]?.fromBlock).toBeGreaterThan(crashedAt?.blockNumber ?? 0n);
    // Every log reached a subscriber exactly once across the two processes.
    expect([...windowsBeforeCrash, ...windowsAfterRestart].flatMap((window) => window.logs)).toEqual(
      await reference.getLogs(),
    );

    expect(await secondStore.getLogs()).toEqual(await reference.getLogs());
    expect(await secondStore.getCheckpoint()).toEqual(await reference.getCheckpoint());
    await secondStore.close();
  });

  it("indexing the same range twice changes nothing", async () => {
    const store = new SqliteLogStore({ filename: join(dir, "twice.sqlite") });
    const indexer = indexerFor(store, { maxBlockRange: 7n });
    const windows: IndexedWindow[] = [];
    indexer.subscribe({ onLogs: (window) => windows.push(window) });
    await indexer.runOnce();
    const logs = await store.getLogs();
    const checkpoint = await store.getCheckpoint();

    // Nothing new on chain: a second run stores nothing.
    const again = await indexer.runOnce();
    expect(again.windows).toBe(0);
    expect(again.logs).toBe(0);

    // The same windows handed to the store again.
    for (const window of windows) {
      await store.appendBatch({ ...window, blockHashes: [window.checkpoint] });
    }
    expect(await store.getLogs()).toEqual(logs);
    expect(await store.getCheckpoint()).toEqual(checkpoint);

    // Roll back to an earlier block and index the same range again: identical result.
    const middle = (await store.getRecentBlockHashes()).find(
      (ref) => ref.blockNumber < (checkpoint?.blockNumber ?? 0n) - 20n,
    );
    expect(middle).toBeDefined();
    if (middle) await store.rollbackTo(middle);
    expect((await store.getLogs()).length).toBeLessThan(logs.length);
    await indexer.runOnce();
    expect(await store.getLogs()).toEqual(logs);
    expect(await store.getCheckpoint()).toEqual(checkpoint);
    await store.close();
  });

  it("holds back the unconfirmed tip until enough blocks are mined on top", async () => {
    const store = new MemoryLogStore();
    const indexer = indexerFor(store, { confirmations: 3n, maxBlockRange: 1000n });
    await indexer.runOnce();
    const before = await store.countLogs();

    const firstTipBlock = await chain.move(300n, 1n);
    await chain.move(301n, 1n);
    const head = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
    const held = await indexer.runOnce();
    expect(held.safeHead).toBe(head - 3n);
    expect(held.checkpoint?.blockNumber).toBe(head - 3n);
    expect(await store.getLogs({ fromBlock: firstTipBlock })).toEqual([]);
    expect(await store.countLogs()).toBe(before);

    await chain.testClient.mine({ blocks: 2 });
    const confirmedOne = await indexer.runOnce();
    expect(confirmedOne.checkpoint?.blockNumber).toBe(head - 1n);
    expect(seqs(await store.getLogs({ fromBlock: firstTipBlock }))).toEqual([300n]);

    await chain.testClient.mine({ blocks: 1 });
    await indexer.runOnce();
    expect(seqs(await store.getLogs({ fromBlock: firstTipBlock }))).toEqual([300n, 301n]);
  });
});
