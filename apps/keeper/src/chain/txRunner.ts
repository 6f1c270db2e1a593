import type { Address } from "viem";
import type { Logger } from "../observability/logger.js";
import type { KeeperMetrics } from "../observability/metrics.js";
import { classifyError } from "../util/errors.js";
import type { Signer } from "./clients.js";
import type { FeeGuard } from "./feeGuard.js";

/** Runs keeper transactions: fee cap first, round-robin over the signers, nonce resync on nonce errors. */
export interface TxRunner {
  /**
   * Runs `send` with the next signer after checking the fee cap (a `FeeCapExceededError` is thrown
   * before anything is signed). Nonce errors reset that signer's nonce manager before rethrowing.
   */
  run<T>(operation: string, send: (signer: Signer) => Promise<T>): Promise<T>;
  /** Sends in flight per signer address. */
  inFlight(address: Address): number;
  readonly signers: readonly Signer[];
}

/** Creates the {@link TxRunner}. */
export function createTxRunner(deps: {
  signers: readonly Signer[];
  feeGuard: FeeGuard;
  metrics: KeeperMetrics;
  logger: Logger;
}): TxRunner {
  const { signers, feeGuard, metrics, logger } = deps;
  const inFlight = new Map<Address, number>();
  let cursor = 0;
  const pick = (): Signer => {
    // The least busy signer, round-robin among equals.
    let best: Signer | undefined;
    for (let i = 0; i < signers.length; i++) {
      const signer = signers[(cursor + i) % signers.length] as Signer;
      if (best === undefined || (inFlight.get(signer.address) ?? 0) < (inFlight.get(best.address) ?? 0))
        best = signer;
    }
    cursor = (cursor + 1) % signers.length;
    return best as Signer;
  };
  return {
    signers,
    inFlight: (address) => inFlight.get(address) ?? 0,
    async run(operation, send) {
      try {
        await feeGuard.assertBelowCap();
      } catch (error) {
        const classified = classifyError(error);
        if (classified.kind === "fee_cap") metrics.feeCapSkips.inc({ operation });
        else if (classified.kind === "rpc") metrics.rpcErrors.inc({ operation: "estimateFeesPerGas" });
        throw error;
      }
      const signer = pick();
      inFlight.set(signer.address, (inFlight.get(signer.address) ?? 0) + 1);
      try {
        const result = await send(signer);
        metrics.transactionsSent.inc({ operation });
        return result;
      } catch (error) {
        const classified = classifyError(error);
        if (classified.kind === "nonce") {
          signer.resetNonce();
          metrics.nonceResyncs.inc({ address: signer.address });
          logger.warn(
            { operation, signer: signer.address, error: classified.message },
            "nonce rejected: resynced from the node",
          );
        } else if (classified.kind === "rpc") {
          metrics.rpcErrors.inc({ operation });
        } else if (classified.kind === "fee_cap") {
          metrics.feeCapSkips.inc({ operation });
        } else if (
          classified.kind === "reverted" ||
          (classified.kind === "gone" && /reverted/.test(classified.message))
        ) {
          metrics.transactionsSent.inc({ operation });
        }
        throw error;
      } finally {
        inFlight.set(signer.address, (inFlight.get(signer.address) ?? 1) - 1);
      }
    },
  };
}
