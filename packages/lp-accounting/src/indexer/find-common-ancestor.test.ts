import type { Hex } from "viem";
import { describe, expect, it } from "vitest";
import { syntheticBlockHash } from "../../test/synthetic-logs.js";
import type { BlockRef } from "../store/log-store.js";
import { findCommonAncestor } from "./find-common-ancestor.js";
import { ReorgTooDeepError } from "./indexer-errors.js";

const ref = (blockNumber: bigint, fork = 0): BlockRef => ({
  blockNumber,
  blockHash: syntheticBlockHash(blockNumber, fork),
});

/** A chain on fork 0 up to `forkPoint`, on fork 1 above it. */
function chain(forkPoint: bigint, head: bigint) {
  const requested: bigint[] = [];
  const getChainHash = async (blockNumber: bigint): Promise<Hex | null> => {
    requested.push(blockNumber);
    if (blockNumber > head) return null;
    return syntheticBlockHash(blockNumber, blockNumber > forkPoint ? 1 : 0);
  };
  return { requested, getChainHash };
}

describe("findCommonAncestor", () => {
  const known = [ref(20n), ref(18n), ref(15n), ref(12n), ref(9n)];

  it("returns the newest remembered block still on the chain, checking newest first", async () => {
    const { requested, getChainHash } = chain(16n, 30n);
    const ancestor = await findCommonAncestor({
      checkpoint: ref(20n),
      knownBlocks: known,
      startBlock: 10n,
      getChainHash,
    });
    expect(ancestor).toEqual(ref(15n));
    expect(requested).toEqual([18n, 15n]);
  });

  it("handles a chain now shorter than the checkpoint", async () => {
    const { getChainHash } = chain(12n, 14n);
    expect(
      await findCommonAncestor({ checkpoint: ref(20n), knownBlocks: known, startBlock: 10n, getChainHash }),
    ).toEqual(ref(12n));
  });

  it("returns null when even the block before the start was replaced", async () => {
    const { getChainHash } = chain(5n, 30n);
    expect(
      await findCommonAncestor({ checkpoint: ref(20n), knownBlocks: known, startBlock: 10n, getChainHash }),
    ).toBeNull();
  });

  it("throws ReorgTooDeepError when the remembered history ends above the start", async () => {
    const { getChainHash } = chain(5n, 30n);
    const pending = findCommonAncestor({
      checkpoint: ref(20n),
      knownBlocks: known,
      startBlock: 0n,
      getChainHash,
    });
    await expect(pending).rejects.toBeInstanceOf(ReorgTooDeepError);
    await expect(pending).rejects.toThrow("every remembered block down to 9 differ from the chain");
  });
});
