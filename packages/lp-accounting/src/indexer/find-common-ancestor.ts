import type { Hex } from "viem";
import type { BlockRef } from "../store/log-store.js";
import { ReorgTooDeepError } from "./indexer-errors.js";

/** Inputs of {@link findCommonAncestor}. */
export interface FindCommonAncestorParameters {
  /** The checkpoint whose hash no longer matches the chain. */
  readonly checkpoint: BlockRef;
  /** Remembered block hashes, newest first. */
  readonly knownBlocks: readonly BlockRef[];
  /** First block the indexer indexes; a remembered block below it is the pre-start anchor. */
  readonly startBlock: bigint;
  /** Current chain hash at a block number (`null` if the chain has no such block). */
  readonly getChainHash: (blockNumber: bigint) => Promise<Hex | null>;
}

/**
 * Walks remembered blocks from newest to oldest and returns the first one whose hash is still on
 * the chain: every block at or below it is unchanged (each block commits to its parent). Returns
 * `null` when even the remembered block before `startBlock` was replaced, meaning the whole indexed
 * range must be indexed again.
 *
 * @throws {ReorgTooDeepError} when no remembered block matches and the history no longer reaches
 * below `startBlock`.
 */
export async function findCommonAncestor(parameters: FindCommonAncestorParameters): Promise<BlockRef | null> {
  const { checkpoint, knownBlocks, startBlock, getChainHash } = parameters;
  for (const known of knownBlocks) {
    if (known.blockNumber >= checkpoint.blockNumber) continue;
    if ((await getChainHash(known.blockNumber)) === known.blockHash) return known;
  }
  const oldest = knownBlocks.at(-1);
  if (oldest !== undefined && oldest.blockNumber < startBlock) return null;
  throw new ReorgTooDeepError(checkpoint, oldest?.blockNumber);
}
