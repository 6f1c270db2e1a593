import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { type Config, WagmiProvider } from "wagmi";
import { AppConfigProvider } from "./config/AppConfigContext";
import type { AppConfig } from "./config/appConfigSchema";
import { LpAccountingProvider } from "./lp/LpAccountingContext";
import { SelectedMarketProvider } from "./markets/SelectedMarketContext";
import { RequestTrackerProvider } from "./requests/RequestTrackerContext";
import { TxStatusProvider } from "./status/TxStatusContext";
import { createWagmiConfig } from "./wallet/createWagmiConfig";

export type AppProvidersProps = {
  config: AppConfig;
  children: ReactNode;
  /** Tests pass their own (e.g. without localStorage); the app builds one from config.json. */
  wagmiConfig?: Config;
};

/** Everything the pages rely on: config, wagmi + react-query, the selected market, the status bar. */
export function AppProviders({ config, children, wagmiConfig }: AppProvidersProps) {
  const [wagmi] = useState(() => wagmiConfig ?? createWagmiConfig(config));
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <AppConfigProvider config={config}>
      <WagmiProvider config={wagmi}>
        <QueryClientProvider client={queryClient}>
          <SelectedMarketProvider>
            <TxStatusProvider>
              <RequestTrackerProvider>
                <LpAccountingProvider>{children}</LpAccountingProvider>
              </RequestTrackerProvider>
            </TxStatusProvider>
          </SelectedMarketProvider>
        </QueryClientProvider>
      </WagmiProvider>
    </AppConfigProvider>
  );
}
