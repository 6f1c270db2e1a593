import type { Address } from "viem";
import { LpAccounting } from "../accounting/lp-accounting.js";
import type { IndexerClient } from "../indexer/chain-reader.js";
import { Indexer } from "../indexer/indexer.js";
import type { IndexerParameters, RunOnceResult } from "../indexer/indexer-types.js";
import { sleep } from "../indexer/sleep.js";
import type { LogStore } from "../store/log-store.js";
import { exchangeEventsAbi } from "./exchange-events-abi.js";

/** Configuration of an {@link ExchangeIndexer}. */
export interface ExchangeIndexerParameters
  extends Omit<IndexerParameters, "address" | "events" | "client" | "store"> {
  readonly client: IndexerClient;
  readonly store: LogStore;
  /** The exchange contract. */
  readonly exchange: Address;
  /** The oracle adapter (`exchange.oracle()`). */
  readonly oracle: Address;
  /** The markets (pool tokens) to account for. Start at or before their creation block. */
  readonly markets: readonly Address[];
}

/** Callbacks of {@link ExchangeIndexer.start}. */
export interface ExchangeIndexerListener {
  /** After every run whose logs are applied (also after a rebuild). */
  readonly onUpdate?: (result: RunOnceResult) => void;
  /** A polling run failed; polling continues. */
  readonly onError?: (error: unknown) => void;
}

/**
 * Indexes the exchange, its oracle and its pool tokens into a store, and keeps an
 * {@link LpAccounting} projection of the stored logs up to date: new windows are applied as they
 * are stored; after a reorg (or when a window could not be applied) the projection is rebuilt from
 * the store, which stays the source of truth. Restarting on the same store resumes where it left.
 *
 * @example
 * const indexer = new ExchangeIndexer({
 *   client, store, exchange, oracle, markets: [ethUsdMarket],
 *   startBlock: deploymentBlock, maxBlockRange: 2_000n, confirmations: 2n,
 * });
 * await indexer.runOnce();
 * const pool = indexer.accounting.pool(ethUsdMarket);
 */
export class ExchangeIndexer {
  /** The underlying log indexer. */
  readonly indexer: Indexer;
  /** The accounting projection; query it with the `get*` functions. */
  readonly accounting: LpAccounting;
  readonly #store: LogStore;
  readonly #client: IndexerClient;
  readonly #pollIntervalMs: number;
  #loaded = false;
  #stale = false;
  #poller: { controller: AbortController; done: Promise<void> } | null = null;

  /** @throws {IndexerConfigError} for invalid indexer parameters. */
  constructor(parameters: ExchangeIndexerParameters) {
    const { exchange, oracle, markets, ...rest } = parameters;
    this.#store = parameters.store;
    this.#client = parameters.client;
    this.#pollIntervalMs = parameters.pollIntervalMs ?? 4_000;
    this.indexer = new Indexer({
      ...rest,
      address: [exchange, oracle, ...markets],
      events: [...exchangeEventsAbi],
    });
    this.accounting = new LpAccounting({ exchange, oracle, markets });
    this.indexer.subscribe({
      onLogs: (window) => {
        if (!this.#loaded || this.#stale) return;
        try {
          this.accounting.apply(window.logs, window.checkpoint);
        } catch (error) {
          this.#stale = true;
          throw error;
        }
      },
      onReorg: () => {
        this.#stale = true;
      },
    });
  }

  /** Rebuilds the accounting from every stored log. */
  async load(): Promise<void> {
    await this.accounting.load(this.#store);
    this.#loaded = true;
    this.#stale = false;
  }

  /**
   * Loads the store if needed, indexes up to the safe head and applies the new logs (rebuilding
   * after a reorg).
   *
   * @throws {IndexerRpcError} when the RPC keeps failing (nothing is skipped: the next run resumes
   * from the checkpoint); {ModelIntegrityError} when the logs contradict each other.
   */
  async runOnce(): Promise<RunOnceResult> {
    if (!this.#loaded) await this.load();
    let result: RunOnceResult;
    try {
      result = await this.indexer.runOnce();
    } finally {
      if (this.#stale) await this.load();
    }
    await this.#advanceToCheckpoint(result.checkpoint?.blockNumber);
    return result;
  }

  /** Polls: run, wait `pollIntervalMs`, run again... until {@link ExchangeIndexer.stop}. */
  start(listener: ExchangeIndexerListener = {}): void {
    if (this.#poller !== null) return;
    const controller = new AbortController();
    const loop = async (): Promise<void> => {
      while (!controller.signal.aborted) {
        try {
          const result = await this.runOnce();
          listener.onUpdate?.(result);
        } catch (error) {
          if (controller.signal.aborted) break;
          if (listener.onError) listener.onError(error);
          else console.error("[@bastion/lp-accounting] exchange indexer run failed:", error);
        }
        await sleep(this.#pollIntervalMs, controller.signal).catch(() => undefined);
      }
    };
    this.#poller = { controller, done: loop() };
  }

  /** Stops polling; resolves when the current run has ended. */
  async stop(): Promise<void> {
    const poller = this.#poller;
    if (poller === null) return;
    this.#poller = null;
    poller.controller.abort(new DOMException("exchange indexer stopped", "AbortError"));
    await poller.done;
  }

  /** Records the checkpoint block and its timestamp, so queries may reach it even without logs there. */
  async #advanceToCheckpoint(blockNumber: bigint | undefined): Promise<void> {
    const checkpoint = await this.#store.getCheckpoint();
    if (checkpoint === null || blockNumber === undefined) return;
    let timestamp: bigint | undefined;
    try {
      const block = (await this.#client.request({
        method: "eth_getBlockByNumber",
        params: [`0x${checkpoint.blockNumber.toString(16)}`, false],
      })) as { hash: string; timestamp: `0x${string}` } | null;
      if (block !== null && block.hash === checkpoint.blockHash) timestamp = BigInt(block.timestamp);
    } catch {
      // The timestamp only widens the range of timestamp queries; the block is still recorded.
    }
    this.accounting.apply([], checkpoint, timestamp);
  }
}
