import { getSettings } from "@bastion/sdk";
import { useQuery } from "@tanstack/react-query";
import { useExchange } from "./useExchange";

/** Request expiry, cancel delay, minimum execution fee (they change only through the timelock). */
export function useExchangeSettings() {
  const { client, exchange, config } = useExchange();
  return useQuery({
    queryKey: ["bastion", config.chainId, exchange, "settings"],
    queryFn: () => getSettings(client, { exchange }),
    staleTime: 60_000,
    refetchInterval: 60_000,
  });
}
