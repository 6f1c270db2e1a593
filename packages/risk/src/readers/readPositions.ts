import { exchangeAbi } from "@bastion/contracts";
import type { Address, Client, Hex } from "viem";
import { getBlockNumber, multicall } from "viem/actions";
import type { PositionState } from "../mirror/types.js";
import { type MulticallOptions, multicallSettings } from "./multicall.js";

/** Parameters of {@link readPositions}. */
export interface ReadPositionsParameters extends MulticallOptions {
  exchange: Address;
  keys: readonly Hex[];
  /** Pin the read to this block; default the latest block. */
  blockNumber?: bigint;
}

/**
 * Reads positions by key in one multicall (split into several parallel calls for long lists). A
 * missing key returns an all-zero position (`account` is the zero address), as `getPosition` does.
 *
 * @example
 * const [position] = await readPositions(client, { exchange, keys: [key], blockNumber });
 */
export async function readPositions(
  client: Client,
  parameters: ReadPositionsParameters,
): Promise<PositionState[]> {
  if (parameters.keys.length === 0) return [];
  const results = await multicall(client, {
    ...multicallSettings(client, parameters),
    allowFailure: false,
    ...(parameters.blockNumber === undefined ? {} : { blockNumber: parameters.blockNumber }),
    contracts: parameters.keys.map(
      (key) =>
        ({
          address: parameters.exchange,
          abi: exchangeAbi,
          functionName: "getPosition",
          args: [key],
        }) as const,
    ),
  });
  return results as PositionState[];
}

/** Parameters of {@link readAllPositions}. */
export interface ReadAllPositionsParameters extends MulticallOptions {
  exchange: Address;
  market: Address;
  /** Pin the read to this block; default the latest block (then pinned for every page). */
  blockNumber?: bigint;
  /** Keys per `getPositionKeys` page. Default 500. */
  pageSize?: number;
}

/** Every open position of a market, with its key. */
export interface MarketPositions {
  blockNumber: bigint;
  keys: Hex[];
  positions: PositionState[];
}

/**
 * Reads every open position of a market at one block: the count, every page of keys in one
 * multicall, then the positions in one multicall (three round trips, whatever the number of
 * positions).
 *
 * @example
 * const { keys, positions } = await readAllPositions(client, { exchange, market, blockNumber });
 */
export async function readAllPositions(
  client: Client,
  parameters: ReadAllPositionsParameters,
): Promise<MarketPositions> {
  const settings = multicallSettings(client, parameters);
  const blockNumber = parameters.blockNumber ?? (await getBlockNumber(client, { cacheTime: 0 }));
  const pageSize = BigInt(parameters.pageSize ?? 500);
  const [count] = await multicall(client, {
    ...settings,
    allowFailure: false,
    blockNumber,
    contracts: [
      {
        address: parameters.exchange,
        abi: exchangeAbi,
        functionName: "getPositionCount",
        args: [parameters.market],
      },
    ],
  });
  const pages: bigint[] = [];
  for (let start = 0n; start < count; start += pageSize) pages.push(start);
  const keyPages = await multicall(client, {
    ...settings,
    allowFailure: false,
    blockNumber,
    contracts: pages.map(
      (start) =>
        ({
          address: parameters.exchange,
          abi: exchangeAbi,
          functionName: "getPositionKeys",
          args: [parameters.market, start, pageSize],
        }) as const,
    ),
  });
  const keys = (keyPages as readonly (readonly Hex[])[]).flat();
  const positions = await readPositions(client, { ...parameters, keys, blockNumber });
  return { blockNumber, keys, positions };
}
