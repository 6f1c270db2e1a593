import { type ReactNode, useEffect, useState } from "react";
import type { AppConfig } from "./appConfigSchema";
import { ConfigErrorPage } from "./ConfigErrorPage";
import { type AppConfigLoadResult, loadAppConfig } from "./loadAppConfig";

export type ConfigGateProps = {
  /** Renders the app once the configuration is valid. */
  children: (config: AppConfig) => ReactNode;
  /** Injected in tests; defaults to fetching /config.json. */
  load?: () => Promise<AppConfigLoadResult>;
};

/** Loads /config.json once, then renders the app, or a full-page error naming what is wrong. */
export function ConfigGate({ children, load = loadAppConfig }: ConfigGateProps) {
  const [result, setResult] = useState<AppConfigLoadResult | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    load()
      .catch((error: unknown): AppConfigLoadResult => {
        const reason = error instanceof Error ? error.message : String(error);
        return {
          ok: false,
          failure: { kind: "unreachable", summary: `Loading failed: ${reason}.`, problems: [] },
        };
      })
      .then((loaded) => {
        if (!cancelled) setResult(loaded);
      });
    return () => {
      cancelled = true;
    };
  }, [load]);

  if (result === undefined) {
    return (
      <main className="app-loading" aria-busy="true">
        <p role="status">Loading Bastion…</p>
      </main>
    );
  }
  if (!result.ok) return <ConfigErrorPage failure={result.failure} />;
  return children(result.config);
}
