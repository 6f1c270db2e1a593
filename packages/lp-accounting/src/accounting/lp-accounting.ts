import type { Address } from "viem";
import { ModelIntegrityError, UnknownPoolError } from "../errors.js";
import {
  type EventPosition,
  type EventSources,
  type PositionedEvent,
  toDomainEvent,
} from "../model/domain-events.js";
import type { BlockRef, IndexedLog, LogStore } from "../store/log-store.js";
import { PoolLedger } from "./pool-ledger.js";

/** Configuration of {@link LpAccounting}. */
export interface LpAccountingParameters {
  /** The exchange contract. */
  readonly exchange: Address;
  /** The price oracle adapter (`exchange.oracle()`): its `PriceAccepted` events price the pools. */
  readonly oracle: Address;
  /** The markets (pool tokens) to account for; their `Transfer` events must be indexed too. */
  readonly markets: readonly Address[];
}

/**
 * The accounting projection: every pool's {@link PoolLedger}, built from stored logs. It is a pure
 * function of the logs: {@link LpAccounting.load} rebuilds it from a store (the source of truth),
 * {@link LpAccounting.apply} extends it with newer logs (older or repeated logs are skipped).
 * Browser-safe: no I/O besides the store it is handed.
 *
 * @example
 * const accounting = new LpAccounting({ exchange, oracle, markets: [ethUsdMarket] });
 * await accounting.load(store);
 * const pool = accounting.pool(ethUsdMarket);
 * console.log(pool.lastStep.terms.valueUsd);
 */
export class LpAccounting {
  readonly #sources: EventSources;
  readonly #configured: ReadonlyMap<string, Address>;
  #ledgers = new Map<string, PoolLedger>();
  #feedTokens = new Map<string, Set<string>>();
  #tokenPrices = new Map<string, bigint>();
  #lastApplied: { blockNumber: bigint; logIndex: number } | null = null;
  #indexedThrough: BlockRef | null = null;
  #indexedThroughTimestamp: bigint | null = null;
  #transaction: {
    blockNumber: bigint;
    transactionIndex: number;
    last: EventPosition;
    pools: Set<PoolLedger>;
  } | null = null;

  /** @param parameters - the exchange, oracle and markets (any address case). */
  constructor(parameters: LpAccountingParameters) {
    this.#sources = {
      exchange: parameters.exchange.toLowerCase(),
      oracle: parameters.oracle.toLowerCase(),
      markets: new Set(parameters.markets.map((market) => market.toLowerCase())),
    };
    this.#configured = new Map(parameters.markets.map((market) => [market.toLowerCase(), market]));
  }

  /** The last block whose logs are all applied (`null` before anything was indexed). */
  get indexedThrough(): BlockRef | null {
    return this.#indexedThrough;
  }

  /**
   * The latest time the applied logs are known to cover: the newest log's block timestamp, or the
   * timestamp given for the last `through` block when later.
   */
  get indexedThroughTimestamp(): bigint | null {
    return this.#indexedThroughTimestamp;
  }

  /** Forgets everything. */
  reset(): void {
    this.#ledgers = new Map();
    this.#feedTokens = new Map();
    this.#tokenPrices = new Map();
    this.#lastApplied = null;
    this.#indexedThrough = null;
    this.#indexedThroughTimestamp = null;
    this.#transaction = null;
  }

  /** Rebuilds from every log in `store`, up to its checkpoint. */
  async load(store: LogStore): Promise<void> {
    this.reset();
    const checkpoint = await store.getCheckpoint();
    this.apply(await store.getLogs(), checkpoint);
  }

  /**
   * Applies logs in canonical order (as stores and the indexer deliver them); logs at or before the
   * last applied one are skipped, so re-delivering a window changes nothing. `through` is the block
   * (and hash) up to which the caller's logs are complete, `throughTimestamp` that block's timestamp
   * when known.
   */
  apply(logs: readonly IndexedLog[], through: BlockRef | null, throughTimestamp?: bigint): void {
    for (const log of logs) {
      const last = this.#lastApplied;
      if (
        last !== null &&
        (log.blockNumber < last.blockNumber ||
          (log.blockNumber === last.blockNumber && log.logIndex <= last.logIndex))
      ) {
        continue;
      }
      const event = toDomainEvent(log, this.#sources);
      this.#lastApplied = { blockNumber: log.blockNumber, logIndex: log.logIndex };
      if (log.blockTimestamp !== undefined) this.#advanceTimestamp(log.blockTimestamp);
      if (event === null) continue;
      this.#enterTransaction(event.at);
      this.#dispatch(event);
    }
    this.#endTransaction();
    if (
      through !== null &&
      (this.#indexedThrough === null || through.blockNumber > this.#indexedThrough.blockNumber)
    ) {
      this.#indexedThrough = through;
    }
    if (throughTimestamp !== undefined) this.#advanceTimestamp(throughTimestamp);
  }

  #advanceTimestamp(timestamp: bigint): void {
    if (this.#indexedThroughTimestamp === null || timestamp > this.#indexedThroughTimestamp) {
      this.#indexedThroughTimestamp = timestamp;
    }
  }

  /** The ledger of `market`. @throws {UnknownPoolError} */
  pool(market: Address): PoolLedger {
    const ledger = this.#ledgers.get(market.toLowerCase());
    if (ledger === undefined) throw new UnknownPoolError(market, this.markets());
    return ledger;
  }

  /** The markets with a ledger (created and configured), in creation order. */
  markets(): Address[] {
    return [...this.#ledgers.values()].map((ledger) => ledger.market);
  }

  /** Latest accounting price of a token (USD, 30 decimals, per smallest unit), if any. */
  tokenPrice(token: Address): bigint | undefined {
    return this.#tokenPrices.get(token.toLowerCase());
  }

  #enterTransaction(at: EventPosition): void {
    const current = this.#transaction;
    if (
      current !== null &&
      current.blockNumber === at.blockNumber &&
      current.transactionIndex === at.transactionIndex
    ) {
      current.last = at;
      return;
    }
    this.#endTransaction();
    this.#transaction = {
      blockNumber: at.blockNumber,
      transactionIndex: at.transactionIndex,
      last: at,
      pools: new Set(),
    };
  }

  #endTransaction(): void {
    const current = this.#transaction;
    if (current === null) return;
    this.#transaction = null;
    for (const ledger of current.pools) ledger.endTransaction(current.last);
  }

  #ledgerFor(market: Address, at: EventPosition): PoolLedger | null {
    const key = market.toLowerCase();
    const ledger = this.#ledgers.get(key);
    if (ledger !== undefined) {
      this.#transaction?.pools.add(ledger);
      return ledger;
    }
    if (this.#configured.has(key)) {
      throw new ModelIntegrityError(
        `event at block ${at.blockNumber} (log ${at.logIndex}) names market ${market} before its MarketCreated: ` +
          "start the indexer at or before the market's creation block",
      );
    }
    return null;
  }

  #dispatch(event: PositionedEvent): void {
    const { at } = event;
    switch (event.type) {
      case "FeedConfigured": {
        for (const tokens of this.#feedTokens.values()) tokens.delete(event.token.toLowerCase());
        const feed = event.feedId.toLowerCase();
        const tokens = this.#feedTokens.get(feed) ?? new Set<string>();
        tokens.add(event.token.toLowerCase());
        this.#feedTokens.set(feed, tokens);
        return;
      }
      case "PriceAccepted": {
        const tokens = this.#feedTokens.get(event.feedId.toLowerCase());
        if (tokens === undefined) return;
        for (const token of tokens) {
          this.#tokenPrices.set(token, event.price);
          for (const ledger of this.#ledgers.values()) {
            if (ledger.usesToken(token)) {
              this.#transaction?.pools.add(ledger);
              ledger.onPrice(token, event.price, at);
            }
          }
        }
        return;
      }
      case "MarketCreated": {
        const key = event.market.toLowerCase();
        if (!this.#configured.has(key) || this.#ledgers.has(key)) return;
        const ledger = new PoolLedger(event, at);
        this.#ledgers.set(key, ledger);
        this.#transaction?.pools.add(ledger);
        for (const token of ledger.tokens) {
          const price = this.#tokenPrices.get(token.toLowerCase());
          if (price !== undefined) ledger.onPrice(token.toLowerCase(), price, at);
        }
        return;
      }
      case "MarketConfigUpdated":
        this.#ledgerFor(event.market, at)?.onConfig(event.config, at);
        return;
      case "MaintenanceMarginUpdated":
      case "MarketPauseUpdated":
      case "AdlStateUpdated":
        this.#ledgerFor(event.market, at)?.onStateFlag(event, at);
        return;
      case "Transfer":
        this.#ledgerFor(event.market, at)?.onTransfer(event);
        return;
      case "WithdrawalCreated":
        this.#ledgerFor(event.market, at)?.onWithdrawalCreated(event);
        return;
      case "PoolStateUpdated":
        this.#ledgerFor(event.market, at)?.onPoolState(event, at);
        return;
      case "PositionLiquidated":
        return;
      default:
        this.#ledgerFor(event.market, at)?.onExecutionEvent(event, at);
    }
  }
}
