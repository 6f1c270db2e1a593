import type { Hex } from "viem";
import { assertBatchFits, assertRollbackTarget } from "./assert-batch-fits.js";
import type { BlockRef, IndexedLog, LogBatch, LogQuery, LogStore } from "./log-store.js";

/**
 * {@link LogStore} held in memory: for tests, benchmarks and the web app. Nothing survives the
 * process. Logs are returned as stored (the same objects), in canonical order.
 *
 * @example
 * const store = new MemoryLogStore();
 * const indexer = new Indexer({ client, store, address, events, startBlock: 0n, maxBlockRange: 1000n, confirmations: 0n });
 */
export class MemoryLogStore implements LogStore {
  /** Logs keyed by `blockNumber:logIndex`. */
  readonly #logsByKey = new Map<string, IndexedLog>();
  /** The same logs, in canonical order once `#sorted` is true. */
  #ordered: IndexedLog[] = [];
  #sorted = true;
  readonly #blockHashes = new Map<bigint, Hex>();
  #checkpoint: BlockRef | null = null;

  /** @inheritdoc */
  async appendBatch(batch: LogBatch): Promise<void> {
    const advances = assertBatchFits(batch, this.#checkpoint);
    for (const log of batch.logs) this.#insertLog(log);
    if (!advances) return;
    for (const ref of batch.blockHashes ?? []) this.#blockHashes.set(ref.blockNumber, ref.blockHash);
    this.#blockHashes.set(batch.checkpoint.blockNumber, batch.checkpoint.blockHash);
    if (batch.pruneBlockHashesBelow !== undefined) this.#pruneBlockHashes(batch.pruneBlockHashesBelow);
    this.#checkpoint = { blockNumber: batch.checkpoint.blockNumber, blockHash: batch.checkpoint.blockHash };
  }

  /** @inheritdoc */
  async getLogs(query: LogQuery = {}): Promise<IndexedLog[]> {
    const ordered = this.#orderedLogs();
    const { fromBlock, toBlock } = query;
    if (fromBlock === undefined && toBlock === undefined) return ordered.slice();
    return ordered.filter(
      (log) =>
        (fromBlock === undefined || log.blockNumber >= fromBlock) &&
        (toBlock === undefined || log.blockNumber <= toBlock),
    );
  }

  /** @inheritdoc */
  async countLogs(): Promise<number> {
    return this.#logsByKey.size;
  }

  /** @inheritdoc */
  async getCheckpoint(): Promise<BlockRef | null> {
    return this.#checkpoint;
  }

  /** @inheritdoc */
  async getRecentBlockHashes(): Promise<BlockRef[]> {
    return [...this.#blockHashes]
      .map(([blockNumber, blockHash]) => ({ blockNumber, blockHash }))
      .sort((a, b) => (a.blockNumber > b.blockNumber ? -1 : a.blockNumber < b.blockNumber ? 1 : 0));
  }

  /** @inheritdoc */
  async rollbackTo(ancestor: BlockRef | null): Promise<number> {
    assertRollbackTarget(ancestor, this.#checkpoint);
    const keepUpTo = ancestor?.blockNumber ?? -1n;
    const kept = this.#orderedLogs().filter((log) => log.blockNumber <= keepUpTo);
    const removed = this.#ordered.length - kept.length;
    this.#ordered = kept;
    this.#logsByKey.clear();
    for (const log of kept) this.#logsByKey.set(logKey(log), log);
    for (const blockNumber of [...this.#blockHashes.keys()]) {
      if (blockNumber > keepUpTo) this.#blockHashes.delete(blockNumber);
    }
    if (ancestor !== null) this.#blockHashes.set(ancestor.blockNumber, ancestor.blockHash);
    this.#checkpoint = ancestor === null ? null : { ...ancestor };
    return removed;
  }

  /** @inheritdoc */
  async close(): Promise<void> {}

  #insertLog(log: IndexedLog): void {
    const key = logKey(log);
    if (this.#logsByKey.has(key)) return;
    this.#logsByKey.set(key, log);
    const last = this.#ordered.at(-1);
    if (last !== undefined && compareLogs(last, log) > 0) this.#sorted = false;
    this.#ordered.push(log);
  }

  #orderedLogs(): IndexedLog[] {
    if (!this.#sorted) {
      this.#ordered.sort(compareLogs);
      this.#sorted = true;
    }
    return this.#ordered;
  }

  #pruneBlockHashes(below: bigint): void {
    let anchor: bigint | undefined;
    for (const blockNumber of this.#blockHashes.keys()) {
      if (blockNumber <= below && (anchor === undefined || blockNumber > anchor)) anchor = blockNumber;
    }
    if (anchor === undefined) return;
    for (const blockNumber of [...this.#blockHashes.keys()]) {
      if (blockNumber < anchor) this.#blockHashes.delete(blockNumber);
    }
  }
}

function logKey(log: IndexedLog): string {
  return `${log.blockNumber}:${log.logIndex}`;
}

function compareLogs(a: IndexedLog, b: IndexedLog): number {
  if (a.blockNumber !== b.blockNumber) return a.blockNumber < b.blockNumber ? -1 : 1;
  return a.logIndex - b.logIndex;
}
