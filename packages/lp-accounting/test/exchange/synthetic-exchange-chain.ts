import { createPublicClient, custom, type Hex, hexToBigInt, numberToHex, type PublicClient } from "viem";
import type { RpcLog, SyntheticHistory } from "./synthetic-history.js";

/** An in-process chain serving a {@link SyntheticHistory} on a viem `custom` transport (no network, no JSON). */
export interface SyntheticExchangeChain {
  readonly client: PublicClient;
  readonly head: bigint;
  /** Number of `eth_getLogs` requests served so far. */
  readonly requests: () => number;
}

/**
 * Answers the indexer's three reads from the history. `failGetLogs` makes every `eth_getLogs`
 * fail with an HTTP-like error, to exercise the retry path.
 */
export function syntheticExchangeChain(
  history: SyntheticHistory,
  options: { failGetLogs?: boolean } = {},
): SyntheticExchangeChain {
  const head = history.logsByBlock.length - 1;
  let requests = 0;
  const blockOf = (blockNumber: number): { hash: Hex; timestamp: Hex } | null => {
    const first = history.logsByBlock[blockNumber]?.[0];
    if (blockNumber > head) return null;
    return first === undefined
      ? {
          hash: numberToHex(blockNumber + 1, { size: 32 }),
          timestamp: numberToHex(1_700_000_000 + blockNumber),
        }
      : { hash: first.blockHash, timestamp: first.blockTimestamp };
  };
  const request = async ({ method, params }: { method: string; params?: unknown }): Promise<unknown> => {
    const args = (params ?? []) as unknown[];
    switch (method) {
      case "eth_blockNumber":
        return numberToHex(head);
      case "eth_getBlockByNumber": {
        const blockNumber = Number(hexToBigInt(args[0] as Hex));
        const block = blockOf(blockNumber);
        return block === null ? null : { number: numberToHex(blockNumber), ...block };
      }
      case "eth_getLogs": {
        requests++;
        if (options.failGetLogs) throw new Error("HTTP request failed. Status: 503 (synthetic)");
        const filter = args[0] as { fromBlock: Hex; toBlock: Hex };
        const from = Number(hexToBigInt(filter.fromBlock));
        const to = Math.min(Number(hexToBigInt(filter.toBlock)), head);
        const logs: RpcLog[] = [];
        for (let block = from; block <= to; block++) logs.push(...(history.logsByBlock[block] ?? []));
        return logs;
      }
      default:
        throw new Error(`synthetic chain does not implement ${method}`);
    }
  };
  return {
    client: createPublicClient({ transport: custom({ request }, { retryCount: 0 }) }),
    head: BigInt(head),
    requests: () => requests,
  };
}
