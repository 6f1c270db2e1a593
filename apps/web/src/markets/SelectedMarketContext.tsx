import { createContext, type ReactNode, useContext, useMemo, useState } from "react";
import { useAppConfig } from "../config/AppConfigContext";
import type { MarketConfig } from "../config/appConfigSchema";

type SelectedMarketValue = {
  market: MarketConfig;
  markets: readonly MarketConfig[];
  selectMarket: (symbol: string) => void;
};

const SelectedMarketContext = createContext<SelectedMarketValue | undefined>(undefined);

/** Which market (ETH/USD, BTC/USD, …) the header selector points at; starts at the first configured one. */
export function SelectedMarketProvider({ children }: { children: ReactNode }) {
  const { markets } = useAppConfig();
  const [symbol, setSymbol] = useState<string | undefined>(undefined);
  const value = useMemo(() => {
    const first = markets[0];
    if (first === undefined) throw new Error("config.json lists no markets");
    const market = markets.find((candidate) => candidate.symbol === symbol) ?? first;
    return { market, markets, selectMarket: setSymbol };
  }, [markets, symbol]);
  return <SelectedMarketContext.Provider value={value}>{children}</SelectedMarketContext.Provider>;
}

export function useSelectedMarket(): SelectedMarketValue {
  const value = useContext(SelectedMarketContext);
  if (value === undefined) throw new Error("useSelectedMarket must be used inside <SelectedMarketProvider>");
  return value;
}

/** The selection when there is one (error messages also render outside the provider). */
export function useOptionalSelectedMarket(): SelectedMarketValue | undefined {
  return useContext(SelectedMarketContext);
}
