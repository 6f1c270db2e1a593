/** The app's pages, in navigation order. */
export const NAV_ITEMS = [
  { path: "/trade", label: "Trade" },
  { path: "/positions", label: "Positions" },
  { path: "/earn", label: "Earn" },
  { path: "/pool-health", label: "Pool health" },
] as const;

export const HOME_PATH = NAV_ITEMS[0].path;
