import { PYTH_FEED_IDS } from "@bastion/contracts";
import type { Hex } from "viem";

/** Pyth feeds of well-known pool tokens, by token symbol (the same ids on every EVM chain). */
const KNOWN_FEEDS: Readonly<Record<string, Hex>> = {
  USDC: PYTH_FEED_IDS["USDC/USD"],
  ETH: PYTH_FEED_IDS["ETH/USD"],
  WETH: PYTH_FEED_IDS["ETH/USD"],
  BTC: PYTH_FEED_IDS["BTC/USD"],
  WBTC: PYTH_FEED_IDS["BTC/USD"],
};

/** The Pyth feed of a well-known token symbol, lower-case; undefined for others. */
export function knownFeedIdForSymbol(symbol: string): Hex | undefined {
  return KNOWN_FEEDS[symbol.toUpperCase()]?.toLowerCase() as Hex | undefined;
}
