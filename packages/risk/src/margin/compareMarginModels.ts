/**
 * The three margin models side by side on one book: requirement, equity and the leverage each
 * allows, to show what portfolio margin gives a hedged book and not an unhedged one.
 * @module
 */
import { bigintRatio } from "../calibration/fixedPoint.js";
import type { PositionState } from "../mirror/types.js";
import { crossMargin } from "./crossMargin.js";
import { isolatedMargin } from "./isolatedMargin.js";
import type { MarginContext } from "./marginContext.js";
import { type PortfolioMarginParameters, portfolioMargin } from "./portfolioMargin.js";

/** One model's figures for a book. */
export interface MarginModelComparisonRow {
  model: "isolated" | "cross" | "portfolio";
  /** Maintenance requirement, USD 30 decimals. */
  requirementUsd: bigint;
  equityUsd: bigint;
  grossNotionalUsd: bigint;
  /** requirement / gross notional. */
  requirementFraction: number;
  /** gross notional / requirement: the leverage at which the book sits exactly at maintenance. */
  maxLeverage: number;
  /** Isolated: any position liquidatable; cross and portfolio: the account. */
  liquidatable: boolean;
  /** Portfolio only: the scenario that set the requirement (or "floor"). */
  drivenBy?: string;
}

/**
 * Evaluates a book under isolated, cross and portfolio margin at the same prices and time.
 *
 * @example
 * const rows = compareMarginModels(context, positions, { scenarioMarkets, scenarios, floor });
 * rows.map((row) => `${row.model}: ${row.maxLeverage.toFixed(1)}x`);
 */
export function compareMarginModels(
  context: MarginContext,
  positions: readonly PositionState[],
  portfolio: PortfolioMarginParameters,
): MarginModelComparisonRow[] {
  const isolated = isolatedMargin(context, positions);
  const cross = crossMargin(context, positions);
  const pm = portfolioMargin(context, positions, portfolio);
  const row = (
    model: MarginModelComparisonRow["model"],
    requirementUsd: bigint,
    equityUsd: bigint,
    liquidatable: boolean,
  ): MarginModelComparisonRow => ({
    model,
    requirementUsd,
    equityUsd,
    grossNotionalUsd: isolated.grossNotionalUsd,
    requirementFraction:
      isolated.grossNotionalUsd === 0n ? 0 : bigintRatio(requirementUsd, isolated.grossNotionalUsd),
    maxLeverage:
      requirementUsd === 0n
        ? Number.POSITIVE_INFINITY
        : bigintRatio(isolated.grossNotionalUsd, requirementUsd),
    liquidatable,
  });
  return [
    row("isolated", isolated.requirementUsd, isolated.equityUsd, isolated.liquidatableCount > 0),
    row("cross", cross.requirementUsd, cross.equityUsd, cross.liquidatable),
    {
      ...row("portfolio", pm.requirementUsd, pm.equityUsd, pm.liquidatable),
      drivenBy: pm.worstLossUsd >= pm.floorUsd ? pm.worstScenario.name : "floor",
    },
  ];
}
