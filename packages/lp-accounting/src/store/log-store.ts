import type { Address, Hex } from "viem";

/** A block identified by its number and hash; the indexer's checkpoint is one. */
export interface BlockRef {
  /** Block number. */
  readonly blockNumber: bigint;
  /** Block hash at that number on the chain that was indexed. */
  readonly blockHash: Hex;
}

/**
 * Decoded event arguments as viem returns them: an object keyed by parameter name, or an array
 * when the event has unnamed parameters. Integers stay `bigint`.
 */
export type DecodedArgs = { readonly [name: string]: unknown } | readonly unknown[];

/** One event log, raw fields plus its decoding. */
export interface IndexedLog {
  /** Number of the block holding the log. */
  readonly blockNumber: bigint;
  /** Hash of the block holding the log. */
  readonly blockHash: Hex;
  /**
   * Timestamp (Unix seconds) of the block holding the log. The indexer always sets it: from the
   * log's `blockTimestamp` field when the RPC returns one, otherwise from the block header.
   */
  readonly blockTimestamp?: bigint;
  /** Position of the log in its block; with `blockNumber` it is the log's key. */
  readonly logIndex: number;
  /** Hash of the transaction that emitted the log. */
  readonly transactionHash: Hex;
  /** Position of that transaction in its block. */
  readonly transactionIndex: number;
  /** Contract that emitted the log. */
  readonly address: Address;
  /** Raw topics (topic 0 is the event selector). */
  readonly topics: readonly Hex[];
  /** Raw ABI-encoded non-indexed data. */
  readonly data: Hex;
  /** Name of the decoded event, or `null` when the log did not decode against the ABI. */
  readonly eventName: string | null;
  /** Decoded arguments, or `null` when the log did not decode against the ABI. */
  readonly args: DecodedArgs | null;
}

/** What one indexing step writes: every log of a block range and the checkpoint at its end. */
export interface LogBatch {
  /** First block of the range (inclusive). */
  readonly fromBlock: bigint;
  /** Last block of the range (inclusive). */
  readonly toBlock: bigint;
  /** Every log in the range; each `blockNumber` must lie within it. */
  readonly logs: readonly IndexedLog[];
  /** The new checkpoint: block `toBlock` and its hash. */
  readonly checkpoint: BlockRef;
  /** Block hashes to remember for reorg detection (the checkpoint's is always remembered). */
  readonly blockHashes?: readonly BlockRef[];
  /**
   * Forget remembered block hashes below this block, except the newest one at or below it, so a
   * walk back to a common ancestor always ends on a known block.
   */
  readonly pruneBlockHashesBelow?: bigint;
}

/** Filter for {@link LogStore.getLogs}; both bounds are inclusive. */
export interface LogQuery {
  /** Lowest block number to return. */
  readonly fromBlock?: bigint;
  /** Highest block number to return. */
  readonly toBlock?: bigint;
}

/**
 * Durable state of one indexer: logs in canonical order, the checkpoint, and recent block hashes.
 *
 * The checkpoint only moves together with the data it covers: forward through
 * {@link LogStore.appendBatch}, backward through {@link LogStore.rollbackTo}. There is no
 * stand-alone checkpoint setter, so a store can never claim blocks it does not hold.
 */
export interface LogStore {
  /**
   * Stores a batch and its checkpoint atomically. Logs already stored (same block number and log
   * index) are left as they are, so storing the same batch twice changes nothing. A batch that
   * ends at or below the checkpoint leaves the checkpoint where it is.
   *
   * @throws {LogStoreRangeError} when `fromBlock > toBlock`, when the checkpoint is not at
   * `toBlock`, when a log lies outside the range, or when the batch would leave a gap after the
   * current checkpoint.
   */
  appendBatch(batch: LogBatch): Promise<void>;
  /** Logs ordered by (blockNumber, logIndex), optionally limited to a block range. */
  getLogs(query?: LogQuery): Promise<IndexedLog[]>;
  /** Number of stored logs. */
  countLogs(): Promise<number>;
  /** Last indexed block, or `null` when nothing has been indexed. */
  getCheckpoint(): Promise<BlockRef | null>;
  /** Remembered block hashes, newest first. */
  getRecentBlockHashes(): Promise<BlockRef[]>;
  /**
   * Deletes every log and block hash above `ancestor` and makes it the checkpoint, atomically.
   * `null` deletes everything. Returns the number of logs deleted.
   */
  rollbackTo(ancestor: BlockRef | null): Promise<number>;
  /** Releases resources (closes the database); the store is unusable afterwards. */
  close(): Promise<void>;
}
