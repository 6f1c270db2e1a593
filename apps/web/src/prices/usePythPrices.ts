import { createHermesClient, fetchPriceUpdate, type PythPrice } from "@bastion/sdk";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Hex } from "viem";
import { PRICE_POLL_MS } from "../chain/polling";
import { useAppConfig } from "../config/AppConfigContext";
import { allFeedIds } from "../config/marketFeeds";

/** A Hermes client for the configured price service (the local one or Hermes itself). */
export function useHermesClient() {
  const { priceServiceUrl, priceServiceApiKey } = useAppConfig();
  return useMemo(
    () =>
      createHermesClient({
        endpoint: priceServiceUrl,
        ...(priceServiceApiKey === undefined ? {} : { apiKey: priceServiceApiKey }),
        timeout: 4_000,
        httpRetries: 0,
      }),
    [priceServiceUrl, priceServiceApiKey],
  );
}

/** The newest Pyth price of every configured feed, refreshed about every second and a half. */
export function usePythPrices() {
  const config = useAppConfig();
  const hermes = useHermesClient();
  const feedIds = useMemo(() => allFeedIds(config), [config]);
  return useQuery({
    queryKey: ["pyth", config.priceServiceUrl, "latest", feedIds],
    queryFn: async () => (await fetchPriceUpdate({ client: hermes, feedIds })).prices,
    refetchInterval: PRICE_POLL_MS,
    placeholderData: keepPreviousData,
    retry: 1,
  });
}

/** The price of one feed among fetched prices. */
export function findPythPrice(prices: readonly PythPrice[] | undefined, feedId: Hex): PythPrice | undefined {
  const id = feedId.toLowerCase();
  return prices?.find((price) => price.feedId.toLowerCase() === id);
}
