import { useMemo } from "react";
import type { Address, Chain, Client, Transport } from "viem";
import { usePublicClient } from "wagmi";
import { useAppConfig } from "../config/AppConfigContext";
import type { AppConfig } from "../config/appConfigSchema";
import { coreAddresses } from "../config/marketFeeds";

export type ReadClient = Client<Transport, Chain | undefined>;

export type ExchangeContext = {
  config: AppConfig;
  /** A public client on the configured chain (reads go through the SDK with it). */
  client: ReadClient;
  exchange: Address;
  oracle: Address;
};

/** The configured chain's public client and the exchange's addresses. */
export function useExchange(): ExchangeContext {
  const config = useAppConfig();
  const client = usePublicClient({ chainId: config.chainId });
  if (client === undefined) throw new Error(`wagmi has no client for chain ${config.chainId}`);
  return useMemo(() => ({ config, client, ...coreAddresses(config) }), [config, client]);
}
