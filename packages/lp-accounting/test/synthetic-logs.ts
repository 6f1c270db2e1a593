import { type Address, encodeAbiParameters, encodeEventTopics, type Hex, parseAbi, toHex } from "viem";
import type { IndexedLog } from "../src/store/log-store.js";

/** ABI of the synthetic events (same shape as the Emitter fixture's `Moved`). */
export const syntheticEventsAbi = parseAbi([
  "event Moved(address indexed account, uint256 indexed seq, uint256 amount, int256 delta)",
]);

/** Address the synthetic logs come from. */
export const syntheticEmitter: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

/** Deterministic fake block hash for a block number (and a fork id, to build reorgs). */
export function syntheticBlockHash(blockNumber: bigint, fork = 0): Hex {
  return toHex((BigInt(fork) << 128n) | (blockNumber + 1n), { size: 32 });
}

/** Deterministic timestamp of a synthetic block: 12 seconds apart. */
export function syntheticBlockTimestamp(blockNumber: bigint): bigint {
  return 1_700_000_000n + 12n * blockNumber;
}

/**
 * A decoded `Moved` log at the given position, with amounts above 2^53 and a negative delta so
 * that bigint round-trips are exercised.
 */
export function syntheticLog(blockNumber: bigint, logIndex: number, seq: bigint, fork = 0): IndexedLog {
  const account: Address = "0x000000000000000000000000000000000000dEaD";
  const amount = 10n ** 30n + seq;
  const delta = -(2n ** 200n) - seq;
  return {
    blockNumber,
    blockHash: syntheticBlockHash(blockNumber, fork),
    logIndex,
    transactionHash: toHex(seq + 1n, { size: 32 }),
    transactionIndex: logIndex,
    address: syntheticEmitter,
    topics: encodeEventTopics({
      abi: syntheticEventsAbi,
      eventName: "Moved",
      args: { account, seq },
    }) as Hex[],
    data: encodeAbiParameters([{ type: "uint256" }, { type: "int256" }], [amount, delta]),
    eventName: "Moved",
    args: { account, seq, amount, delta },
  };
}
