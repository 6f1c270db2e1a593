import { type Address, type Chain, type Client, type Hex, numberToHex, type Transport } from "viem";
import type { IndexedLog } from "../store/log-store.js";
import type { EventDecoder } from "./event-decoder.js";

/** A viem client the indexer can read from: any public client (or a wallet/test client). */
export type IndexerClient = Client<Transport, Chain | undefined>;

/** The three reads the indexer makes, without retries: each call is one JSON-RPC request. */
export interface ChainReader {
  /** `eth_blockNumber`. */
  getHead(): Promise<bigint>;
  /** `eth_getBlockByNumber`: the block's hash, or `null` when the chain has no such block (yet). */
  getBlockHash(blockNumber: bigint): Promise<Hex | null>;
  /**
   * `eth_getLogs` over `fromBlock..toBlock` for the addresses and events, decoded, each with its
   * block's timestamp (read from the block header when the node does not put it in the log).
   */
  getLogs(fromBlock: bigint, toBlock: bigint): Promise<IndexedLog[]>;
}

interface RpcLog {
  address: Address;
  blockHash: Hex | null;
  blockNumber: Hex | null;
  /** Returned by anvil, reth and recent geth; missing on older nodes. */
  blockTimestamp?: Hex | null;
  data: Hex;
  logIndex: Hex | null;
  transactionHash: Hex | null;
  transactionIndex: Hex | null;
  topics: Hex[];
  removed?: boolean;
}

/**
 * Reads through raw JSON-RPC requests: no block-number cache (viem's `getBlockNumber` caches for
 * the polling interval), no `BlockNotFoundError` for a block that is not there, and logs that fail
 * to decode are kept raw instead of being dropped.
 *
 * @example
 * const reader = createChainReader(client, [pool], createEventDecoder(poolAbi));
 * const logs = await reader.getLogs(100n, 199n);
 */
export function createChainReader(
  client: IndexerClient,
  addresses: readonly Address[],
  decoder: EventDecoder,
): ChainReader {
  const address = addresses.length === 1 ? addresses[0] : [...addresses];
  const topics = [[...decoder.selectors]];
  const getBlock = async (blockNumber: bigint): Promise<RpcBlockHeader | null> =>
    (await client.request({
      method: "eth_getBlockByNumber",
      params: [numberToHex(blockNumber), false],
    })) as RpcBlockHeader | null;
  return {
    async getHead() {
      return BigInt(await client.request({ method: "eth_blockNumber" }));
    },
    async getBlockHash(blockNumber) {
      return (await getBlock(blockNumber))?.hash ?? null;
    },
    async getLogs(fromBlock, toBlock) {
      const rpcLogs = (await client.request({
        method: "eth_getLogs",
        params: [{ address, topics, fromBlock: numberToHex(fromBlock), toBlock: numberToHex(toBlock) }],
      })) as RpcLog[];
      const logs = rpcLogs.filter((log) => log.removed !== true).map((log) => toIndexedLog(log, decoder));
      return logs.some((log) => log.blockTimestamp === undefined) ? fillTimestamps(logs, getBlock) : logs;
    },
  };
}

interface RpcBlockHeader {
  hash: Hex | null;
  timestamp: Hex;
}

/**
 * Sets `blockTimestamp` from block headers, one request per block. A header whose hash differs from
 * the logs' block hash means the chain reorganised during the read: the error makes the caller retry.
 */
async function fillTimestamps(
  logs: IndexedLog[],
  getBlock: (blockNumber: bigint) => Promise<RpcBlockHeader | null>,
): Promise<IndexedLog[]> {
  const timestamps = new Map<bigint, bigint>();
  for (const log of logs) {
    if (log.blockTimestamp !== undefined || timestamps.has(log.blockNumber)) continue;
    const block = await getBlock(log.blockNumber);
    if (block === null || block.hash !== log.blockHash) {
      throw new Error(
        `block ${log.blockNumber} changed while its logs were read (log block hash ${log.blockHash}, header ${block?.hash ?? "missing"})`,
      );
    }
    timestamps.set(log.blockNumber, BigInt(block.timestamp));
  }
  return logs.map((log) =>
    log.blockTimestamp !== undefined
      ? log
      : { ...log, blockTimestamp: timestamps.get(log.blockNumber) as bigint },
  );
}

function toIndexedLog(log: RpcLog, decoder: EventDecoder): IndexedLog {
  const { blockHash, blockNumber, logIndex, transactionHash, transactionIndex } = log;
  if (
    blockHash === null ||
    blockNumber === null ||
    logIndex === null ||
    transactionHash === null ||
    transactionIndex === null
  ) {
    throw new Error(
      `eth_getLogs returned a pending log (no block number, hash or index) from ${log.address}`,
    );
  }
  const decoded = decoder.decode(log.topics, log.data);
  return {
    blockNumber: BigInt(blockNumber),
    blockHash,
    ...(log.blockTimestamp === undefined || log.blockTimestamp === null
      ? {}
      : { blockTimestamp: BigInt(log.blockTimestamp) }),
    logIndex: Number(logIndex),
    transactionHash,
    transactionIndex: Number(transactionIndex),
    address: log.address,
    topics: log.topics,
    data: log.data,
    eventName: decoded?.eventName ?? null,
    args: decoded?.args ?? null,
  };
}
