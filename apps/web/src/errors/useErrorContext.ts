import { useMemo } from "react";
import { useOptionalAppConfig } from "../config/AppConfigContext";
import type { MarketConfig } from "../config/appConfigSchema";
import { useOptionalSelectedMarket } from "../markets/SelectedMarketContext";
import type { ErrorContext } from "./ErrorDescription";

/**
 * What describeError needs from config.json: market tokens, the network's name and RPC URL, and
 * the market the action was for (`market`, else the one selected in the header).
 */
export function useErrorContext(market?: MarketConfig): ErrorContext {
  const config = useOptionalAppConfig();
  const selected = useOptionalSelectedMarket()?.market;
  const actionMarket = market ?? selected;
  return useMemo(() => {
    if (config === undefined) return {};
    return {
      markets: config.markets,
      chainName: config.chainName,
      rpcUrl: config.rpcUrl,
      priceServiceUrl: config.priceServiceUrl,
      ...(actionMarket === undefined ? {} : { market: actionMarket }),
    };
  }, [config, actionMarket]);
}
