/**
 * Mirror of the bookkeeping in `contracts/src/logic/VaultLogic.sol`: who owns what inside a market's
 * vault. The functions mutate the given (cloned) {@link MarketState} the way the contract mutates
 * storage; token transfers out of the vault do not touch these balances (failed transfers, which turn
 * into claims, are not modelled).
 * @module
 */
import type { Address } from "viem";
import { MirrorRevert } from "../errors.js";
import { add, mul, sub } from "../evm.js";
import {
  type MarketPrices,
  type MarketState,
  type PoolBalances,
  type PriceRange,
  sameAddress,
} from "../types.js";

/** Whether `token` is the market's long token; reverts `InvalidCollateralToken` unless it is a pool token. */
export function isLongToken(m: MarketState, market: Address, token: Address): boolean {
  if (sameAddress(token, m.longToken)) return true;
  if (sameAddress(token, m.shortToken)) return false;
  throw new MirrorRevert("InvalidCollateralToken", { market, token });
}

/** The price range of one of the market's pool tokens. */
export function tokenPrice(prices: MarketPrices, longToken: boolean): PriceRange {
  return longToken ? prices.long : prices.short;
}

/** LP-owned balance += amount. */
export function addPool(b: PoolBalances, longToken: boolean, amount: bigint): void {
  if (longToken) b.longAmount = add(b.longAmount, amount);
  else b.shortAmount = add(b.shortAmount, amount);
}

/** LP-owned balance -= amount; reverts `InsufficientPoolLiquidity(token, amount, available)`. */
export function subPool(m: MarketState, longToken: boolean, amount: bigint): void {
  const b = m.balances;
  const available = longToken ? b.longAmount : b.shortAmount;
  if (amount > available) {
    throw new MirrorRevert("InsufficientPoolLiquidity", {
      token: longToken ? m.longToken : m.shortToken,
      requested: amount,
      available,
    });
  }
  if (longToken) b.longAmount = available - amount;
  else b.shortAmount = available - amount;
}

/** Position collateral += amount. */
export function addCollateral(b: PoolBalances, longToken: boolean, amount: bigint): void {
  if (longToken) b.collateralLongTokenAmount = add(b.collateralLongTokenAmount, amount);
  else b.collateralShortTokenAmount = add(b.collateralShortTokenAmount, amount);
}

/** Position collateral -= amount (checked). */
export function subCollateral(b: PoolBalances, longToken: boolean, amount: bigint): void {
  if (longToken) b.collateralLongTokenAmount = sub(b.collateralLongTokenAmount, amount);
  else b.collateralShortTokenAmount = sub(b.collateralShortTokenAmount, amount);
}

/** Escrow += amount. */
export function addEscrow(b: PoolBalances, longToken: boolean, amount: bigint): void {
  if (longToken) b.escrowLongTokenAmount = add(b.escrowLongTokenAmount, amount);
  else b.escrowShortTokenAmount = add(b.escrowShortTokenAmount, amount);
}

/** Escrow -= amount (checked). */
export function subEscrow(b: PoolBalances, longToken: boolean, amount: bigint): void {
  if (longToken) b.escrowLongTokenAmount = sub(b.escrowLongTokenAmount, amount);
  else b.escrowShortTokenAmount = sub(b.escrowShortTokenAmount, amount);
}

/** Insurance fund += amount. */
export function addInsurance(b: PoolBalances, longToken: boolean, amount: bigint): void {
  if (longToken) b.insuranceLongAmount = add(b.insuranceLongAmount, amount);
  else b.insuranceShortAmount = add(b.insuranceShortAmount, amount);
}

/**
 * Moves up to `amount` of a pool token from LPs to the insurance fund, never more than LPs own of it;
 * returns what moved (VaultLogic.poolToInsurance).
 */
export function poolToInsurance(m: MarketState, longToken: boolean, amount: bigint): bigint {
  const b = m.balances;
  const available = longToken ? b.longAmount : b.shortAmount;
  const moved = amount < available ? amount : available;
  if (longToken) {
    b.longAmount = available - moved;
    b.insuranceLongAmount = add(b.insuranceLongAmount, moved);
  } else {
    b.shortAmount = available - moved;
    b.insuranceShortAmount = add(b.insuranceShortAmount, moved);
  }
  return moved;
}

/** Whether the insurance fund is below its target at min prices (fee shares go to it only then). */
export function insuranceBelowTarget(m: MarketState, prices: MarketPrices): boolean {
  const fundUsd = add(
    mul(m.balances.insuranceLongAmount, prices.long.min),
    mul(m.balances.insuranceShortAmount, prices.short.min),
  );
  return fundUsd < m.config.safety.insuranceTargetUsd;
}
