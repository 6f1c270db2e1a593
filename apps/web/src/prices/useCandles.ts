import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CANDLE_POLL_MS } from "../chain/polling";
import { useAppConfig } from "../config/AppConfigContext";
import type { MarketConfig } from "../config/appConfigSchema";
import { fetchCandles } from "./candles";

const DAY_SECONDS = 24 * 60 * 60;

/** One-minute bars of the market's index feed over the last 24 hours (what the service has), kept fresh. */
export function useCandles(market: MarketConfig) {
  const { priceServiceUrl, priceServiceApiKey } = useAppConfig();
  return useQuery({
    queryKey: ["candles", priceServiceUrl, market.pythPriceFeedId],
    queryFn: () => {
      const now = Math.floor(Date.now() / 1000);
      return fetchCandles({
        priceServiceUrl,
        apiKey: priceServiceApiKey,
        feedId: market.pythPriceFeedId,
        resolution: 60,
        from: now - DAY_SECONDS,
        to: now,
      });
    },
    refetchInterval: CANDLE_POLL_MS,
    placeholderData: keepPreviousData,
    retry: 1,
  });
}
