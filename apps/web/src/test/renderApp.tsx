import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import type { Config } from "wagmi";
import { AppProviders } from "../AppProviders";
import { AppRoutes } from "../AppRoutes";
import type { AppConfig } from "../config/appConfigSchema";
import { createWagmiConfig } from "../wallet/createWagmiConfig";
import { exampleAppConfig } from "./exampleConfig";

export type RenderAppOptions = {
  path?: string;
  config?: AppConfig;
  wagmiConfig?: Config;
};

/**
 * config.example.json with its RPC and price service on a closed loopback port (9, discard): the
 * component tests never depend on whatever happens to listen on 8545 or 8787.
 */
export function offlineAppConfig(): AppConfig {
  return { ...exampleAppConfig(), rpcUrl: "http://127.0.0.1:9", priceServiceUrl: "http://127.0.0.1:9" };
}

/** The whole shell (providers, layout, routes) at `path`, as the app renders it after config loads. */
export function renderApp({
  path = "/trade",
  config = offlineAppConfig(),
  wagmiConfig,
}: RenderAppOptions = {}) {
  const user = userEvent.setup();
  const wagmi = wagmiConfig ?? createWagmiConfig(config, { storage: null });
  const view = render(
    <AppProviders config={config} wagmiConfig={wagmi}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...view, user, wagmiConfig: wagmi, config };
}
