import type { Address } from "viem";
import {
  type AttributionCategory,
  type CategoryAmounts,
  LP_CATEGORIES,
  LP_VECTOR_LENGTH,
  POOL_CATEGORIES,
} from "../accounting/categories.js";
import type { LpAccounting } from "../accounting/lp-accounting.js";
import { InvalidRangeError } from "../errors.js";
import { lpFiguresAt } from "./lp-figures.js";
import { type Point, type PointValuation, valueAt } from "./point.js";

/** Parameters of {@link getAttribution}. */
export interface GetAttributionParameters {
  readonly market: Address;
  /** One LP; omitted: the pool as a whole. */
  readonly account?: Address;
  readonly from: Point;
  readonly to: Point;
}

/** Where an interval's end of a {@link Attribution} lies. */
export interface AttributionBound {
  readonly blockNumber: bigint;
  readonly timestamp: bigint;
  readonly stepIndex: number;
}

/**
 * Return over an interval, by category. `startValueUsd + flowsUsd + sum(categories) = endValueUsd`,
 * exactly (check with {@link reconcileAttribution}).
 */
export interface Attribution {
  readonly market: Address;
  /** The LP, or `null` for the pool as a whole. */
  readonly account: Address | null;
  readonly from: AttributionBound;
  readonly to: AttributionBound;
  /** Pool value (or the LP's shares' value) at each end. */
  readonly startValueUsd: bigint;
  readonly endValueUsd: bigint;
  /** Deposits minus withdrawals (plus transfers in minus out for an LP) inside the interval. */
  readonly flowsUsd: bigint;
  /** `endValueUsd - startValueUsd - flowsUsd`. */
  readonly returnUsd: bigint;
  /**
   * The return by cause. For the pool `liquidityFees` and `rounding` are zero by definition (fees
   * one LP pays on entry or exit are income of the others); for an LP they are its share of value
   * moved between LPs and its pro-rata rounding.
   */
  readonly categories: CategoryAmounts<AttributionCategory>;
  /** Fees to LPs: position and liquidation fees, borrowing fees, price impact, liquidity fees. */
  readonly feesUsd: bigint;
  /** Largest `rounding` the pro-rata split can produce for this LP here (0 for the pool). */
  readonly roundingBoundUsd: bigint;
}

function bound(at: PointValuation): AttributionBound {
  return { blockNumber: at.step.blockNumber, timestamp: at.timestamp, stepIndex: at.step.index };
}

function checkOrder(from: Point, to: Point): void {
  const outOfOrder =
    (from.block !== undefined && to.block !== undefined && from.block > to.block) ||
    (from.timestamp !== undefined && to.timestamp !== undefined && from.timestamp > to.timestamp);
  if (outOfOrder) {
    throw new InvalidRangeError(
      `the range is out of order: from ${describe(from)} is after to ${describe(to)}`,
    );
  }
}

function describe(point: Point): string {
  const parts = [];
  if (point.block !== undefined) parts.push(`block ${point.block}`);
  if (point.timestamp !== undefined) parts.push(`time ${point.timestamp}`);
  return parts.join(", ");
}

function named(vector: readonly bigint[], rounding: bigint): CategoryAmounts<AttributionCategory> {
  return Object.fromEntries(
    LP_CATEGORIES.map((name, i) => [name, name === "rounding" ? rounding : (vector[i] ?? 0n)]),
  ) as CategoryAmounts<AttributionCategory>;
}

function fees(categories: CategoryAmounts<AttributionCategory>): bigint {
  return (
    categories.positionFees +
    categories.liquidationFees +
    categories.borrowingFees +
    categories.priceImpact +
    categories.liquidityFees
  );
}

/**
 * Splits the change in a pool's value (or one LP's share of it) over `[from, to]` into fees,
 * funding, traders' PnL, price moves, insurance coverage and bad debt, excluding deposits and
 * withdrawals. The split is exact by construction: every step of the history is valued before and
 * after at fixed prices and state with the mirror, and the difference is assigned to its cause.
 *
 * @throws {UnknownPoolError} | {InvalidRangeError} (out of order, empty points) | {NotIndexedError}
 * @example
 * const attribution = getAttribution(accounting, { market, from: { block: 100n }, to: { block: 200n } });
 * reconcileAttribution(attribution); // throws with the numbers if the parts do not add up
 */
export function getAttribution(accounting: LpAccounting, parameters: GetAttributionParameters): Attribution {
  checkOrder(parameters.from, parameters.to);
  const ledger = accounting.pool(parameters.market);
  const start = valueAt(accounting, ledger, parameters.from);
  const end = valueAt(accounting, ledger, parameters.to);
  if (start.step.index > end.step.index || start.timestamp > end.timestamp) {
    throw new InvalidRangeError(
      `the range is out of order: from ${describe(parameters.from)} is after to ${describe(parameters.to)}`,
    );
  }
  if (parameters.account === undefined) {
    const vector = POOL_CATEGORIES.map((_, i) => (end.cumulative[i] ?? 0n) - (start.cumulative[i] ?? 0n));
    const categories = named(vector, 0n);
    const flowsUsd = end.cumulativeFlowUsd - start.cumulativeFlowUsd;
    return {
      market: ledger.market,
      account: null,
      from: bound(start),
      to: bound(end),
      startValueUsd: start.terms.valueUsd,
      endValueUsd: end.terms.valueUsd,
      flowsUsd,
      returnUsd: end.terms.valueUsd - start.terms.valueUsd - flowsUsd,
      categories,
      feesUsd: fees(categories),
      roundingBoundUsd: 0n,
    };
  }
  const account = ledger.accounts.get(parameters.account.toLowerCase()) ?? {
    account: parameters.account,
    checkpoints: [],
    deposits: [],
    withdrawals: [],
    transfers: [],
  };
  const before = lpFiguresAt(account, start);
  const after = lpFiguresAt(account, end);
  const vector = LP_CATEGORIES.map((name) => after.categories[name] - before.categories[name]);
  const categories = named(vector, after.categories.rounding - before.categories.rounding);
  const flowsUsd = after.netFlowUsd - before.netFlowUsd;
  return {
    market: ledger.market,
    account: account.account,
    from: bound(start),
    to: bound(end),
    startValueUsd: before.valueUsd,
    endValueUsd: after.valueUsd,
    flowsUsd,
    returnUsd: after.valueUsd - before.valueUsd - flowsUsd,
    categories,
    feesUsd: fees(categories),
    roundingBoundUsd: BigInt((after.holdingChanges + before.holdingChanges + 2) * (LP_VECTOR_LENGTH + 2)),
  };
}
