import { lazy, Suspense, useId, useMemo } from "react";
import type { Address } from "viem";
import type { MarketConfig } from "../config/appConfigSchema";
import { formatFactor } from "../format/formatFactor";
import { formatTokenAmount } from "../format/formatTokenAmount";
import { formatUsd } from "../format/formatUsd";
import { useLpAccounting } from "../lp/LpAccountingContext";
import { Notice } from "../ui/Notice";
import { QueryError } from "../ui/QueryError";
import { type Stat, StatList, toneOf } from "../ui/StatList";
import { ATTRIBUTION_ORDER, CATEGORY_LABELS, computeLpFigures, type LpFigures } from "./lpFigures";

const LineChart = lazy(() => import("../chart/LineChart"));

function ChartBlock({
  title,
  points,
  color,
  precision,
}: {
  title: string;
  points: LpFigures["charts"]["sharePrice"];
  color: string;
  precision: number;
}) {
  const id = useId();
  return (
    <figure className="lp-chart" aria-labelledby={id}>
      <figcaption id={id} className="lp-chart__title">
        {title}
      </figcaption>
      {points.length === 0 ? (
        <p className="muted">No history yet.</p>
      ) : (
        <Suspense fallback={<div className="line-chart price-chart--loading">Loading chart…</div>}>
          <LineChart points={points} label={title} color={color} precision={precision} />
        </Suspense>
      )}
    </figure>
  );
}

/**
 * The LP's position, value, return by cause, impermanent loss against holding and share of bad
 * debt, from @bastion/lp-accounting indexing the pool's events in this browser, with charts.
 */
export function LpAnalytics({ market, account }: { market: MarketConfig; account: Address | undefined }) {
  const { accounting, version, error } = useLpAccounting();
  const titleId = useId();
  const result = useMemo(() => {
    void version;
    if (accounting === undefined) return { figures: undefined, error: undefined };
    try {
      return { figures: computeLpFigures(accounting, market.address, account), error: undefined };
    } catch (caught) {
      return { figures: undefined, error: caught };
    }
  }, [accounting, version, market.address, account]);
  const figures = result.figures;
  const position = figures?.position;
  const held = position !== undefined && (position.shares > 0n || position.holdingChanges > 0);
  const il = figures?.impermanentLoss;
  const positionStats: Stat[] =
    position === undefined || il === undefined
      ? []
      : [
          {
            label: "Shares",
            value: formatTokenAmount(position.shares, 18, { maxFractionDigits: 4 }),
            id: "lp-shares",
          },
          { label: "Value", value: formatUsd(position.valueUsd), id: "lp-value" },
          { label: "Cost basis", value: formatUsd(position.costBasisUsd), id: "lp-cost-basis" },
          {
            label: "Total return",
            value: formatUsd(position.totalReturnUsd, { sign: "always" }),
            tone: toneOf(position.totalReturnUsd),
            id: "lp-total-return",
          },
          {
            label: "Holding the deposited tokens would be worth",
            value: formatUsd(il.hodlValueUsd),
            id: "lp-hodl-value",
          },
          {
            label: "Impermanent loss vs holding",
            value: `${formatUsd(il.impermanentLossUsd, { sign: "always" })}${il.impermanentLossFactor === null ? "" : ` (${formatFactor(il.impermanentLossFactor, { sign: "always" })})`}`,
            tone: toneOf(il.impermanentLossUsd),
            id: "lp-impermanent-loss",
          },
          {
            label: "Your share of bad debt absorbed",
            value: formatUsd(figures?.badDebtAbsorbedUsd ?? 0n),
            tone: (figures?.badDebtAbsorbedUsd ?? 0n) > 0n ? "negative" : undefined,
            id: "lp-bad-debt",
          },
        ];
  const attribution: Stat[] =
    position === undefined
      ? []
      : ATTRIBUTION_ORDER.filter((category) => position.categories[category] !== 0n).map((category) => ({
          label: CATEGORY_LABELS[category],
          value: formatUsd(position.categories[category], { sign: "always", maxFractionDigits: 4 }),
          tone: toneOf(position.categories[category]),
          id: `attribution-${category}`,
        }));
  return (
    <section className="card lp-analytics" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        Your liquidity in {market.symbol}
      </h2>
      {error !== undefined && figures === undefined && <QueryError error={error} />}
      {result.error !== undefined && <QueryError error={result.error} />}
      {figures === undefined && error === undefined && result.error === undefined && (
        <Notice>Indexing the pool's history in your browser…</Notice>
      )}
      {figures !== undefined && (
        <>
          {account === undefined && (
            <Notice>Connect a wallet to see your position; the charts show the whole pool.</Notice>
          )}
          {account !== undefined && !held && (
            <Notice>You have not provided liquidity to this pool yet.</Notice>
          )}
          {held && (
            <>
              <StatList stats={positionStats} columns={2} label="Your LP position" />
              <h3 className="section-subtitle">Where your return came from</h3>
              {attribution.length === 0 ? (
                <p className="muted">Nothing has moved the pool's value since you deposited.</p>
              ) : (
                <StatList stats={attribution} columns={2} label="Return attribution" />
              )}
            </>
          )}
          <p className="muted lp-analytics__indexed">
            Indexed through block {figures.indexedThroughBlock.toString()} · LPs have absorbed{" "}
            {formatUsd(figures.poolBadDebtAbsorbedUsd)} of bad debt in this pool.
          </p>
          <div className="lp-charts">
            <ChartBlock
              title="Share price (USD)"
              points={figures.charts.sharePrice}
              color="#79a8ff"
              precision={4}
            />
            <ChartBlock
              title={
                held ? "Your impermanent loss vs holding (USD)" : "Pool impermanent loss vs holding (USD)"
              }
              points={figures.charts.impermanentLoss}
              color="#d29922"
              precision={2}
            />
            <ChartBlock
              title="Bad debt absorbed by LPs, cumulative (USD)"
              points={figures.charts.cumulativeBadDebt}
              color="#f85149"
              precision={2}
            />
          </div>
        </>
      )}
    </section>
  );
}
