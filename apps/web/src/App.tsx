import { BrowserRouter } from "react-router";
import { AppProviders } from "./AppProviders";
import { AppRoutes } from "./AppRoutes";
import { ConfigGate } from "./config/ConfigGate";
import { AppCrashBoundary } from "./errors/ErrorBoundaries";

/** Loads /config.json, then the shell. */
export function App() {
  return (
    <AppCrashBoundary>
      <ConfigGate>
        {(config) => (
          <AppProviders config={config}>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </AppProviders>
        )}
      </ConfigGate>
    </AppCrashBoundary>
  );
}
