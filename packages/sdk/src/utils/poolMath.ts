/** Virtual shares and USD the contracts add against first-depositor share inflation (`PoolMath`). */
export const VIRTUAL_SHARES = 10n ** 18n;
export const VIRTUAL_USD = 10n ** 30n;
/** One whole LP share (pool tokens have 18 decimals). */
export const ONE_SHARE = 10n ** 18n;

/**
 * Shares minted for a deposit worth `depositUsd` (after the liquidity fee), rounded down, exactly as
 * `PoolMath.sharesForDepositUsd`: `depositUsd x (supply + 1e18) / (max(poolValue, 0) + 1e30)`.
 *
 * @example
 * sharesForDepositUsd(parseUsd("100"), 0n, 0n); // 100e18: $1 per share in an empty pool
 */
export function sharesForDepositUsd(depositUsd: bigint, poolValueUsd: bigint, totalSupply: bigint): bigint {
  const value = poolValueUsd > 0n ? poolValueUsd : 0n;
  return (depositUsd * (totalSupply + VIRTUAL_SHARES)) / (value + VIRTUAL_USD);
}

/**
 * USD value of `shares`, rounded down, exactly as `PoolMath.usdForShares`:
 * `shares x (max(poolValue, 0) + 1e30) / (supply + 1e18)`.
 *
 * @example
 * usdForShares(10n ** 18n, poolValueUsd, totalSupply); // the price of one share
 */
export function usdForShares(shares: bigint, poolValueUsd: bigint, totalSupply: bigint): bigint {
  const value = poolValueUsd > 0n ? poolValueUsd : 0n;
  return (shares * (value + VIRTUAL_USD)) / (totalSupply + VIRTUAL_SHARES);
}
