import type { Address } from "viem";
import type { LpAccounting } from "../accounting/lp-accounting.js";
import { getLpPosition } from "./lp-position.js";
import type { Point } from "./point.js";
import { getPoolSnapshot, ratioE30 } from "./pool-snapshot.js";

/** Parameters of {@link getImpermanentLoss}. */
export interface GetImpermanentLossParameters {
  readonly market: Address;
  /** One LP; omitted: the pool as a whole (every LP's basket added up). */
  readonly account?: Address;
  readonly at: Point;
}

/** Value against holding the deposited tokens, at a point. */
export interface ImpermanentLoss {
  readonly valueUsd: bigint;
  /** The HODL basket (long and short token amounts) and its value at the point's prices. */
  readonly hodlLongAmount: bigint;
  readonly hodlShortAmount: bigint;
  readonly hodlValueUsd: bigint;
  /** `valueUsd - hodlValueUsd`: negative when holding would have been better. */
  readonly impermanentLossUsd: bigint;
  /** `impermanentLossUsd / hodlValueUsd` with 30 decimals (1e30 = 100%); `null` for an empty basket. */
  readonly impermanentLossFactor: bigint | null;
  /** The same in percent, as a `number` for display only. */
  readonly impermanentLossPercent: number | null;
}

/**
 * Impermanent loss of an LP or of the pool: the value of the shares against the value, at the
 * same prices, of the tokens deposited (each deposit's amounts, reduced in proportion to the
 * shares withdrawn or sent away; shares received bring a pro-rata part of the sender's basket).
 *
 * @throws {UnknownPoolError} | {InvalidRangeError} | {NotIndexedError}
 */
export function getImpermanentLoss(
  accounting: LpAccounting,
  parameters: GetImpermanentLossParameters,
): ImpermanentLoss {
  const figures =
    parameters.account === undefined
      ? getPoolSnapshot(accounting, { market: parameters.market, at: parameters.at })
      : getLpPosition(accounting, {
          market: parameters.market,
          account: parameters.account,
          at: parameters.at,
        });
  const factor = ratioE30(figures.impermanentLossUsd, figures.hodlValueUsd);
  return {
    valueUsd: figures.valueUsd,
    hodlLongAmount: figures.hodlLongAmount,
    hodlShortAmount: figures.hodlShortAmount,
    hodlValueUsd: figures.hodlValueUsd,
    impermanentLossUsd: figures.impermanentLossUsd,
    impermanentLossFactor: factor,
    impermanentLossPercent: factor === null ? null : Number(factor / 10n ** 22n) / 1e6,
  };
}
