/**
 * Isolated margin, exactly as on chain today: each position stands alone; it is liquidatable when
 * its own remaining collateral falls below its own maintenance margin.
 * @module
 */
import type { Hex } from "viem";
import { positionKey } from "../mirror/logic/PositionHealth.js";
import { positionHealthAt } from "../mirror/logic/ReaderLogic.js";
import type { PositionState } from "../mirror/types.js";
import { type MarginContext, marketOf } from "./marginContext.js";

/** One position under isolated margin. */
export interface IsolatedMarginPosition {
  key: Hex;
  sizeUsd: bigint;
  /** Maintenance margin (the requirement), USD 30 decimals. */
  requirementUsd: bigint;
  /** Remaining collateral if closed now (collateral + PnL - fees - negative impact), may be negative. */
  remainingCollateralUsd: bigint;
  /** remaining - requirement. */
  excessUsd: bigint;
  /** The contract's condition: remaining < maintenance. */
  liquidatable: boolean;
}

/** What {@link isolatedMargin} returns. */
export interface IsolatedMarginReturnType {
  model: "isolated";
  positions: IsolatedMarginPosition[];
  /** Sum of the positions' maintenance margins. */
  requirementUsd: bigint;
  /** Sum of the positions' remaining collateral. */
  equityUsd: bigint;
  grossNotionalUsd: bigint;
  /** Positions the contract would liquidate now. */
  liquidatableCount: number;
}

/**
 * Every position's requirement and remaining collateral, exactly the contract's
 * `getPositionHealth` at `context.timestamp` (the mirror's `positionHealthAt`).
 *
 * @example
 * const result = isolatedMargin({ markets: [{ market, state, prices }], timestamp }, positions);
 * result.positions[0].liquidatable; // = exchange.getPositionHealth(key, prices).liquidatable
 */
export function isolatedMargin(
  context: MarginContext,
  positions: readonly PositionState[],
): IsolatedMarginReturnType {
  let requirementUsd = 0n;
  let equityUsd = 0n;
  let grossNotionalUsd = 0n;
  let liquidatableCount = 0;
  const rows = positions.map((position): IsolatedMarginPosition => {
    const market = marketOf(context, position);
    const view = positionHealthAt(market.state, position, market.prices, context.timestamp);
    requirementUsd += view.maintenanceMarginUsd;
    equityUsd += view.remainingCollateralUsd;
    grossNotionalUsd += position.sizeUsd;
    if (view.liquidatable) liquidatableCount++;
    return {
      key: positionKey(position.account, position.market, position.collateralToken, position.isLong),
      sizeUsd: position.sizeUsd,
      requirementUsd: view.maintenanceMarginUsd,
      remainingCollateralUsd: view.remainingCollateralUsd,
      excessUsd: view.remainingCollateralUsd - view.maintenanceMarginUsd,
      liquidatable: view.liquidatable,
    };
  });
  return {
    model: "isolated",
    positions: rows,
    requirementUsd,
    equityUsd,
    grossNotionalUsd,
    liquidatableCount,
  };
}
