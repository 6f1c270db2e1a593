import type { Client } from "viem";
import { getBlock } from "viem/actions";

/** A block the readers pinned their calls to. */
export interface BlockContext {
  blockNumber: bigint;
  /** The block's timestamp: what `block.timestamp` is in views called at this block. */
  timestamp: bigint;
}

/** Parameters of {@link readBlock}. */
export interface ReadBlockParameters {
  /** Default: the latest block. */
  blockNumber?: bigint;
}

/**
 * The number and timestamp of a block (default: the latest). Reads pinned to this block number see
 * the state after it and evaluate views with its timestamp, so the mirror, given the same
 * timestamp, returns what those views return.
 *
 * @example
 * const { blockNumber, timestamp } = await readBlock(client);
 */
export async function readBlock(client: Client, parameters: ReadBlockParameters = {}): Promise<BlockContext> {
  const block =
    parameters.blockNumber === undefined
      ? await getBlock(client, { blockTag: "latest" })
      : await getBlock(client, { blockNumber: parameters.blockNumber });
  if (block.number === null) throw new Error("readBlock: the block has no number (pending)");
  return { blockNumber: block.number, timestamp: block.timestamp };
}
