/**
 * Cross margin: one collateral balance backs every position of an account. The requirement is the
 * sum of the positions' maintenance margins; the equity is the collateral plus the sum of PnL minus
 * fees (each term from the mirror's position health), and the account is liquidatable as a whole.
 * @module
 */
import type { PositionState } from "../mirror/types.js";
import { InvalidParameterError } from "../volatility/errors.js";
import { evaluatePositions, type MarginContext } from "./marginContext.js";

/** Options of {@link crossMargin}. */
export interface CrossMarginOptions {
  /** Account collateral beyond the positions' own collateral, USD 30 decimals; default 0. */
  extraCollateralUsd?: bigint;
}

/** What {@link crossMargin} returns. */
export interface CrossMarginReturnType {
  model: "cross";
  /** Sum of maintenance margins. */
  requirementUsd: bigint;
  /** Collateral (positions' and extra, at min prices) + PnL - borrowing - funding - close fees - negative close impact. */
  equityUsd: bigint;
  collateralUsd: bigint;
  /** PnL net of fees and impact, summed. */
  netPnlUsd: bigint;
  excessUsd: bigint;
  liquidatable: boolean;
  grossNotionalUsd: bigint;
}

/**
 * The account's cross-margin requirement and equity. A losing position is carried by the others'
 * profit and the shared collateral: the account is liquidatable only when the whole equity falls
 * below the sum of the maintenance margins.
 *
 * @example
 * const cross = crossMargin(context, accountPositions, { extraCollateralUsd: 5_000n * 10n ** 30n });
 * cross.liquidatable;
 */
export function crossMargin(
  context: MarginContext,
  positions: readonly PositionState[],
  options: CrossMarginOptions = {},
): CrossMarginReturnType {
  const extra = options.extraCollateralUsd ?? 0n;
  if (extra < 0n) throw new InvalidParameterError("extraCollateralUsd", extra, ">= 0");
  let requirementUsd = 0n;
  let collateralUsd = extra;
  let netPnlUsd = 0n;
  let grossNotionalUsd = 0n;
  for (const { position, health, maintenanceMarginUsd } of evaluatePositions(context, positions)) {
    requirementUsd += maintenanceMarginUsd;
    collateralUsd += health.collateralUsd;
    // remaining = collateral + (PnL - fees - negative impact): the second part is the position's net PnL.
    netPnlUsd += health.remainingCollateralUsd - health.collateralUsd;
    grossNotionalUsd += position.sizeUsd;
  }
  const equityUsd = collateralUsd + netPnlUsd;
  return {
    model: "cross",
    requirementUsd,
    equityUsd,
    collateralUsd,
    netPnlUsd,
    excessUsd: equityUsd - requirementUsd,
    liquidatable: equityUsd < requirementUsd,
    grossNotionalUsd,
  };
}
