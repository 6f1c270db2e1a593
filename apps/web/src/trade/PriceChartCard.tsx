import { lazy, Suspense, useId } from "react";
import type { MarketConfig } from "../config/appConfigSchema";
import { useCandles } from "../prices/useCandles";
import { QueryError } from "../ui/QueryError";

// The chart library is large: load it with the page that shows it.
const CandlestickChart = lazy(() => import("../chart/CandlestickChart"));

/** The live one-minute price chart of the market's index, from the price service's candles. */
export function PriceChartCard({ market }: { market: MarketConfig }) {
  const titleId = useId();
  const candles = useCandles(market);
  return (
    <section className="card trade-grid__chart" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {market.symbol} <span className="badge badge--muted">1m</span>
      </h2>
      {candles.error !== null && candles.data === undefined ? (
        <QueryError error={candles.error} onRetry={() => void candles.refetch()} />
      ) : (
        <Suspense fallback={<div className="price-chart price-chart--loading">Loading chart…</div>}>
          <CandlestickChart candles={candles.data ?? []} label={`${market.symbol} price`} />
        </Suspense>
      )}
    </section>
  );
}
