import { getMarketPrices, type MarketPrices } from "@bastion/sdk";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useExchange } from "../chain/useExchange";
import type { MarketConfig } from "../config/appConfigSchema";
import { marketFeedIds } from "../config/marketFeeds";
import { usePythPrices } from "./usePythPrices";

/**
 * A market's price ranges (index, long, short) exactly as the oracle would verify the newest Pyth
 * prices (price -/+ k x confidence, in USD with 30 decimals per smallest token unit).
 */
export function useMarketPrices(market: MarketConfig) {
  const { client, exchange, config } = useExchange();
  const pyth = usePythPrices();
  const feeds = marketFeedIds(market);
  const prices = pyth.data?.filter((price) => feeds.includes(price.feedId.toLowerCase() as `0x${string}`));
  const publishKey = prices?.map(
    (price) => `${price.feedId}:${price.publishTime}:${price.price}:${price.conf}`,
  );
  const query = useQuery<MarketPrices>({
    queryKey: ["bastion", config.chainId, exchange, "market-prices", market.address, publishKey],
    queryFn: () => getMarketPrices(client, { exchange, market: market.address, prices }),
    enabled: prices !== undefined && prices.length === feeds.length,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return {
    prices: query.data,
    /** The price service failed (no prices at all), or turning them into ranges failed. */
    error: pyth.data === undefined ? pyth.error : query.error,
    isLoading: query.data === undefined && (pyth.isLoading || query.isLoading || query.isPending),
    /** Unix seconds of the oldest of the prices used. */
    publishTime: prices === undefined ? undefined : Math.min(...prices.map((price) => price.publishTime)),
  };
}

/** Midpoint of the index range: the "mark" price shown to people (per smallest unit, 30 decimals). */
export function markPrice(prices: MarketPrices): bigint {
  return (prices.index.min + prices.index.max) / 2n;
}
