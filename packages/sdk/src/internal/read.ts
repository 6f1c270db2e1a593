import {
  type Abi,
  type Address,
  type Chain,
  type Client,
  type ContractFunctionParameters,
  type Transport,
  zeroAddress,
} from "viem";
import { getBlockNumber, multicall, readContract } from "viem/actions";
import { getAction } from "viem/utils";

/** One call of a batch. */
export interface Call {
  address: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
}

export interface ReadOptions {
  blockNumber?: bigint | undefined;
}

/**
 * Runs calls in one multicall and returns their results, throwing the first failure. Uses the
 * chain's Multicall3 when the client's chain declares one, and a deployless multicall (the
 * aggregator's bytecode sent with an `eth_call`, nothing deployed) otherwise: local anvil chains
 * have no Multicall3.
 */
export async function readMany(
  client: Client<Transport, Chain | undefined>,
  calls: readonly Call[],
  options: ReadOptions = {},
): Promise<unknown[]> {
  if (calls.length === 0) return [];
  const hasMulticall3 = client.chain?.contracts?.multicall3 !== undefined;
  const results = await getAction(
    client,
    multicall,
    "multicall",
  )({
    contracts: calls as unknown as ContractFunctionParameters[],
    allowFailure: false,
    ...(hasMulticall3 ? {} : { deployless: true }),
    ...(options.blockNumber === undefined ? {} : { blockNumber: options.blockNumber }),
  });
  return results as unknown[];
}

/** Same as `readMany`, keeping failures as `{ error }` instead of throwing. */
export async function readManySettled(
  client: Client<Transport, Chain | undefined>,
  calls: readonly Call[],
  options: ReadOptions = {},
): Promise<({ status: "success"; result: unknown } | { status: "failure"; error: Error })[]> {
  if (calls.length === 0) return [];
  const hasMulticall3 = client.chain?.contracts?.multicall3 !== undefined;
  const results = await getAction(
    client,
    multicall,
    "multicall",
  )({
    contracts: calls as unknown as ContractFunctionParameters[],
    allowFailure: true,
    ...(hasMulticall3 ? {} : { deployless: true }),
    ...(options.blockNumber === undefined ? {} : { blockNumber: options.blockNumber }),
  });
  return results as ({ status: "success"; result: unknown } | { status: "failure"; error: Error })[];
}

/** A single typed-enough read. */
export async function readOne<T>(
  client: Client<Transport, Chain | undefined>,
  call: Call,
  options: ReadOptions = {},
): Promise<T> {
  const result = await getAction(
    client,
    readContract,
    "readContract",
  )({
    address: call.address,
    abi: call.abi,
    functionName: call.functionName,
    args: call.args ?? [],
    ...(options.blockNumber === undefined ? {} : { blockNumber: options.blockNumber }),
  } as Parameters<typeof readContract>[1]);
  return result as T;
}

/** Whether a struct read from a mapping is empty (its `account` is the zero address). */
export function isEmptyRecord(record: { account: Address }): boolean {
  return record.account === zeroAddress;
}

/**
 * The latest block number, uncached (viem caches `getBlockNumber` for the client's `cacheTime`,
 * which would pin reads to a block several seconds old). Multi-call reads pin it so they see one state.
 */
export async function snapshotBlock(client: Client<Transport, Chain | undefined>, blockNumber?: bigint) {
  if (blockNumber !== undefined) return blockNumber;
  return getAction(client, getBlockNumber, "getBlockNumber")({ cacheTime: 0 });
}
