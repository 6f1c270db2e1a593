/**
 * Plain state objects of a market, from the contracts' TypeScript mirror (`@bastion/risk`), in the
 * exact shapes viem decodes from the exchange's events and views (`PoolStateUpdated`,
 * `MarketConfigUpdated`, `getMarket`). Units: USD values and prices have 30 decimals, prices are
 * USD per smallest token unit (`amount * price` is USD), factors have 30 decimals (1e30 = 100%),
 * token amounts are in the token's own units, timestamps are Unix seconds.
 *
 * @module
 */
export type {
  BadDebtLedger,
  MarketConfig,
  MarketPrices,
  MarketState,
  OpenInterest,
  PoolBalances,
  PositionChange,
  PriceRange,
  RateState,
  TradeAmounts,
} from "@bastion/risk";
