import type { Deployment } from "@bastion/contracts";
import { buildPricePath, type Kline, type PricePath, type StressMarketSpec } from "@bastion/risk";

/** A replayed market: the on-chain market as the stress engine names it, and its bars. */
export interface CrashSeries {
  spec: StressMarketSpec;
  /** Price service symbol of the index feed ("ETH", "BTC"). */
  feed: string;
  klines: readonly Kline[];
  /** Where the bars came from. */
  file: string;
}

/** The on-chain markets of the local deployment, in the stress engine's terms. */
export function localMarketSpecs(deployment: Deployment): Record<"ETH" | "BTC", StressMarketSpec> {
  const usdc = { symbol: "USDC", address: deployment.usdc, decimals: 6 };
  return {
    ETH: {
      symbol: "ETH",
      market: deployment.ethUsdMarket,
      indexToken: { symbol: "WETH", address: deployment.weth, decimals: 18 },
      shortToken: usdc,
    },
    BTC: {
      symbol: "BTC",
      market: deployment.btcUsdMarket,
      indexToken: { symbol: "WBTC", address: deployment.wbtc, decimals: 8 },
      shortToken: usdc,
    },
  };
}

/**
 * The replay's price path, shifted in time so its first point falls at `startSeconds` (the chain's
 * clock): the chain and the stress engine then accrue fees over exactly the same seconds.
 */
export function shiftedPricePath(series: readonly CrashSeries[], startSeconds: bigint): PricePath {
  const firstOpen = Math.max(...series.map((s) => s.klines[0]?.openTimeMs ?? 0));
  const shiftMs = Number(startSeconds) * 1000 - firstOpen;
  return buildPricePath(
    series.map((s) => ({
      spec: s.spec,
      klines: s.klines.map((bar) => ({ ...bar, openTimeMs: bar.openTimeMs + shiftMs })),
    })),
  );
}
