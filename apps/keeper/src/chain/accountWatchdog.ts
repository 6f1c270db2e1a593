import { type Chain, formatEther, type PublicClient, type Transport } from "viem";
import type { Logger } from "../observability/logger.js";
import type { KeeperMetrics } from "../observability/metrics.js";
import type { TxRunner } from "./txRunner.js";

/** Periodic account checks: ETH balance, and nonce gaps that would hold sends forever. */
export interface AccountWatchdog {
  /** One check of every signer; called by a loop. */
  check(): Promise<void>;
}

/**
 * Reports each signer's ETH balance and repairs nonce gaps. A gap appears when a send consumed a nonce
 * but never reached the node (the node then queues every later transaction of the account). It shows
 * as an account with transactions broadcast and waiting for receipts whose mined nonce has not moved
 * for two checks: the watchdog
 * resets the nonce manager and fills the missing nonce with a zero-value transfer to itself, which
 * releases the queued transactions.
 */
export function createAccountWatchdog(deps: {
  publicClient: PublicClient<Transport, Chain>;
  txRunner: TxRunner;
  metrics: KeeperMetrics;
  logger: Logger;
  dryRun: boolean;
  /** Transactions broadcast and waiting for their receipt. */
  receiptsPending: () => number;
}): AccountWatchdog {
  const { publicClient, txRunner, metrics, logger } = deps;
  const lastNonce = new Map<string, { nonce: number; stalls: number }>();
  return {
    async check() {
      for (const signer of txRunner.signers) {
        const [balance, mined] = await Promise.all([
          publicClient.getBalance({ address: signer.address }),
          publicClient.getTransactionCount({ address: signer.address, blockTag: "latest" }),
        ]);
        metrics.ethBalance.set({ address: signer.address }, Number(formatEther(balance)));
        if (deps.dryRun) continue;
        const previous = lastNonce.get(signer.address);
        // Broadcast and waiting for a receipt, yet the account's mined nonce does not move.
        const busy = txRunner.inFlight(signer.address) > 0 && deps.receiptsPending() > 0;
        const stalls = busy && previous !== undefined && previous.nonce === mined ? previous.stalls + 1 : 0;
        lastNonce.set(signer.address, { nonce: mined, stalls });
        if (stalls < 2) continue;
        logger.warn(
          { signer: signer.address, nonce: mined, inFlight: txRunner.inFlight(signer.address) },
          "nonce gap: sends in flight but no nonce mined; filling the gap",
        );
        signer.resetNonce();
        metrics.nonceResyncs.inc({ address: signer.address });
        try {
          await signer.client.sendTransaction({ to: signer.address, value: 0n, nonce: mined });
        } catch (error) {
          logger.warn(
            { signer: signer.address, nonce: mined, error: String(error).slice(0, 300) },
            "gap filler not sent (nonce taken meanwhile?)",
          );
        }
        lastNonce.set(signer.address, { nonce: mined, stalls: 0 });
      }
    },
  };
}
