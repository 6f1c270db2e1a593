import type { Chain, PublicClient, Transport } from "viem";
import { FeeCapExceededError } from "../util/errors.js";
import type { FeeCache } from "./clients.js";

/** Checks the network's fee against the cap before anything is signed. */
export interface FeeGuard {
  /** Throws `FeeCapExceededError` when the current max fee per gas is above the cap. */
  assertBelowCap(): Promise<void>;
  /** The last fee read, wei (undefined before the first read). */
  readonly lastMaxFeePerGas: bigint | undefined;
}

/**
 * A {@link FeeGuard} reading `estimateFeesPerGas` at most once per `cacheMs` (one read serves every
 * send of a burst). Checking before the send, rather than only in the transaction preparation hook,
 * means a skipped send never consumes a nonce.
 */
export function createFeeGuard(
  client: PublicClient<Transport, Chain>,
  capWei: bigint,
  cacheMs: number,
  cache?: FeeCache,
): FeeGuard {
  let cached: { at: number; fee: Promise<bigint> } | undefined;
  let last: bigint | undefined;
  const read = async (): Promise<bigint> => {
    const fees = await client.estimateFeesPerGas();
    if (cache !== undefined && fees.maxFeePerGas !== undefined && fees.maxPriorityFeePerGas !== undefined) {
      cache.maxFeePerGas = fees.maxFeePerGas;
      cache.maxPriorityFeePerGas = fees.maxPriorityFeePerGas;
      cache.updatedAtMs = Date.now();
    }
    return fees.maxFeePerGas ?? fees.gasPrice ?? 0n;
  };
  return {
    async assertBelowCap() {
      const now = Date.now();
      if (cached === undefined || now - cached.at > cacheMs) {
        const fee = read();
        cached = { at: now, fee };
        fee.catch(() => {
          if (cached?.fee === fee) cached = undefined;
        });
      }
      const fee = await cached.fee;
      last = fee;
      if (fee > capWei) throw new FeeCapExceededError(fee, capWei);
    },
    get lastMaxFeePerGas() {
      return last;
    },
  };
}
