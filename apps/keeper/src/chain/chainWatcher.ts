import type { Address, Chain, Log, PublicClient, Transport } from "viem";
import type { Logger } from "../observability/logger.js";
import type { KeeperMetrics } from "../observability/metrics.js";
import { classifyError } from "../util/errors.js";
import { type Loop, startLoop } from "../util/loop.js";
import { type ExchangeEvent, parseExchangeLogs } from "./exchangeEvents.js";

/** Exchange events of a range of new blocks. */
export interface EventBatch {
  fromBlock: bigint;
  toBlock: bigint;
  /** Timestamp of `toBlock`. */
  timestamp: bigint;
  /** Decoded, in chain order, each with `blockTimestamp`. */
  events: (ExchangeEvent & { blockTimestamp: bigint })[];
}

/** Follows the chain head and the exchange's events. Holds nothing the chain does not. */
export interface ChainWatcher {
  /** Called with every batch of new blocks (possibly without events), in order. */
  onBatch(listener: (batch: EventBatch) => void): void;
  /** Called when the chain went backwards (reorg, node reset): state must be re-read in full. */
  onReset(listener: () => void): void;
  /** The newest block processed. */
  readonly head: { number: bigint; timestamp: bigint } | undefined;
  /**
   * The timestamp the next block will most likely carry: the newest of the head's timestamp and the
   * wall clock (a chain that mines on demand, like anvil, stamps new blocks with the wall clock).
   */
  nextBlockTime(): bigint;
  /** Polls now instead of at the next interval. */
  poke(): void;
  start(): void;
  stop(): Promise<void>;
}

/** Largest block range per `eth_getLogs`. */
const MAX_LOG_RANGE = 2_000n;

/**
 * Polls the block number every `intervalMs` and, for new blocks, reads the exchange's logs in one
 * `eth_getLogs` per range (decoded with the exchange ABI). It starts at the current head: what
 * happened before is read from the chain's pending lists and positions, not from history.
 */
export function createChainWatcher(deps: {
  publicClient: PublicClient<Transport, Chain>;
  exchange: Address;
  intervalMs: number;
  retry: { baseMs: number; maxMs: number };
  metrics: KeeperMetrics;
  logger: Logger;
}): ChainWatcher {
  const { publicClient, exchange, metrics, logger } = deps;
  const batchListeners: ((batch: EventBatch) => void)[] = [];
  const resetListeners: (() => void)[] = [];
  let head: { number: bigint; timestamp: bigint } | undefined;
  let loop: Loop | undefined;

  const blockTimestamp = async (blockNumber: bigint): Promise<bigint> =>
    (await publicClient.getBlock({ blockNumber })).timestamp;

  const poll = async () => {
    const latest = await publicClient.getBlockNumber({ cacheTime: 0 });
    if (head === undefined) {
      head = { number: latest, timestamp: await blockTimestamp(latest) };
      return;
    }
    if (latest < head.number) {
      logger.warn({ previous: head.number, latest }, "chain went backwards: re-reading state");
      head = { number: latest, timestamp: await blockTimestamp(latest) };
      for (const listener of resetListeners) listener();
      return;
    }
    while (head.number < latest) {
      const fromBlock: bigint = head.number + 1n;
      const toBlock: bigint =
        latest - fromBlock + 1n > MAX_LOG_RANGE ? fromBlock + MAX_LOG_RANGE - 1n : latest;
      const [logs, timestamp]: [unknown[], bigint] = await Promise.all([
        publicClient.getLogs({ address: exchange, fromBlock, toBlock }),
        blockTimestamp(toBlock),
      ]);
      const decoded = parseExchangeLogs(logs as Log[]);
      const missing = [...new Set(decoded.filter((e) => e.blockTimestamp == null).map((e) => e.blockNumber))];
      const stamps = new Map<bigint, bigint>();
      await Promise.all(missing.map(async (n) => stamps.set(n, await blockTimestamp(n))));
      const events = decoded.map((event) => ({
        ...event,
        blockTimestamp: event.blockTimestamp ?? stamps.get(event.blockNumber) ?? timestamp,
      }));
      head = { number: toBlock, timestamp };
      const batch: EventBatch = { fromBlock, toBlock, timestamp, events };
      for (const listener of batchListeners) {
        try {
          listener(batch);
        } catch (error) {
          logger.error({ error: String(error) }, "event listener failed");
        }
      }
    }
  };

  return {
    onBatch: (listener) => batchListeners.push(listener),
    onReset: (listener) => resetListeners.push(listener),
    get head() {
      return head;
    },
    nextBlockTime() {
      const wall = BigInt(Math.floor(Date.now() / 1000));
      return head === undefined || head.timestamp < wall ? wall : head.timestamp;
    },
    poke: () => loop?.wake(),
    start() {
      loop ??= startLoop({
        name: "chain-watcher",
        intervalMs: deps.intervalMs,
        retry: deps.retry,
        run: poll,
        onError(error, retryInMs, failures) {
          const classified = classifyError(error);
          metrics.rpcErrors.inc({ operation: "poll" });
          logger.warn({ error: classified.message, retryInMs, failures }, "block poll failed");
        },
      });
    },
    async stop() {
      await loop?.stop();
    },
  };
}
