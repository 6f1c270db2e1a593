import { type Address, type Hex, isAddressEqual } from "viem";
import type { AppConfig, MarketConfig, TokenConfig } from "./appConfigSchema";
import { knownFeedIdForSymbol } from "./knownFeeds";

/** The Pyth feed of one of a market's tokens (the schema guarantees one exists). */
export function tokenFeedId(market: MarketConfig, token: TokenConfig): Hex {
  const feed =
    token.pythPriceFeedId ??
    (isAddressEqual(token.address, market.indexToken.address) ? market.pythPriceFeedId : undefined) ??
    knownFeedIdForSymbol(token.symbol);
  if (feed === undefined)
    throw new Error(`config.json: no Pyth feed for ${token.symbol} in ${market.symbol}`);
  return feed;
}

/** The distinct feeds a market's prices need: index, long and short token. */
export function marketFeedIds(market: MarketConfig): Hex[] {
  return [
    ...new Set([
      market.pythPriceFeedId,
      tokenFeedId(market, market.longToken),
      tokenFeedId(market, market.shortToken),
    ]),
  ];
}

/** Every feed the app needs, across markets. */
export function allFeedIds(config: AppConfig): Hex[] {
  return [...new Set(config.markets.flatMap(marketFeedIds))];
}

/** The configured market at an address, if any. */
export function findMarketConfig(config: AppConfig, address: Address): MarketConfig | undefined {
  return config.markets.find((market) => isAddressEqual(market.address, address));
}

/** The exchange and oracle addresses (the schema requires both). */
export function coreAddresses(config: AppConfig): { exchange: Address; oracle: Address } {
  const { exchange, oracle } = config.contracts;
  if (exchange === undefined || oracle === undefined) {
    throw new Error("config.json: contracts.exchange and contracts.oracle are required");
  }
  return { exchange, oracle };
}
