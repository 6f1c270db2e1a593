import { FLOAT_ONE } from "@bastion/contracts";
import {
  type MarketPrices,
  type MarketState,
  PositionMath,
  type PositionState,
  pnlToPoolFactor,
} from "@bastion/risk";
import type { Hex } from "viem";

/** Whether a side needs auto-deleveraging, by the mirror's PnL to pool factor. */
export interface AdlCheck {
  isLong: boolean;
  /** The side's PnL to pool factor (1e30 = 100%). */
  factor: bigint;
  /** The factor it must exceed: the trigger, or the target while an episode is active. */
  threshold: bigint;
  active: boolean;
  triggered: boolean;
}

/**
 * The mirror's view of a side: `pnlToPoolFactor` (traders' PnL at the price that maximises it over
 * the LP value of the side's pool token) against the trigger, or the target while ADL is active.
 */
export function checkAdl(state: MarketState, prices: MarketPrices, isLong: boolean): AdlCheck {
  const factor = pnlToPoolFactor(state, prices, isLong);
  const active = isLong ? state.adlActiveLong : state.adlActiveShort;
  const threshold = active ? state.config.safety.adlTargetFactor : state.config.safety.adlTriggerFactor;
  return { isLong, factor, threshold, active, triggered: factor > threshold };
}

/** One ADL step: which position to reduce and by how much. */
export interface AdlStep {
  key: Hex;
  sizeDeltaUsd: bigint;
  /** The position's PnL at the contract's closing price, USD (30 decimals). */
  pnlUsd: bigint;
  /** PnL per USD of size (1e30 = 100%): the ranking. */
  pnlPerSize: bigint;
}

/**
 * The next ADL step on a side: the position with the highest PnL per size (profitable ones only,
 * `skip` excluded), reduced by what should bring the side to the target factor, at most its size.
 *
 * With side PnL `P`, side pool value `V` and target `T`, realizing `x` of profit lowers both (profit
 * is paid from the pool): `(P - x) / (V - x) <= T` needs `x >= (P - T V) / (1 - T)`. The position
 * closes `x / (its PnL per size)` of size, plus 5%, rounded up; all of it when the rest would fall
 * below the minimum position size. The contract decides: the keeper repeats steps until it reports
 * the target reached.
 */
export function planAdlStep(
  state: MarketState,
  positions: Iterable<PositionState & { key: Hex }>,
  prices: MarketPrices,
  isLong: boolean,
  skip: ReadonlySet<Hex> = new Set(),
): AdlStep | undefined {
  const closingPrice = isLong ? prices.index.min : prices.index.max;
  let best: AdlStep | undefined;
  let bestSize = 0n;
  for (const position of positions) {
    if (position.isLong !== isLong || position.sizeUsd === 0n || skip.has(position.key)) continue;
    const pnl = PositionMath.pnlUsd(isLong, position.sizeUsd, position.sizeInTokens, closingPrice);
    if (pnl <= 0n) continue;
    const pnlPerSize = (pnl * FLOAT_ONE) / position.sizeUsd;
    if (best === undefined || pnlPerSize > best.pnlPerSize) {
      best = { key: position.key, sizeDeltaUsd: position.sizeUsd, pnlUsd: pnl, pnlPerSize };
      bestSize = position.sizeUsd;
    }
  }
  if (best === undefined) return undefined;
  const target = state.config.safety.adlTargetFactor;
  const sidePnl = sidePnlUsd(state, isLong, isLong ? prices.index.max : prices.index.min);
  const poolUsd = isLong
    ? state.balances.longAmount * prices.long.min
    : state.balances.shortAmount * prices.short.min;
  const excess = sidePnl * FLOAT_ONE - target * poolUsd;
  if (excess > 0n && target < FLOAT_ONE) {
    const realize = ceilDiv(excess, FLOAT_ONE - target);
    let size = ceilDiv(realize * FLOAT_ONE, best.pnlPerSize);
    size += size / 20n;
    if (size < bestSize && bestSize - size >= state.config.risk.minPositionSizeUsd) best.sizeDeltaUsd = size;
  }
  return best;
}

function sidePnlUsd(state: MarketState, isLong: boolean, price: bigint): bigint {
  const oi = state.openInterest;
  return isLong
    ? PositionMath.pnlUsd(true, oi.longUsd, oi.longTokens, price)
    : PositionMath.pnlUsd(false, oi.shortUsd, oi.shortTokens, price);
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return a <= 0n ? 0n : (a + b - 1n) / b;
}
