import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Indexer } from "../src/indexer/indexer.js";
import type { ReorgNotification } from "../src/indexer/indexer-types.js";
import type { IndexedLog, LogStore } from "../src/store/log-store.js";
import { MemoryLogStore } from "../src/store/memory-log-store.js";
import { SqliteLogStore } from "../src/store/sqlite-log-store.js";
import { type AnvilInstance, startAnvil } from "./anvil.js";
import { deployEmitter, type EmitterChain, identities, logsOnChain } from "./chain.js";

let anvil: AnvilInstance;
let chain: EmitterChain;

beforeAll(async () => {
  anvil = await startAnvil();
  chain = await deployEmitter(anvil.rpcUrl, inject("emitterArtifact"));
});

afterAll(async () => {
  await anvil?.stop();
});

function seqs(logs: readonly IndexedLog[]): bigint[] {
  return logs.map((log) => (log.args as { seq: bigint }).seq);
}

async function expectStoreMatchesChain(store: LogStore): Promise<void> {
  const checkpoint = await store.getCheckpoint();
  const head = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
  expect(checkpoint?.blockNumber).toBe(head);
  const block = await chain.publicClient.getBlock({ blockNumber: head });
  expect(checkpoint?.blockHash).toBe(block.hash);
  expect(identities(await store.getLogs())).toEqual(await logsOnChain(chain, chain.deployBlock, head));
}

describe.each([
  ["MemoryLogStore", (): LogStore => new MemoryLogStore()],
  ["SqliteLogStore", (): LogStore => new SqliteLogStore({ filename: ":memory:" })],
])("Indexer reorg handling with %s", (_name, createStore) => {
  let store: LogStore;
  let indexer: Indexer;
  const reorgs: ReorgNotification[] = [];
  let seqBase = 0n;

  beforeAll(async () => {
    store = createStore();
    indexer = new Indexer({
      client: chain.publicClient,
      store,
      address: chain.emitter,
      events: inject("emitterArtifact").abi,
      startBlock: chain.deployBlock,
      maxBlockRange: 4n,
      confirmations: 0n,
    });
    indexer.subscribe({ onReorg: (reorg) => reorgs.push(reorg) });
    seqBase = (await chain.publicClient.getBlockNumber({ cacheTime: 0 })) * 1000n;
    await chain.move(seqBase + 1n, 1n);
    await chain.move(seqBase + 2n, 2n);
    await indexer.runOnce();
  });

  afterAll(async () => {
    await store.close();
  });

  it("detects a reorg that leaves the chain shorter than the checkpoint and re-indexes the new branch", async () => {
    reorgs.length = 0;
    const before = await store.getLogs();
    const snapshot = await chain.testClient.snapshot();
    const forkBlock = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
    await chain.move(seqBase + 10n, 10n);
    await chain.move(seqBase + 11n, 11n);
    await chain.move(seqBase + 12n, 12n);
    await indexer.runOnce();
    expect(seqs(await store.getLogs()).slice(-3)).toEqual([seqBase + 10n, seqBase + 11n, seqBase + 12n]);
    const orphaned = await store.getCheckpoint();

    await chain.testClient.revert({ id: snapshot });
    await chain.move(seqBase + 20n, 20n);
    await chain.move(seqBase + 21n, 21n);

    const result = await indexer.runOnce();
    expect(result.reorgs).toHaveLength(1);
    expect(reorgs).toEqual(result.reorgs);
    const [reorg] = reorgs;
    expect(reorg?.depth).toBe(3n);
    expect(reorg?.removedLogs).toBe(3);
    expect(reorg?.replacedCheckpoint).toEqual(orphaned);
    expect(reorg?.commonAncestor?.blockNumber).toBe(forkBlock);

    expect(seqs(await store.getLogs())).toEqual([...seqs(before), seqBase + 20n, seqBase + 21n]);
    await expectStoreMatchesChain(store);
    seqBase += 100n;
  });

  it("detects a reorg whose new branch is longer than the old one", async () => {
    reorgs.length = 0;
    const before = await store.getLogs();
    const snapshot = await chain.testClient.snapshot();
    await chain.move(seqBase + 30n, 30n);
    await indexer.runOnce();

    await chain.testClient.revert({ id: snapshot });
    await chain.testClient.mine({ blocks: 3 });
    await chain.move(seqBase + 40n, 40n);
    await chain.moveMany(seqBase + 41n, 3n, 41n);

    const result = await indexer.runOnce();
    expect(result.reorgs).toHaveLength(1);
    expect(reorgs[0]?.depth).toBe(1n);
    expect(reorgs[0]?.removedLogs).toBe(1);
    expect(seqs(await store.getLogs())).toEqual([
      ...seqs(before),
      seqBase + 40n,
      seqBase + 41n,
      seqBase + 42n,
      seqBase + 43n,
    ]);
    await expectStoreMatchesChain(store);
    seqBase += 100n;
  });

  it("does not report a reorg when the chain only grew", async () => {
    reorgs.length = 0;
    await chain.move(seqBase + 50n, 50n);
    const result = await indexer.runOnce();
    expect(result.reorgs).toEqual([]);
    expect(reorgs).toEqual([]);
    await expectStoreMatchesChain(store);
  });
});
