import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BlockRef, LogBatch, LogStore } from "../src/store/log-store.js";
import { LogStoreRangeError } from "../src/store/log-store-range-error.js";
import { syntheticBlockHash, syntheticLog } from "./synthetic-logs.js";

function ref(blockNumber: bigint, fork = 0): BlockRef {
  return { blockNumber, blockHash: syntheticBlockHash(blockNumber, fork) };
}

/** A batch over `fromBlock..toBlock` with one log in every block, two in even blocks. */
function batch(fromBlock: bigint, toBlock: bigint, fork = 0): LogBatch {
  const logs = [];
  for (let block = fromBlock; block <= toBlock; block++) {
    logs.push(syntheticLog(block, 0, block * 10n, fork));
    if (block % 2n === 0n) logs.push(syntheticLog(block, 1, block * 10n + 1n, fork));
  }
  return {
    fromBlock,
    toBlock,
    logs,
    checkpoint: ref(toBlock, fork),
    blockHashes: logs.map((l) => ref(l.blockNumber, fork)),
  };
}

/**
 * Behaviour every {@link LogStore} must share. Each implementation's test file runs this suite
 * with a factory for a fresh, empty store.
 */
export function describeLogStoreConformance(name: string, createStore: () => LogStore): void {
  describe(`${name} (LogStore conformance)`, () => {
    let store: LogStore;
    beforeEach(() => {
      store = createStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it("starts empty", async () => {
      expect(await store.getCheckpoint()).toBeNull();
      expect(await store.getLogs()).toEqual([]);
      expect(await store.countLogs()).toBe(0);
      expect(await store.getRecentBlockHashes()).toEqual([]);
    });

    it("stores a batch with its checkpoint and returns logs in canonical order with exact bigints", async () => {
      const first = batch(10n, 12n);
      // Hand the logs over shuffled: order on read must not depend on order of insertion.
      await store.appendBatch({ ...first, logs: [...first.logs].reverse() });
      expect(await store.getCheckpoint()).toEqual(ref(12n));
      expect(await store.getLogs()).toEqual(first.logs);
      const [log] = await store.getLogs({ fromBlock: 11n, toBlock: 11n });
      expect(log?.args).toEqual({
        account: "0x000000000000000000000000000000000000dEaD",
        seq: 110n,
        amount: 10n ** 30n + 110n,
        delta: -(2n ** 200n) - 110n,
      });
    });

    it("filters by block range, inclusive", async () => {
      await store.appendBatch(batch(1n, 6n));
      const logs = await store.getLogs({ fromBlock: 2n, toBlock: 4n });
      expect(logs.map((l) => `${l.blockNumber}:${l.logIndex}`)).toEqual(["2:0", "2:1", "3:0", "4:0", "4:1"]);
      expect((await store.getLogs({ fromBlock: 6n })).length).toBe(2);
      expect((await store.getLogs({ toBlock: 1n })).length).toBe(1);
    });

    it("is idempotent: storing the same batch twice changes nothing", async () => {
      await store.appendBatch(batch(1n, 5n));
      await store.appendBatch(batch(6n, 8n));
      const logs = await store.getLogs();
      const hashes = await store.getRecentBlockHashes();
      await store.appendBatch(batch(6n, 8n));
      await store.appendBatch(batch(1n, 5n));
      expect(await store.getLogs()).toEqual(logs);
      expect(await store.countLogs()).toBe(logs.length);
      expect(await store.getCheckpoint()).toEqual(ref(8n));
      expect(await store.getRecentBlockHashes()).toEqual(hashes);
    });

    it("stores large batches exactly once, including partly stored ones", async () => {
      const logs = Array.from({ length: 130 }, (_, i) =>
        syntheticLog(100n + BigInt(Math.floor(i / 7)), i % 7, BigInt(i)),
      );
      const firstPart = logs.filter((log) => log.logIndex % 2 === 0);
      const full = { fromBlock: 100n, toBlock: 118n, logs, checkpoint: ref(118n) };
      await store.appendBatch({ ...full, logs: firstPart });
      await store.appendBatch(full);
      await store.appendBatch(full);
      expect(await store.countLogs()).toBe(130);
      expect(await store.getLogs()).toEqual(logs);
    });

    it("accepts an overlapping batch and advances to its end", async () => {
      await store.appendBatch(batch(1n, 5n));
      await store.appendBatch(batch(4n, 9n));
      expect(await store.getCheckpoint()).toEqual(ref(9n));
      expect(await store.countLogs()).toBe(9 + 4);
    });

    it("rejects reversed ranges, gaps, misplaced logs and a checkpoint not at toBlock", async () => {
      await expect(store.appendBatch({ ...batch(5n, 5n), fromBlock: 6n })).rejects.toThrow(
        new LogStoreRangeError("fromBlock 6 is greater than toBlock 5"),
      );
      await store.appendBatch(batch(1n, 3n));
      await expect(store.appendBatch(batch(6n, 7n))).rejects.toThrow(
        "batch 6..7 is out of order: the checkpoint is at block 3, so blocks 4..5 would be skipped",
      );
      await expect(store.appendBatch({ ...batch(4n, 5n), logs: [syntheticLog(9n, 0, 1n)] })).rejects.toThrow(
        "log 9:0 lies outside the batch range 4..5",
      );
      await expect(store.appendBatch({ ...batch(4n, 5n), checkpoint: ref(4n) })).rejects.toBeInstanceOf(
        LogStoreRangeError,
      );
      expect(await store.getCheckpoint()).toEqual(ref(3n));
      expect(await store.countLogs()).toBe(4);
    });

    it("rejects a batch atomically: nothing of it is stored", async () => {
      const bad = { ...batch(1n, 2n), logs: [syntheticLog(1n, 0, 1n), syntheticLog(3n, 0, 2n)] };
      await expect(store.appendBatch(bad)).rejects.toBeInstanceOf(LogStoreRangeError);
      expect(await store.countLogs()).toBe(0);
      expect(await store.getCheckpoint()).toBeNull();
    });

    it("remembers block hashes newest first and prunes them, keeping one anchor at or below the bound", async () => {
      await store.appendBatch(batch(1n, 4n));
      expect((await store.getRecentBlockHashes()).map((r) => r.blockNumber)).toEqual([4n, 3n, 2n, 1n]);
      await store.appendBatch({ ...batch(5n, 10n), blockHashes: [ref(7n)], pruneBlockHashesBelow: 6n });
      // 5 and 6 were not remembered; the newest hash at or below 6 is block 4: it stays as the anchor.
      expect(await store.getRecentBlockHashes()).toEqual([ref(10n), ref(7n), ref(4n)]);
    });

    it("rolls back above a block: logs, hashes and checkpoint", async () => {
      await store.appendBatch(batch(1n, 6n));
      const removed = await store.rollbackTo(ref(3n));
      expect(removed).toBe(5);
      expect(await store.getCheckpoint()).toEqual(ref(3n));
      expect((await store.getLogs()).every((l) => l.blockNumber <= 3n)).toBe(true);
      expect((await store.getRecentBlockHashes()).map((r) => r.blockNumber)).toEqual([3n, 2n, 1n]);
      // Re-indexing the replaced blocks from another fork continues from the ancestor.
      await store.appendBatch(batch(4n, 5n, 1));
      expect(
        (await store.getLogs({ fromBlock: 4n })).every(
          (l) => l.blockHash === syntheticBlockHash(l.blockNumber, 1),
        ),
      ).toBe(true);
      expect(await store.getCheckpoint()).toEqual(ref(5n, 1));
    });

    it("rolls back to nothing", async () => {
      await store.appendBatch(batch(1n, 2n));
      expect(await store.rollbackTo(null)).toBe(3);
      expect(await store.getCheckpoint()).toBeNull();
      expect(await store.getRecentBlockHashes()).toEqual([]);
      expect(await store.countLogs()).toBe(0);
    });

    it("refuses to roll forward", async () => {
      await store.appendBatch(batch(1n, 2n));
      await expect(store.rollbackTo(ref(5n))).rejects.toThrow("cannot roll back to block 5");
    });

    it("keeps undecoded logs (null event name and args)", async () => {
      const raw = { ...syntheticLog(1n, 0, 1n), eventName: null, args: null };
      await store.appendBatch({ fromBlock: 1n, toBlock: 1n, logs: [raw], checkpoint: ref(1n) });
      expect(await store.getLogs()).toEqual([raw]);
    });
  });
}
