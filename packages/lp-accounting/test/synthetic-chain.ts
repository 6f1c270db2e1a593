import {
  type Address,
  createPublicClient,
  custom,
  encodeAbiParameters,
  type Hex,
  hexToBigInt,
  numberToHex,
  type PublicClient,
  pad,
  toEventSelector,
} from "viem";
import {
  syntheticBlockHash,
  syntheticBlockTimestamp,
  syntheticEmitter,
  syntheticEventsAbi,
} from "./synthetic-logs.js";

/** Shape of a log as `eth_getLogs` returns it over JSON-RPC. */
interface RpcLog {
  address: Address;
  blockHash: Hex;
  blockNumber: Hex;
  blockTimestamp: Hex;
  data: Hex;
  logIndex: Hex;
  transactionHash: Hex;
  transactionIndex: Hex;
  topics: Hex[];
  removed: false;
}

/** An in-process chain that answers the indexer's three JSON-RPC reads from pre-built logs. */
export interface SyntheticChain {
  /** viem client on a `custom` transport: no network, no JSON, so a benchmark measures the pipeline. */
  readonly client: PublicClient;
  /** Number of the last block; blocks `1..head` hold logs. */
  readonly head: bigint;
  /** Number of logs on the chain. */
  readonly totalLogs: number;
}

/**
 * Builds `blocks` blocks with `logsPerBlock` `Moved` logs each (from {@link syntheticEmitter}),
 * encoded as a node would return them. The logs are built up front, outside any measurement.
 */
export function createSyntheticChain(blocks: number, logsPerBlock: number): SyntheticChain {
  const selector = toEventSelector(syntheticEventsAbi[0]);
  const account = pad("0x000000000000000000000000000000000000dead");
  const logsByBlock: RpcLog[][] = [[]];
  let seq = 0n;
  for (let block = 1; block <= blocks; block++) {
    const logs: RpcLog[] = [];
    for (let logIndex = 0; logIndex < logsPerBlock; logIndex++, seq++) {
      logs.push({
        address: syntheticEmitter,
        blockHash: syntheticBlockHash(BigInt(block)),
        blockNumber: numberToHex(block),
        blockTimestamp: numberToHex(syntheticBlockTimestamp(BigInt(block))),
        data: encodeAbiParameters(
          [{ type: "uint256" }, { type: "int256" }],
          [10n ** 30n + seq, -(2n ** 200n) - seq],
        ),
        logIndex: numberToHex(logIndex),
        transactionHash: numberToHex(seq + 1n, { size: 32 }),
        transactionIndex: numberToHex(logIndex),
        topics: [selector, account, numberToHex(seq, { size: 32 })],
        removed: false,
      });
    }
    logsByBlock.push(logs);
  }

  const request = async ({ method, params }: { method: string; params?: unknown }): Promise<unknown> => {
    const args = (params ?? []) as unknown[];
    switch (method) {
      case "eth_blockNumber":
        return numberToHex(blocks);
      case "eth_getBlockByNumber": {
        const blockNumber = hexToBigInt(args[0] as Hex);
        if (blockNumber > BigInt(blocks)) return null;
        return {
          number: numberToHex(blockNumber),
          hash: syntheticBlockHash(blockNumber),
          timestamp: numberToHex(syntheticBlockTimestamp(blockNumber)),
        };
      }
      case "eth_getLogs": {
        const filter = args[0] as { fromBlock: Hex; toBlock: Hex };
        const from = Number(hexToBigInt(filter.fromBlock));
        const to = Math.min(Number(hexToBigInt(filter.toBlock)), blocks);
        return logsByBlock.slice(from, to + 1).flat();
      }
      default:
        throw new Error(`synthetic chain does not implement ${method}`);
    }
  };

  return {
    client: createPublicClient({ transport: custom({ request }, { retryCount: 0 }) }),
    head: BigInt(blocks),
    totalLogs: blocks * logsPerBlock,
  };
}
