/**
 * How often the app re-reads the chain and the price service. A local chain mines a block per
 * transaction, so reading often is cheap; on a real chain these are still modest.
 */
export const CHAIN_POLL_MS = 2_000;
export const PRICE_POLL_MS = 1_500;
export const CANDLE_POLL_MS = 5_000;
