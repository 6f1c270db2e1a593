import { createContext, type ReactNode, useContext } from "react";
import type { AppConfig } from "./appConfigSchema";

const AppConfigContext = createContext<AppConfig | undefined>(undefined);

export function AppConfigProvider({ config, children }: { config: AppConfig; children: ReactNode }) {
  return <AppConfigContext.Provider value={config}>{children}</AppConfigContext.Provider>;
}

/** The validated runtime configuration. Only usable below <ConfigGate> (or an AppConfigProvider). */
export function useAppConfig(): AppConfig {
  const config = useContext(AppConfigContext);
  if (config === undefined) throw new Error("useAppConfig must be used inside <AppConfigProvider>");
  return config;
}

/** The configuration when there is one (error boundaries also render above the provider). */
export function useOptionalAppConfig(): AppConfig | undefined {
  return useContext(AppConfigContext);
}
