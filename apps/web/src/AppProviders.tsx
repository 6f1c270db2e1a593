import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { type Config, WagmiProvider } from "wagmi";
import { AppConfigProvider } from "./config/AppConfigContext";
import type { AppConfig } from "./config/appConfigSchema";
import { SelectedMarketProvider } from "./markets/SelectedMarketContext";
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
  const [queryClient] = useState(() => new QueryClient());
  return (
    <AppConfigProvider config={config}>
      <WagmiProvider config={wagmi}>
        <QueryClientProvider client={queryClient}>
          <SelectedMarketProvider>
            <TxStatusProvider>{children}</TxStatusProvider>
          </SelectedMarketProvider>
        </QueryClientProvider>
      </WagmiProvider>
    </AppConfigProvider>
  );
}
