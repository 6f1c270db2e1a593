import type { Address, Hex } from "viem";
import type { BlockRef, IndexedLog, LogStore } from "../store/log-store.js";
import { type ChainReader, createChainReader } from "./chain-reader.js";
import { createEventDecoder } from "./event-decoder.js";
import { findCommonAncestor } from "./find-common-ancestor.js";
import { IndexerConfigError, IndexerRpcError } from "./indexer-errors.js";
import type {
  IndexedWindow,
  IndexerListener,
  IndexerParameters,
  ReorgNotification,
  RunOnceResult,
} from "./indexer-types.js";
import { isWindowTooLargeError } from "./is-window-too-large-error.js";
import { type RetryPolicy, resolveRetryPolicy, withRetry } from "./retry.js";
import { sleep } from "./sleep.js";

const DEFAULT_MAX_REORG_DEPTH = 128n;
const DEFAULT_POLL_INTERVAL_MS = 4_000;
/** Reorgs or inconsistent windows in a row before a run gives up on a chain that will not settle. */
const MAX_STEPS_WITHOUT_PROGRESS = 16;

/** Outcome of one indexing step. */
type StepOutcome =
  | { readonly kind: "stored"; readonly window: IndexedWindow }
  /** The chain is shorter than the window end (a reorg shrank it): end the run. */
  | { readonly kind: "behind-head" }
  /** Logs and block hashes disagree (the chain changed during the step): try again. */
  | { readonly kind: "inconsistent" };

interface Poller {
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

/**
 * Indexes the events of one or more contracts into a {@link LogStore}: pages through
 * `[checkpoint + 1, head - confirmations]` in windows of at most `maxBlockRange` blocks, stores
 * each window atomically with its checkpoint, and resumes from the checkpoint after a restart.
 *
 * Before each step the stored checkpoint hash is compared with the chain; on a mismatch the
 * indexer walks back through remembered block hashes to the common ancestor, deletes everything
 * above it, notifies `onReorg` and indexes again. Failed RPC calls are retried with exponential
 * backoff and jitter; a window the RPC calls too large is halved. The checkpoint only moves after
 * a window is stored, so a failure never leaves a gap.
 *
 * @example
 * import { createPublicClient, http, parseAbi } from "viem";
 * import { Indexer, MemoryLogStore } from "@bastion/lp-accounting";
 *
 * const indexer = new Indexer({
 *   client: createPublicClient({ transport: http("http://127.0.0.1:8545", { retryCount: 0 }) }),
 *   store: new MemoryLogStore(),
 *   address: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
 *   events: parseAbi(["event Deposit(address indexed account, uint256 amount)"]),
 *   startBlock: 0n,
 *   maxBlockRange: 2_000n,
 *   confirmations: 2n,
 * });
 * const unsubscribe = indexer.subscribe({ onLogs: ({ logs }) => console.log(logs.length, "new logs") });
 * await indexer.runOnce();
 */
export class Indexer {
  readonly #store: LogStore;
  readonly #reader: ChainReader;
  readonly #startBlock: bigint;
  readonly #maxBlockRange: bigint;
  readonly #confirmations: bigint;
  readonly #maxReorgDepth: bigint;
  readonly #retry: RetryPolicy;
  readonly #pollIntervalMs: number;
  readonly #listeners = new Set<IndexerListener>();
  #windowSize: bigint;
  #queue: Promise<unknown> = Promise.resolve();
  #poller: Poller | null = null;

  /** @throws {IndexerConfigError} naming the first invalid parameter. */
  constructor(parameters: IndexerParameters) {
    const addresses: readonly Address[] =
      typeof parameters.address === "string" ? [parameters.address] : parameters.address;
    if (addresses.length === 0)
      throw new IndexerConfigError("address: at least one contract address is required");
    requireAtLeast("startBlock", parameters.startBlock, 0n);
    requireAtLeast("maxBlockRange", parameters.maxBlockRange, 1n);
    requireAtLeast("confirmations", parameters.confirmations, 0n);
    const maxReorgDepth = parameters.maxReorgDepth ?? DEFAULT_MAX_REORG_DEPTH;
    requireAtLeast("maxReorgDepth", maxReorgDepth, 1n);
    const pollIntervalMs = parameters.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    if (!(pollIntervalMs > 0))
      throw new IndexerConfigError(`pollIntervalMs must be > 0, got ${pollIntervalMs}`);
    try {
      this.#retry = resolveRetryPolicy(parameters.retry);
    } catch (error) {
      throw new IndexerConfigError((error as Error).message);
    }

    this.#store = parameters.store;
    this.#reader = createChainReader(parameters.client, addresses, createEventDecoder(parameters.events));
    this.#startBlock = parameters.startBlock;
    this.#maxBlockRange = parameters.maxBlockRange;
    this.#confirmations = parameters.confirmations;
    this.#maxReorgDepth = maxReorgDepth;
    this.#pollIntervalMs = pollIntervalMs;
    this.#windowSize = parameters.maxBlockRange;
  }

  /** Current `eth_getLogs` window in blocks: `maxBlockRange`, or less after the RPC refused a window. */
  get windowSize(): bigint {
    return this.#windowSize;
  }

  /** Whether the {@link Indexer.start} polling loop is running. */
  get isPolling(): boolean {
    return this.#poller !== null;
  }

  /**
   * Registers callbacks for new logs, reorgs and polling errors.
   *
   * @returns a function that removes them.
   */
  subscribe(listener: IndexerListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Indexes from the checkpoint up to the current safe head (head minus confirmations), handling
   * reorgs on the way. Runs never overlap: a call made while another run (or a polling run) is in
   * progress starts after it.
   *
   * @throws {IndexerRpcError} when an RPC call still fails after every retry (names the method, range and cause).
   * @throws {ReorgTooDeepError} when no remembered block hash is on the chain any more.
   */
  runOnce(): Promise<RunOnceResult> {
    return this.#exclusive(() => this.#run(undefined));
  }

  /**
   * Starts polling: a run, then a pause of `pollIntervalMs`, until {@link Indexer.stop}. Errors of
   * a run go to `onError` listeners (or `console.error` when there are none) and polling goes on.
   * Calling it while polling does nothing.
   */
  start(): void {
    if (this.#poller !== null) return;
    const controller = new AbortController();
    this.#poller = { controller, done: this.#poll(controller.signal) };
  }

  /**
   * Stops polling: interrupts retry back-offs and the pause, lets a window being stored finish, and
   * resolves once the loop has ended.
   */
  async stop(): Promise<void> {
    const poller = this.#poller;
    if (poller === null) return;
    this.#poller = null;
    poller.controller.abort(new DOMException("indexer stopped", "AbortError"));
    await poller.done;
  }

  async #poll(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await this.#exclusive(() => this.#run(signal));
      } catch (error) {
        if (!signal.aborted) this.#reportError(error);
      }
      await sleep(this.#pollIntervalMs, signal).catch(() => undefined);
    }
  }

  #exclusive<T>(run: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #run(signal: AbortSignal | undefined): Promise<RunOnceResult> {
    const head = await this.#call("eth_blockNumber", undefined, () => this.#reader.getHead(), signal);
    const safeHead = head - this.#confirmations;
    const reorgs: ReorgNotification[] = [];
    let windows = 0;
    let logs = 0;
    let stepsWithoutProgress = 0;

    while (!signal?.aborted) {
      if (stepsWithoutProgress >= MAX_STEPS_WITHOUT_PROGRESS) {
        throw new Error(
          `the chain changed under the indexer ${stepsWithoutProgress} times in a row; giving up this run`,
        );
      }
      const checkpoint = await this.#store.getCheckpoint();
      if (checkpoint !== null) {
        const reorg = await this.#undoReorg(checkpoint, signal);
        if (reorg !== null) {
          reorgs.push(reorg);
          stepsWithoutProgress++;
          for (const listener of [...this.#listeners]) listener.onReorg?.(reorg);
          continue;
        }
      }
      const fromBlock = checkpoint === null ? this.#startBlock : checkpoint.blockNumber + 1n;
      if (fromBlock > safeHead) break;
      const toBlock = min(fromBlock + this.#windowSize - 1n, safeHead);
      const outcome = await this.#indexWindow(fromBlock, toBlock, checkpoint === null, signal);
      if (outcome.kind === "behind-head") break;
      if (outcome.kind === "inconsistent") {
        stepsWithoutProgress++;
        continue;
      }
      stepsWithoutProgress = 0;
      windows++;
      logs += outcome.window.logs.length;
      if (outcome.window.logs.length > 0) {
        for (const listener of [...this.#listeners]) listener.onLogs?.(outcome.window);
      }
    }
    return { safeHead, checkpoint: await this.#store.getCheckpoint(), windows, logs, reorgs };
  }

  /** Compares the checkpoint with the chain; on a mismatch rolls the store back to the common ancestor. */
  async #undoReorg(checkpoint: BlockRef, signal: AbortSignal | undefined): Promise<ReorgNotification | null> {
    const getChainHash = (blockNumber: bigint): Promise<Hex | null> =>
      this.#call(
        "eth_getBlockByNumber",
        [blockNumber, blockNumber],
        () => this.#reader.getBlockHash(blockNumber),
        signal,
      );
    if ((await getChainHash(checkpoint.blockNumber)) === checkpoint.blockHash) return null;
    const commonAncestor = await findCommonAncestor({
      checkpoint,
      knownBlocks: await this.#store.getRecentBlockHashes(),
      startBlock: this.#startBlock,
      getChainHash,
    });
    const removedLogs = await this.#store.rollbackTo(commonAncestor);
    const depth = checkpoint.blockNumber - (commonAncestor?.blockNumber ?? this.#startBlock - 1n);
    return { depth, replacedCheckpoint: checkpoint, commonAncestor, removedLogs };
  }

  /**
   * Fetches and stores one window. The hash of the window's last block is read before its logs:
   * if the chain reorgs in between, the stored checkpoint hash is the old one and the next step's
   * check catches it.
   */
  async #indexWindow(
    fromBlock: bigint,
    toBlock: bigint,
    isFirstWindow: boolean,
    signal: AbortSignal | undefined,
  ): Promise<StepOutcome> {
    const rememberedBlocks: BlockRef[] = [];
    if (isFirstWindow) {
      // Remember a block at or before the start, so a walk back through a reorg always ends on a known block.
      const anchorBlock = this.#startBlock > 0n ? this.#startBlock - 1n : 0n;
      const anchorHash = await this.#blockHash(anchorBlock, signal);
      if (anchorHash === null) return { kind: "behind-head" };
      rememberedBlocks.push({ blockNumber: anchorBlock, blockHash: anchorHash });
    }

    let windowEnd = toBlock;
    let endHash: Hex | null;
    let logs: IndexedLog[];
    for (;;) {
      endHash = await this.#blockHash(windowEnd, signal);
      if (endHash === null) return { kind: "behind-head" };
      try {
        const end = windowEnd;
        logs = await this.#call(
          "eth_getLogs",
          [fromBlock, end],
          () => this.#reader.getLogs(fromBlock, end),
          signal,
        );
        break;
      } catch (error) {
        if (!isWindowTooLargeError(error)) throw error;
        if (windowEnd === fromBlock) {
          throw new IndexerRpcError({
            method: "eth_getLogs",
            fromBlock,
            toBlock: windowEnd,
            attempts: 1,
            cause: error,
          });
        }
        this.#windowSize = (windowEnd - fromBlock + 1n) / 2n;
        windowEnd = fromBlock + this.#windowSize - 1n;
      }
    }
    if (windowEnd - fromBlock + 1n === this.#windowSize) {
      this.#windowSize = min(this.#windowSize * 2n, this.#maxBlockRange);
    }

    const hashByBlock = new Map<bigint, Hex>();
    for (const log of logs) {
      const known = hashByBlock.get(log.blockNumber);
      if (known !== undefined && known !== log.blockHash) return { kind: "inconsistent" };
      hashByBlock.set(log.blockNumber, log.blockHash);
    }
    const endLogHash = hashByBlock.get(windowEnd);
    if (endLogHash !== undefined && endLogHash !== endHash) return { kind: "inconsistent" };
    for (const [blockNumber, blockHash] of hashByBlock) rememberedBlocks.push({ blockNumber, blockHash });

    logs.sort(compareLogs);
    const checkpoint: BlockRef = { blockNumber: windowEnd, blockHash: endHash };
    await this.#store.appendBatch({
      fromBlock,
      toBlock: windowEnd,
      logs,
      checkpoint,
      blockHashes: rememberedBlocks,
      pruneBlockHashesBelow: windowEnd - this.#maxReorgDepth,
    });
    return { kind: "stored", window: { fromBlock, toBlock: windowEnd, checkpoint, logs } };
  }

  #blockHash(blockNumber: bigint, signal: AbortSignal | undefined): Promise<Hex | null> {
    return this.#call(
      "eth_getBlockByNumber",
      [blockNumber, blockNumber],
      () => this.#reader.getBlockHash(blockNumber),
      signal,
    );
  }

  /**
   * One RPC read with retries. "Window too large" errors are passed through unwrapped (the caller
   * halves the window); anything else that outlives the retries becomes an {@link IndexerRpcError}.
   */
  async #call<T>(
    method: string,
    range: readonly [bigint, bigint] | undefined,
    read: () => Promise<T>,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    let attempts = 0;
    const options = signal === undefined ? {} : { signal };
    try {
      return await withRetry(
        () => {
          attempts++;
          return read();
        },
        this.#retry,
        { ...options, shouldRetry: (error) => !isWindowTooLargeError(error) },
      );
    } catch (error) {
      if (signal?.aborted || (method === "eth_getLogs" && isWindowTooLargeError(error))) throw error;
      throw new IndexerRpcError({
        method,
        ...(range === undefined ? {} : { fromBlock: range[0], toBlock: range[1] }),
        attempts,
        cause: error,
      });
    }
  }

  #reportError(error: unknown): void {
    const handlers = [...this.#listeners].flatMap((listener) => (listener.onError ? [listener.onError] : []));
    if (handlers.length === 0) {
      console.error("[@bastion/lp-accounting] indexer run failed:", error);
      return;
    }
    for (const handler of handlers) handler(error);
  }
}

function requireAtLeast(name: string, value: bigint, minimum: bigint): void {
  if (typeof value !== "bigint")
    throw new IndexerConfigError(`${name} must be a bigint, got ${typeof value}`);
  if (value < minimum) throw new IndexerConfigError(`${name} must be >= ${minimum}, got ${value}`);
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function compareLogs(a: IndexedLog, b: IndexedLog): number {
  if (a.blockNumber !== b.blockNumber) return a.blockNumber < b.blockNumber ? -1 : 1;
  return a.logIndex - b.logIndex;
}
