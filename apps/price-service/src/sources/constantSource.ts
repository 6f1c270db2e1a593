import type { PriceSource } from "./priceSource.js";

/**
 * A source that always returns the same price (stablecoins).
 *
 * @example
 * constantSource(1).priceAt(1_760_000_000, undefined); // 1
 */
export function constantSource(priceUsd: number): PriceSource {
  return {
    kind: "constant",
    priceAt: () => priceUsd,
    describe: () => ({ priceUsd }),
  };
}
