import { Outlet, useLocation } from "react-router";
import { PageErrorBoundary } from "../errors/ErrorBoundaries";
import { TxStatusRegion } from "../status/TxStatusRegion";
import { WrongNetworkBanner } from "../wallet/WrongNetworkBanner";
import { AppHeader } from "./AppHeader";
import { ChainStatus } from "./ChainStatus";
import { NAV_ITEMS } from "./navigation";
import { usePageFocus } from "./usePageFocus";

/** Skip link, header (brand, market, navigation, wallet), the page, and the status bar. */
export function AppLayout() {
  const { pathname } = useLocation();
  usePageFocus();
  const pageLabel = NAV_ITEMS.find((item) => item.path === pathname)?.label ?? "This page";
  return (
    <div className="app">
      {/* The browser moves focus to #main-content (tabIndex -1) when the link is followed. */}
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <AppHeader />
      <WrongNetworkBanner />
      <main id="main-content" className="app-main" tabIndex={-1}>
        <PageErrorBoundary key={pathname} label={pageLabel}>
          <Outlet />
        </PageErrorBoundary>
      </main>
      <footer className="app-footer">
        <ChainStatus />
        <TxStatusRegion />
      </footer>
    </div>
  );
}
