import { exchangeAbi, pythOracleAbi } from "@bastion/contracts";
import type { Address, Chain, Client, Hex, Transport } from "viem";
import { readContract } from "viem/actions";

/** A market's tokens and the Pyth feeds the oracle prices them with. */
export interface MarketFeeds {
  market: Address;
  indexToken: Address;
  longToken: Address;
  shortToken: Address;
  /** Distinct feed ids of the index, long and short tokens, in that order. */
  feedIds: Hex[];
  /** The index token's feed id. */
  indexFeedId: Hex;
}

/**
 * Reads a market's tokens from the exchange and their Pyth feeds from the oracle adapter: the feeds
 * an execution or liquidation of that market needs in its price update.
 */
export async function readMarketFeeds(
  client: Client<Transport, Chain | undefined>,
  parameters: { exchange: Address; oracle: Address; market: Address },
): Promise<MarketFeeds> {
  const market = await readContract(client, {
    address: parameters.exchange,
    abi: exchangeAbi,
    functionName: "getMarket",
    args: [parameters.market],
  });
  const tokens = [market.indexToken, market.longToken, market.shortToken] as const;
  const feeds = await Promise.all(
    tokens.map(async (token) => {
      const feed = await readContract(client, {
        address: parameters.oracle,
        abi: pythOracleAbi,
        functionName: "feedConfig",
        args: [token],
      });
      return feed.feedId as Hex;
    }),
  );
  return {
    market: parameters.market,
    indexToken: market.indexToken,
    longToken: market.longToken,
    shortToken: market.shortToken,
    feedIds: [...new Set(feeds)],
    indexFeedId: feeds[0] as Hex,
  };
}
