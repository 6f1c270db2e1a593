import { type BastionHermesClient, fetchPriceUpdate, HermesError, type PythPrice } from "@bastion/sdk";
import type { Hex } from "viem";

/**
 * A price update published at or after `publishTime` (e.g. a request's creation time), from a
 * Hermes-compatible endpoint. The local price service publishes one update per second of its
 * clock, so a time a little ahead of it answers 404 for a moment: this retries until it is
 * published or `timeoutMs` has passed.
 */
export async function fetchUpdateAtOrAfter(
  hermes: BastionHermesClient,
  feedIds: readonly Hex[],
  publishTime: number,
  timeoutMs = 30_000,
): Promise<{ updateData: Hex[]; prices: PythPrice[] }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetchPriceUpdate({ client: hermes, feedIds, publishTime });
    } catch (error) {
      const notYet = error instanceof HermesError && error.code === "not-found";
      if (!notYet || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
