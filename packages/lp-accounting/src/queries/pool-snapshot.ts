import type { Address } from "viem";
import type { LpAccounting } from "../accounting/lp-accounting.js";
import { reservedUsd, utilizationFactor } from "../accounting/mirror.js";
import type { StepKind } from "../accounting/pool-step.js";
import type { PoolValueTerms } from "../accounting/valuation.js";
import type { BadDebtLedger, MarketState } from "../model/market-types.js";
import { type Point, type PointValuation, valueAt } from "./point.js";

const ONE_SHARE = 10n ** 18n;
const ONE = 10n ** 30n;

/** Parameters of {@link getPoolSnapshot}. */
export interface GetPoolSnapshotParameters {
  readonly market: Address;
  readonly at: Point;
}

/** A pool at a point. USD with 30 decimals; factors with 30 decimals (1e30 = 100%). */
export interface PoolSnapshot {
  readonly market: Address;
  /** Block and kind of the last step at or before the point. */
  readonly blockNumber: bigint;
  readonly stepIndex: number;
  readonly stepKind: StepKind;
  readonly timestamp: bigint;
  /** Pool value (LP value) and its terms, at the accounting prices, accrued to `timestamp`. */
  readonly valueUsd: bigint;
  readonly terms: PoolValueTerms;
  readonly totalSupply: bigint;
  /** USD per whole share (1e18 units): value x 1e18 / supply; `null` without shares. */
  readonly sharePriceUsd: bigint | null;
  /** Accounting prices (oracle mid prices) per smallest unit of the index, long and short tokens. */
  readonly indexPrice: bigint;
  readonly longPrice: bigint;
  readonly shortPrice: bigint;
  /** Market state after the step (balances, open interest, rates, config, ledger). */
  readonly state: MarketState;
  /** Sum of the LPs' HODL baskets and their value; value minus it is the pool's impermanent loss. */
  readonly hodlLongAmount: bigint;
  readonly hodlShortAmount: bigint;
  readonly hodlValueUsd: bigint;
  readonly impermanentLossUsd: bigint;
  /** Insurance fund tokens at the accounting prices. */
  readonly insuranceFundUsd: bigint;
  /** Reserved / pool USD per side, as the contract computes it for borrowing (rounded up, at most 1e30). */
  readonly utilizationLong: bigint;
  readonly utilizationShort: bigint;
  /** Cumulative bad-debt ledger (what `getMarket(market).ledger` holds at that point). */
  readonly ledger: BadDebtLedger;
}

/**
 * A pool's value, supply, share price, impermanent loss, insurance fund, utilization and bad-debt
 * totals at a point.
 *
 * @throws {UnknownPoolError} | {InvalidRangeError} | {NotIndexedError}
 * @example
 * const snapshot = getPoolSnapshot(accounting, { market, at: { block: 1234n } });
 * console.log(snapshot.valueUsd, snapshot.sharePriceUsd);
 */
export function getPoolSnapshot(
  accounting: LpAccounting,
  parameters: GetPoolSnapshotParameters,
): PoolSnapshot {
  const ledger = accounting.pool(parameters.market);
  return snapshotOf(ledger.market, valueAt(accounting, ledger, parameters.at));
}

/** The snapshot of a valued point. */
export function snapshotOf(market: Address, at: PointValuation): PoolSnapshot {
  const { step, terms } = at;
  const { state, prices } = step;
  const longPrice = prices.long.min;
  const shortPrice = prices.short.min;
  const hodlValueUsd = step.hodlLongAmount * longPrice + step.hodlShortAmount * shortPrice;
  return {
    market,
    blockNumber: step.blockNumber,
    stepIndex: step.index,
    stepKind: step.kind,
    timestamp: at.timestamp,
    valueUsd: terms.valueUsd,
    terms,
    totalSupply: at.supply,
    sharePriceUsd: at.supply === 0n ? null : (terms.valueUsd * ONE_SHARE) / at.supply,
    indexPrice: prices.index.min,
    longPrice,
    shortPrice,
    state,
    hodlLongAmount: step.hodlLongAmount,
    hodlShortAmount: step.hodlShortAmount,
    hodlValueUsd,
    impermanentLossUsd: terms.valueUsd - hodlValueUsd,
    insuranceFundUsd:
      state.balances.insuranceLongAmount * longPrice + state.balances.insuranceShortAmount * shortPrice,
    utilizationLong: utilizationFactor(reservedUsd(state.openInterest, prices, true), terms.longTokenUsd),
    utilizationShort: utilizationFactor(reservedUsd(state.openInterest, prices, false), terms.shortTokenUsd),
    ledger: state.ledger,
  };
}

/** `usd x 1e30 / base` (a factor with 30 decimals), `null` when `base` is zero. */
export function ratioE30(usd: bigint, base: bigint): bigint | null {
  return base === 0n ? null : (usd * ONE) / base;
}
