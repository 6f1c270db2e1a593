import type { MarketState } from "@bastion/risk";
import type { MarketInfo } from "@bastion/sdk";

/** The SDK's market (tokens resolved) as the mirror's plain `MarketState` (what `getMarket` returns). */
export function toMarketState(info: MarketInfo): MarketState {
  return {
    indexToken: info.indexToken.address,
    longToken: info.longToken.address,
    shortToken: info.shortToken.address,
    paused: info.paused,
    adlActiveLong: info.adlActiveLong,
    adlActiveShort: info.adlActiveShort,
    maintenanceMarginFactor: info.maintenanceMarginFactor,
    maintenanceMarginUpdatedAt: info.maintenanceMarginUpdatedAt,
    config: info.config,
    balances: info.balances,
    openInterest: info.openInterest,
    rates: info.rates,
    ledger: info.ledger,
  };
}
