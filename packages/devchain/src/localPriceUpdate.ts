import { PYTH_FEED_IDS } from "@bastion/contracts";
import type { Hex } from "viem";
import { encodeMockPythUpdate } from "./mockPyth.js";

/** Prices of the local feeds as decimal strings in USD, e.g. `{ "ETH/USD": "3000.5" }`. */
export type LocalPrices = Partial<Record<keyof typeof PYTH_FEED_IDS, string>>;

/** Pyth exponent of every local feed. */
export const LOCAL_PYTH_EXPO = -8;

/**
 * Update data the local chain's MockPyth accepts for the given prices, published at `publishTime`,
 * with a confidence of `confBps` basis points (default 1). USDC is quoted at 1.00 unless given.
 *
 * @example
 * const update = localPriceUpdate({ "ETH/USD": "3000", "BTC/USD": "60000" }, Math.floor(Date.now() / 1000));
 */
export function localPriceUpdate(prices: LocalPrices, publishTime: number, confBps = 1n): Hex[] {
  const all: LocalPrices = { "USDC/USD": "1", ...prices };
  return Object.entries(all).map(([symbol, value]) => {
    const price = decimalToMantissa(value, -LOCAL_PYTH_EXPO);
    return encodeMockPythUpdate({
      feedId: PYTH_FEED_IDS[symbol as keyof typeof PYTH_FEED_IDS],
      price,
      conf: (price * confBps) / 10_000n,
      expo: LOCAL_PYTH_EXPO,
      publishTime,
      prevPublishTime: publishTime - 1,
    });
  });
}

/** "3000.25" with 8 decimals -> 300025000000n, exactly (no floating point). */
export function decimalToMantissa(value: string, decimals: number): bigint {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw new Error(`not a non-negative decimal number: "${value}"`);
  const fraction = (match[2] ?? "").padEnd(decimals, "0");
  if (fraction.length > decimals) throw new Error(`"${value}" has more than ${decimals} decimals`);
  return BigInt(match[1] ?? "0") * 10n ** BigInt(decimals) + BigInt(fraction || "0");
}
