/** USD values, prices and factors on chain have 30 decimals. */
export const USD_DECIMALS = 30;
/** 1 USD, or a factor of 100%, in on-chain fixed point. */
export const FLOAT_ONE = 10n ** 30n;

/** Real Pyth price feed ids (mainnet; the same on every EVM chain). */
export const PYTH_FEED_IDS = {
  "ETH/USD": "0xff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace",
  "BTC/USD": "0xe62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43",
  "USDC/USD": "0xeaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a",
} as const;

/** Kinds of pending requests, as `getPendingRequestIds` numbers them. */
export const REQUEST_KIND = { deposit: 0, withdrawal: 1, order: 2 } as const;

/** Order types, as the contracts number them. */
export const ORDER_TYPE = {
  MarketIncrease: 0,
  MarketDecrease: 1,
  LimitIncrease: 2,
  LimitDecrease: 3,
  StopLossDecrease: 4,
} as const;

/** Why a position was decreased, as `PositionDecreased.kind` numbers it. */
export const DECREASE_KIND = { Order: 0, Liquidation: 1, PartialLiquidation: 2, Adl: 3 } as const;
