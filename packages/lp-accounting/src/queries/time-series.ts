import type { Address } from "viem";
import type { LpAccounting } from "../accounting/lp-accounting.js";
import type { PoolStep, StepKind } from "../accounting/pool-step.js";
import { InvalidRangeError } from "../errors.js";
import { lpFiguresAt } from "./lp-figures.js";
import { type Point, type PointValuation, stepAt, valueAfterStep, valueAt } from "./point.js";
import { type PoolSnapshot, snapshotOf } from "./pool-snapshot.js";

/** Parameters of {@link getTimeSeries}. */
export interface GetTimeSeriesParameters {
  readonly market: Address;
  /** Adds the LP's value, HODL value and impermanent loss to every point. */
  readonly account?: Address;
  /** Start (default: the market's creation). */
  readonly from?: Point;
  /** End (default: the last indexed log). */
  readonly to?: Point;
  /**
   * Also sample every `intervalSeconds` from the start's time (borrowing and funding accrued to
   * each sample). Omitted: one point per step only.
   */
  readonly intervalSeconds?: bigint;
  /** Leave out steps of these kinds (e.g. `["accrual"]`, whose value equals the next step's before it). */
  readonly excludeKinds?: readonly StepKind[];
}

/** One point of a chart. USD with 30 decimals, factors with 30 decimals. */
export interface TimeSeriesPoint {
  /** A step of the history, or an interval sample. */
  readonly source: StepKind | "interval";
  readonly blockNumber: bigint;
  readonly timestamp: bigint;
  readonly stepIndex: number;
  readonly poolValueUsd: bigint;
  readonly totalSupply: bigint;
  readonly sharePriceUsd: bigint | null;
  readonly hodlValueUsd: bigint;
  readonly impermanentLossUsd: bigint;
  /** Shortfalls so far and the part LPs absorbed (the ledger's cumulative counters). */
  readonly cumulativeShortfallUsd: bigint;
  readonly cumulativeBadDebtUsd: bigint;
  readonly insuranceFundUsd: bigint;
  readonly utilizationLong: bigint;
  readonly utilizationShort: bigint;
  /** With `account`: the LP's value, HODL value and impermanent loss. */
  readonly lp?: {
    readonly valueUsd: bigint;
    readonly hodlValueUsd: bigint;
    readonly impermanentLossUsd: bigint;
  };
}

function toPoint(source: TimeSeriesPoint["source"], snapshot: PoolSnapshot): Omit<TimeSeriesPoint, "lp"> {
  return {
    source,
    blockNumber: snapshot.blockNumber,
    timestamp: snapshot.timestamp,
    stepIndex: snapshot.stepIndex,
    poolValueUsd: snapshot.valueUsd,
    totalSupply: snapshot.totalSupply,
    sharePriceUsd: snapshot.sharePriceUsd,
    hodlValueUsd: snapshot.hodlValueUsd,
    impermanentLossUsd: snapshot.impermanentLossUsd,
    cumulativeShortfallUsd: snapshot.ledger.totalShortfallUsd,
    cumulativeBadDebtUsd: snapshot.ledger.absorbedByLpUsd,
    insuranceFundUsd: snapshot.insuranceFundUsd,
    utilizationLong: snapshot.utilizationLong,
    utilizationShort: snapshot.utilizationShort,
  };
}

/**
 * Chart data for a pool (and optionally one LP): share price, pool value, impermanent loss against
 * HODL, cumulative bad debt, insurance fund and utilization after every step of the history, plus
 * samples at a fixed interval, in time order.
 *
 * @throws {UnknownPoolError} | {InvalidRangeError} | {NotIndexedError}
 * @example
 * const points = getTimeSeries(accounting, { market, intervalSeconds: 3600n, excludeKinds: ["accrual"] });
 */
export function getTimeSeries(
  accounting: LpAccounting,
  parameters: GetTimeSeriesParameters,
): TimeSeriesPoint[] {
  const ledger = accounting.pool(parameters.market);
  const first = ledger.steps[0] as PoolStep;
  const to: Point = parameters.to ?? { block: accounting.indexedThrough?.blockNumber ?? first.blockNumber };
  const start = parameters.from === undefined ? first : stepAt(accounting, ledger, parameters.from);
  const end = stepAt(accounting, ledger, to);
  if (start.index > end.index) throw new InvalidRangeError("the range is out of order: from is after to");
  const interval = parameters.intervalSeconds;
  if (interval !== undefined && interval <= 0n) {
    throw new InvalidRangeError(`intervalSeconds must be positive, got ${interval}`);
  }
  const excluded = new Set(parameters.excludeKinds ?? []);
  const startTime = parameters.from?.timestamp ?? start.timestamp;
  const endTime = to.timestamp ?? end.timestamp;
  const points: TimeSeriesPoint[] = [];
  const account =
    parameters.account === undefined ? undefined : ledger.accounts.get(parameters.account.toLowerCase());
  const push = (source: TimeSeriesPoint["source"], at: PointValuation): void => {
    const point = toPoint(source, snapshotOf(ledger.market, at));
    if (parameters.account === undefined) {
      points.push(point);
      return;
    }
    const lp = account === undefined ? null : lpFiguresAt(account, at);
    points.push({
      ...point,
      lp: {
        valueUsd: lp?.valueUsd ?? 0n,
        hodlValueUsd: lp?.hodlValueUsd ?? 0n,
        impermanentLossUsd: lp?.impermanentLossUsd ?? 0n,
      },
    });
  };
  const sampleAt = (timestamp: bigint): PointValuation => valueAt(accounting, ledger, { timestamp });
  let sample = interval === undefined ? null : startTime;
  for (let index = start.index; index <= end.index; index++) {
    const step = ledger.steps[index] as PoolStep;
    while (sample !== null && interval !== undefined && sample < step.timestamp && sample <= endTime) {
      if (sample >= startTime) push("interval", sampleAt(sample));
      sample += interval;
    }
    if (!excluded.has(step.kind)) {
      push(step.kind, valueAfterStep(step, undefined));
    }
  }
  while (sample !== null && interval !== undefined && sample <= endTime) {
    push("interval", sampleAt(sample));
    sample += interval;
  }
  return points;
}
