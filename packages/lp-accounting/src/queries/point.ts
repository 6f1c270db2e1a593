import { floorDiv, POOL_CATEGORY_COUNT } from "../accounting/categories.js";
import { decomposeAccrual } from "../accounting/decompose-step.js";
import type { LpAccounting } from "../accounting/lp-accounting.js";
import { accruedRates } from "../accounting/mirror.js";
import type { PoolLedger } from "../accounting/pool-ledger.js";
import { PER_SHARE_SCALE, type PoolStep } from "../accounting/pool-step.js";
import { type PoolValueTerms, poolValueTerms } from "../accounting/valuation.js";
import { InvalidRangeError, NotIndexedError } from "../errors.js";

/**
 * A moment in a pool's history: after every event in blocks up to `block`, and/or in blocks whose
 * timestamp is at or before `timestamp`. With a `timestamp`, borrowing and funding are accrued to
 * it (as the contract's views do), so the value matches `getPoolValue` at that time; a `block`
 * alone values the pool as of its last event at or before that block.
 */
export interface Point {
  readonly block?: bigint;
  readonly timestamp?: bigint;
}

/** A pool valued at a {@link Point}. */
export interface PointValuation {
  /** The last step at or before the point. */
  readonly step: PoolStep;
  /** The point's time: its `timestamp`, or the step's block timestamp. */
  readonly timestamp: bigint;
  /** Value terms at the point (accrued to `timestamp` when the point has one). */
  readonly terms: PoolValueTerms;
  /** LP supply at the point. */
  readonly supply: bigint;
  /** Pool categories since creation, including accrual after the step. */
  readonly cumulative: readonly bigint[];
  /** Per-share accumulators, including accrual after the step. */
  readonly perShare: readonly bigint[];
  /** Flows since creation. */
  readonly cumulativeFlowUsd: bigint;
}

/**
 * Checks a point and finds its step.
 *
 * @throws {InvalidRangeError} for an empty or negative point.
 * @throws {NotIndexedError} when the point lies beyond what the accounting has applied.
 */
export function stepAt(accounting: LpAccounting, ledger: PoolLedger, point: Point): PoolStep {
  const { block, timestamp } = point;
  if (block === undefined && timestamp === undefined) {
    throw new InvalidRangeError("a point needs a block, a timestamp or both");
  }
  if ((block !== undefined && block < 0n) || (timestamp !== undefined && timestamp < 0n)) {
    throw new InvalidRangeError(`a point cannot be negative (block ${block}, timestamp ${timestamp})`);
  }
  const through = accounting.indexedThrough;
  if (block !== undefined && (through === null || block > through.blockNumber)) {
    throw new NotIndexedError(
      `block ${block} is not indexed yet (indexed through ${through === null ? "nothing" : `block ${through.blockNumber}`})`,
    );
  }
  const throughTimestamp = accounting.indexedThroughTimestamp;
  if (timestamp !== undefined && (throughTimestamp === null || timestamp > throughTimestamp)) {
    throw new NotIndexedError(
      `timestamp ${timestamp} is not indexed yet (indexed through ${throughTimestamp === null ? "nothing" : `time ${throughTimestamp}`})`,
    );
  }
  const { steps } = ledger;
  let low = 0;
  let high = steps.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const step = steps[middle] as PoolStep;
    const inside =
      (block === undefined || step.blockNumber <= block) &&
      (timestamp === undefined || step.timestamp <= timestamp);
    if (inside) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return steps[found] as PoolStep;
}

/** Values a pool at a point, accruing borrowing and funding to the point's timestamp. */
export function valueAt(accounting: LpAccounting, ledger: PoolLedger, point: Point): PointValuation {
  return valueAfterStep(stepAt(accounting, ledger, point), point.timestamp);
}

/** Values a pool after a given step, accruing borrowing and funding to `accrueTo` when later. */
export function valueAfterStep(step: PoolStep, accrueTo: bigint | undefined): PointValuation {
  const timestamp = accrueTo ?? step.timestamp;
  const base = {
    step,
    timestamp,
    terms: step.terms,
    supply: step.supply,
    cumulative: step.cumulative,
    perShare: step.perShare,
    cumulativeFlowUsd: step.cumulativeFlowUsd,
  };
  if (accrueTo === undefined || accrueTo <= step.state.rates.lastAccruedAt) return base;
  const rates = accruedRates(step.state, step.prices, accrueTo);
  const terms = poolValueTerms(step.state, step.prices, rates);
  const { delta } = decomposeAccrual(step.terms, terms);
  const perShare = [...step.perShare];
  if (step.supply > 0n) {
    for (let i = 0; i < POOL_CATEGORY_COUNT; i++) {
      perShare[i] = (perShare[i] ?? 0n) + floorDiv((delta[i] ?? 0n) * PER_SHARE_SCALE, step.supply);
    }
  }
  return {
    ...base,
    terms,
    cumulative: step.cumulative.map((value, i) => value + (delta[i] ?? 0n)),
    perShare,
  };
}
