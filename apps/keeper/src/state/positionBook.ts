import { type MarketState, type PositionState, readMarketState, readPositions } from "@bastion/risk";
import { getMarketPositions } from "@bastion/sdk";
import type { Address, Chain, Hex, PublicClient, Transport } from "viem";
import type { EventBatch } from "../chain/chainWatcher.js";
import type { Logger } from "../observability/logger.js";
import type { KeeperMetrics } from "../observability/metrics.js";
import type { MarketRegistry } from "./marketRegistry.js";

/** A tracked position with its key. */
export interface TrackedPosition extends PositionState {
  key: Hex;
}

/** One market's state and open positions, as last read or updated from events. */
export interface MarketBook {
  market: Address;
  state: MarketState;
  positions: Map<Hex, TrackedPosition>;
}

/**
 * Every market's state and open positions, read in full at start and periodically (risk readers:
 * one snapshot per market, three round trips whatever the number of positions), and kept current in
 * between from the exchange's events: `PoolStateUpdated` carries a market's balances, open interest
 * and rates; position events mark positions to re-read (in one multicall per batch).
 */
export interface PositionBook {
  readonly books: ReadonlyMap<Address, MarketBook>;
  /** Re-reads every market and position. */
  refreshAll(): Promise<void>;
  /** Re-reads one market and its positions. */
  refreshMarket(market: Address): Promise<void>;
  /** Applies a batch of events; positions they touched are re-read by {@link PositionBook.flush}. */
  apply(batch: EventBatch): void;
  /** Re-reads the positions events marked; resolves when done. */
  flush(): Promise<void>;
  /** Whether positions are waiting to be re-read. */
  readonly dirty: boolean;
  /** Every event up to this block is reflected (positions included). */
  readonly syncedBlock: bigint;
  /** Called after every change (refresh, events, flush). */
  onChange(listener: () => void): void;
}

/** Creates the {@link PositionBook}. */
export function createPositionBook(deps: {
  publicClient: PublicClient<Transport, Chain>;
  exchange: Address;
  registry: MarketRegistry;
  metrics: KeeperMetrics;
  logger: Logger;
}): PositionBook {
  const { publicClient, exchange, registry, metrics, logger } = deps;
  const books = new Map<Address, MarketBook>();
  const dirty = new Map<Hex, Address>();
  const listeners: (() => void)[] = [];
  let syncedBlock = 0n;
  let appliedBlock = 0n;
  let flushing = 0;
  /** Per market: the block of the newest event that changed its state. */
  const stateBlock = new Map<Address, bigint>();
  /** Positions events touched, with their block (pruned by each refresh). */
  const touched = new Map<Hex, { market: Address; block: bigint }>();
  const changed = () => {
    for (const [market, book] of books) {
      metrics.positionsTracked.set({ market: registry.market(market)?.label ?? market }, book.positions.size);
    }
    for (const listener of listeners) listener();
  };
  const keyOf = (address: Address) => address.toLowerCase() as Address;
  const loadBook = async (market: Address, blockNumber: bigint): Promise<MarketBook> => {
    const [snapshot, all] = await Promise.all([
      readMarketState(publicClient, { exchange, market, blockNumber }),
      getMarketPositions(publicClient, { exchange, market, blockNumber, pageSize: 500 }),
    ]);
    const positions = new Map<Hex, TrackedPosition>();
    for (const position of all) if (position.sizeUsd > 0n) positions.set(position.key, position);
    return { market, state: snapshot.state, positions };
  };
  /**
   * Puts a snapshot read at `blockNumber` in place without losing what newer events already brought
   * in while it was being read: a market state set by a newer event is kept, and positions newer
   * events touched are marked to be re-read (a snapshot from before a position opened lacks it).
   */
  const install = (book: MarketBook, blockNumber: bigint) => {
    const key = keyOf(book.market);
    const previous = books.get(key);
    if (previous !== undefined && (stateBlock.get(key) ?? -1n) > blockNumber) book.state = previous.state;
    for (const [positionKey, touch] of touched) {
      if (keyOf(touch.market) !== key) continue;
      if (touch.block > blockNumber) dirty.set(positionKey, touch.market);
      else touched.delete(positionKey);
    }
    books.set(key, book);
  };

  return {
    books,
    get dirty() {
      return dirty.size > 0;
    },
    get syncedBlock() {
      return syncedBlock;
    },
    onChange: (listener) => listeners.push(listener),
    async refreshMarket(market) {
      const blockNumber = await publicClient.getBlockNumber({ cacheTime: 0 });
      install(await loadBook(market, blockNumber), blockNumber);
      if (dirty.size === 0 && flushing === 0 && blockNumber > syncedBlock) syncedBlock = blockNumber;
      changed();
    },
    async refreshAll() {
      const blockNumber = await publicClient.getBlockNumber({ cacheTime: 0 });
      const loaded = await Promise.all(registry.markets.map((m) => loadBook(m.address, blockNumber)));
      for (const book of loaded) install(book, blockNumber);
      const current = new Set(loaded.map((book) => keyOf(book.market)));
      for (const key of books.keys()) if (!current.has(key)) books.delete(key);
      if (dirty.size === 0 && flushing === 0 && blockNumber > syncedBlock) syncedBlock = blockNumber;
      logger.debug(
        { blockNumber, markets: loaded.length, positions: loaded.reduce((n, b) => n + b.positions.size, 0) },
        "positions loaded",
      );
      changed();
    },
    apply(batch) {
      let changedState = false;
      for (const event of batch.events) {
        const block = event.blockNumber ?? batch.toBlock;
        switch (event.eventName) {
          case "PoolStateUpdated": {
            stateBlock.set(keyOf(event.args.market), block);
            const book = books.get(keyOf(event.args.market));
            if (!book) break;
            book.state = {
              ...book.state,
              balances: { ...event.args.balances },
              openInterest: { ...event.args.openInterest },
              rates: { ...event.args.rates },
            };
            changedState = true;
            break;
          }
          case "MaintenanceMarginUpdated": {
            stateBlock.set(keyOf(event.args.market), block);
            const book = books.get(keyOf(event.args.market));
            if (!book) break;
            book.state = {
              ...book.state,
              maintenanceMarginFactor: event.args.newFactor,
              maintenanceMarginUpdatedAt: event.blockTimestamp,
            };
            changedState = true;
            break;
          }
          case "MarketConfigUpdated": {
            stateBlock.set(keyOf(event.args.market), block);
            const book = books.get(keyOf(event.args.market));
            if (book) book.state = { ...book.state, config: event.args.config };
            changedState = true;
            break;
          }
          case "MarketPauseUpdated": {
            stateBlock.set(keyOf(event.args.market), block);
            const book = books.get(keyOf(event.args.market));
            if (book) book.state = { ...book.state, paused: event.args.paused };
            break;
          }
          case "AdlStateUpdated": {
            stateBlock.set(keyOf(event.args.market), block);
            const book = books.get(keyOf(event.args.market));
            if (!book) break;
            book.state = event.args.isLong
              ? { ...book.state, adlActiveLong: event.args.active }
              : { ...book.state, adlActiveShort: event.args.active };
            changedState = true;
            break;
          }
          case "ShortfallRecorded": {
            const label = registry.market(event.args.market)?.label ?? event.args.market;
            metrics.shortfalls.inc({ market: label });
            metrics.shortfallUsd.inc({ market: label }, Number(event.args.shortfallUsd / 10n ** 24n) / 1e6);
            logger.warn(
              {
                market: label,
                positionKey: event.args.positionKey,
                shortfallUsd: event.args.shortfallUsd,
                coveredByInsuranceUsd: event.args.coveredByInsuranceUsd,
                absorbedByLpUsd: event.args.absorbedByLpUsd,
                block: event.blockNumber,
              },
              "shortfall recorded on chain",
            );
            break;
          }
          case "PositionIncreased":
          case "PositionDecreased":
          case "PositionLiquidated":
            dirty.set(event.args.positionKey, event.args.market);
            touched.set(event.args.positionKey, { market: event.args.market, block });
            break;
          default:
            break;
        }
      }
      appliedBlock = batch.toBlock;
      if (dirty.size === 0 && flushing === 0) syncedBlock = batch.toBlock;
      if (changedState) changed();
    },
    async flush() {
      if (dirty.size === 0) return;
      const entries = [...dirty];
      dirty.clear();
      flushing += 1;
      try {
        const states = await readPositionsChunked(
          publicClient,
          exchange,
          entries.map(([key]) => key),
        );
        entries.forEach(([key, market], i) => {
          const book = books.get(keyOf(market));
          const state = states[i];
          if (!book || state === undefined) return;
          if (state.sizeUsd === 0n) book.positions.delete(key);
          else book.positions.set(key, { ...state, key });
        });
        if (dirty.size === 0 && flushing === 1) syncedBlock = appliedBlock;
      } catch (error) {
        for (const [key, market] of entries) if (!dirty.has(key)) dirty.set(key, market);
        throw error;
      } finally {
        flushing -= 1;
      }
      changed();
    },
  };
}

/**
 * Positions by key, in chunks of {@link POSITIONS_PER_CALL} per multicall. The risk package's
 * `readPositions` sizes deployless batches by calldata (12,000 bytes, about 120 positions), but a
 * deployless multicall returns its results as contract code, which EIP-170 caps at 24,576 bytes
 * (about 50 positions): larger batches fail with `CreateContractSizeLimit` on chains without
 * Multicall3, such as anvil.
 */
export async function readPositionsChunked(
  publicClient: PublicClient<Transport, Chain>,
  exchange: Address,
  keys: readonly Hex[],
): Promise<PositionState[]> {
  const chunks: Hex[][] = [];
  for (let i = 0; i < keys.length; i += POSITIONS_PER_CALL)
    chunks.push(keys.slice(i, i + POSITIONS_PER_CALL));
  const results = await Promise.all(
    chunks.map((chunk) => readPositions(publicClient, { exchange, keys: chunk })),
  );
  return results.flat();
}

/** Positions per deployless multicall (see {@link readPositionsChunked}). */
export const POSITIONS_PER_CALL = 32;
