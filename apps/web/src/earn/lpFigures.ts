import {
  type AttributionCategory,
  getBadDebtLedger,
  getImpermanentLoss,
  getLpPosition,
  getTimeSeries,
  type ImpermanentLoss,
  LP_CATEGORIES,
  type LpAccounting,
  type LpPosition,
} from "@bastion/lp-accounting";
import type { Address } from "viem";
import { type ChartPoint, toChartSeries, usdToChartNumber } from "../chart/chartPoints";

/** Everything the Earn page shows from the browser's LP accounting, for one pool (and one LP). */
export type LpFigures = {
  indexedThroughBlock: bigint;
  position: LpPosition | undefined;
  impermanentLoss: ImpermanentLoss;
  /** The LP's part of the shortfalls the pool's LPs absorbed (0 without an account). */
  badDebtAbsorbedUsd: bigint;
  /** The pool's LPs' total. */
  poolBadDebtAbsorbedUsd: bigint;
  charts: { sharePrice: ChartPoint[]; impermanentLoss: ChartPoint[]; cumulativeBadDebt: ChartPoint[] };
};

/** Names of the return categories, for people. */
export const CATEGORY_LABELS: Record<AttributionCategory, string> = {
  positionFees: "Position fees",
  liquidationFees: "Liquidation fees",
  borrowingFees: "Borrowing fees",
  priceImpact: "Price impact",
  funding: "Funding",
  traderPnl: "Traders' PnL",
  priceMoves: "Token price moves",
  insuranceCoverage: "Insurance coverage",
  badDebt: "Bad debt absorbed",
  executionSpread: "Execution spread",
  other: "Other",
  liquidityFees: "Liquidity fees",
  rounding: "Rounding",
};

export const ATTRIBUTION_ORDER: readonly AttributionCategory[] = LP_CATEGORIES;

/**
 * Computes the LP figures at the last indexed block; undefined while the pool is not indexed yet.
 * Throws what the queries throw (the caller shows it in words).
 */
export function computeLpFigures(
  accounting: LpAccounting,
  market: Address,
  account: Address | undefined,
): LpFigures | undefined {
  const through = accounting.indexedThrough;
  if (
    through === null ||
    !accounting.markets().some((known) => known.toLowerCase() === market.toLowerCase())
  ) {
    return undefined;
  }
  const at = { block: through.blockNumber };
  const position = account === undefined ? undefined : getLpPosition(accounting, { market, account, at });
  const impermanentLoss = getImpermanentLoss(accounting, {
    market,
    at,
    ...(account === undefined ? {} : { account }),
  });
  const ledger = getBadDebtLedger(accounting, { market, ...(account === undefined ? {} : { account }) });
  const badDebtAbsorbedUsd =
    account === undefined
      ? 0n
      : ledger.entries.reduce(
          (sum, entry) =>
            sum +
            entry.lpShares
              .filter((share) => share.account.toLowerCase() === account.toLowerCase())
              .reduce((inner, share) => inner + share.absorbedUsd, 0n),
          0n,
        );
  const series = getTimeSeries(accounting, {
    market,
    excludeKinds: ["accrual"],
    ...(account === undefined ? {} : { account }),
  });
  const time = (timestamp: bigint) => Number(timestamp);
  return {
    indexedThroughBlock: through.blockNumber,
    position,
    impermanentLoss,
    badDebtAbsorbedUsd,
    poolBadDebtAbsorbedUsd: ledger.totals.absorbedByLpUsd,
    charts: {
      sharePrice: toChartSeries(
        series.flatMap((point) =>
          point.sharePriceUsd === null
            ? []
            : [{ time: time(point.timestamp), value: usdToChartNumber(point.sharePriceUsd) }],
        ),
      ),
      impermanentLoss: toChartSeries(
        series.map((point) => ({
          time: time(point.timestamp),
          value: usdToChartNumber(point.lp?.impermanentLossUsd ?? point.impermanentLossUsd),
        })),
      ),
      cumulativeBadDebt: toChartSeries(
        series.map((point) => ({
          time: time(point.timestamp),
          value: usdToChartNumber(point.cumulativeBadDebtUsd),
        })),
      ),
    },
  };
}
