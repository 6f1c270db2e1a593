import type { Hex } from "viem";

/** A price feed this service can serve. */
export interface FeedDescriptor {
  /** The Pyth feed id: `0x` and 64 lowercase hex digits. */
  id: Hex;
  /** Short symbol used on the command line and in logs, e.g. `ETH`. */
  symbol: string;
  /** Base asset, e.g. `ETH`. */
  base: string;
  /** Pyth's symbol, e.g. `Crypto.ETH/USD`. */
  pythSymbol: string;
  /** Where the random walk starts, in USD. */
  startPriceUsd: number;
  /** Served as a constant (stablecoins) unless a replay or an override says otherwise. */
  constantPriceUsd?: number;
  /** Confidence width in basis points for this feed, overriding the service-wide one. */
  confBps?: number;
}

/** The real Pyth feed ids (mainnet, the same on every EVM chain) of the feeds Bastion lists. */
export const KNOWN_FEEDS: readonly FeedDescriptor[] = [
  {
    id: "0xff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace",
    symbol: "ETH",
    base: "ETH",
    pythSymbol: "Crypto.ETH/USD",
    startPriceUsd: 3000,
  },
  {
    id: "0xe62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43",
    symbol: "BTC",
    base: "BTC",
    pythSymbol: "Crypto.BTC/USD",
    startPriceUsd: 60_000,
  },
  {
    id: "0xeaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a",
    symbol: "USDC",
    base: "USDC",
    pythSymbol: "Crypto.USDC/USD",
    startPriceUsd: 1,
    constantPriceUsd: 1,
    confBps: 0.5,
  },
];

/** Thrown for a feed that is neither a known symbol nor a 32-byte hex id. */
export class UnknownFeedError extends Error {
  override name = "UnknownFeedError";
  constructor(readonly input: string) {
    super(
      `unknown feed "${input}": use one of ${KNOWN_FEEDS.map((feed) => feed.symbol).join(", ")} ` +
        "or a 32-byte hex Pyth feed id",
    );
  }
}

/**
 * A feed id in the service's canonical form (`0x` + 64 lowercase hex digits), from an id with or
 * without `0x`, in any case; `undefined` when it is not 32 bytes of hex.
 *
 * @example
 * normalizeFeedId("FF61491A931112DDF1BD8147CD1B641375F79F5825126D665480874634FD0ACE"); // "0xff61...0ace"
 */
export function normalizeFeedId(input: string): Hex | undefined {
  const hex = input.trim().replace(/^0x/i, "").toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? `0x${hex}` : undefined;
}

/**
 * The feed named by a symbol (`ETH`, `eth/usd`, `Crypto.ETH/USD`) or a feed id. An id that is not
 * one of {@link KNOWN_FEEDS} gives a custom feed (random walk from 100 USD by default).
 * Throws {@link UnknownFeedError} otherwise.
 *
 * @example
 * resolveFeed("eth").id; // "0xff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace"
 */
export function resolveFeed(symbolOrId: string): FeedDescriptor {
  const id = normalizeFeedId(symbolOrId);
  if (id !== undefined) {
    return (
      KNOWN_FEEDS.find((feed) => feed.id === id) ?? {
        id,
        symbol: id.slice(0, 10),
        base: id.slice(2, 10).toUpperCase(),
        pythSymbol: `Crypto.${id.slice(2, 10).toUpperCase()}/USD`,
        startPriceUsd: 100,
      }
    );
  }
  const name = symbolOrId.trim().toUpperCase();
  const feed = KNOWN_FEEDS.find(
    (candidate) =>
      name === candidate.symbol ||
      name === `${candidate.base}/USD` ||
      name === candidate.pythSymbol.toUpperCase(),
  );
  if (feed === undefined) throw new UnknownFeedError(symbolOrId);
  return feed;
}
