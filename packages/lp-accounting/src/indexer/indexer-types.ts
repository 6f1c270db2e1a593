import type { Abi, Address } from "viem";
import type { BlockRef, IndexedLog, LogStore } from "../store/log-store.js";
import type { IndexerClient } from "./chain-reader.js";
import type { RetryParameters } from "./retry.js";

/** Configuration of an {@link Indexer}. */
export interface IndexerParameters {
  /** viem client for the chain (e.g. `createPublicClient({ transport: http(url, { retryCount: 0 }) })`). */
  readonly client: IndexerClient;
  /** Where logs and the checkpoint live; resuming uses its checkpoint. */
  readonly store: LogStore;
  /** Contract(s) whose logs are indexed. */
  readonly address: Address | readonly Address[];
  /** ABI whose (non-anonymous) events are indexed; other items are ignored. */
  readonly events: Abi;
  /** First block to index when the store is empty (usually the deployment block). */
  readonly startBlock: bigint;
  /** Most blocks per `eth_getLogs` request; halved while the RPC says a window is too large. */
  readonly maxBlockRange: bigint;
  /** Blocks below the head left unindexed until confirmed; `0n` indexes up to the head. */
  readonly confirmations: bigint;
  /** How many blocks of hashes to remember for walking back through a reorg (default `128n`). */
  readonly maxReorgDepth?: bigint;
  /** Retries of failed RPC calls (defaults: 5 attempts, 250 ms base delay, 10 s cap). */
  readonly retry?: RetryParameters;
  /** Pause between runs of {@link Indexer.start}'s polling loop, in ms (default 4_000). */
  readonly pollIntervalMs?: number;
}

/** A block range that was just stored, with its logs in canonical order. */
export interface IndexedWindow {
  /** First block of the range. */
  readonly fromBlock: bigint;
  /** Last block of the range; the new checkpoint. */
  readonly toBlock: bigint;
  /** Block `toBlock` and its hash. */
  readonly checkpoint: BlockRef;
  /** Logs stored for the range, ordered by (blockNumber, logIndex). */
  readonly logs: readonly IndexedLog[];
}

/** A reorg the indexer detected and undid before re-indexing. */
export interface ReorgNotification {
  /** Number of indexed blocks dropped: old checkpoint minus common ancestor. */
  readonly depth: bigint;
  /** The checkpoint that no longer matched the chain. */
  readonly replacedCheckpoint: BlockRef;
  /** Newest remembered block still on the chain (`null`: everything was dropped, re-index from the start). */
  readonly commonAncestor: BlockRef | null;
  /** How many stored logs were deleted. */
  readonly removedLogs: number;
}

/**
 * Callbacks for {@link Indexer.subscribe}. They run after the data is committed to the store. A
 * callback that throws ends the current run with that error (the window stays stored and is not
 * delivered again).
 */
export interface IndexerListener {
  /** A window with at least one log was stored. */
  readonly onLogs?: (window: IndexedWindow) => void;
  /** A reorg was detected and the store rolled back to the common ancestor. */
  readonly onReorg?: (reorg: ReorgNotification) => void;
  /** A polling run failed (only {@link Indexer.start}'s loop reports here; `runOnce` rejects). */
  readonly onError?: (error: unknown) => void;
}

/** What one {@link Indexer.runOnce} did. */
export interface RunOnceResult {
  /** Head minus confirmations at the start of the run: the run's target. */
  readonly safeHead: bigint;
  /** Checkpoint at the end of the run. */
  readonly checkpoint: BlockRef | null;
  /** Windows stored. */
  readonly windows: number;
  /** Logs stored. */
  readonly logs: number;
  /** Reorgs detected and undone. */
  readonly reorgs: readonly ReorgNotification[];
}
