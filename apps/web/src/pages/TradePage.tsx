import { lazy, Suspense, useMemo } from "react";
import { samplePriceSeries } from "../chart/samplePriceSeries";
import { useSelectedMarket } from "../markets/SelectedMarketContext";
import { ComingSoon } from "./ComingSoon";
import { PageHeading } from "./PageHeading";

// The chart library is large: load it with the page that shows it.
const PriceChart = lazy(() => import("../chart/PriceChart"));

export function TradePage() {
  const { market } = useSelectedMarket();
  const series = useMemo(() => samplePriceSeries(market.symbol), [market.symbol]);
  return (
    <>
      <PageHeading
        title="Trade"
        lead={`Open and close leveraged ${market.symbol} positions against the pool.`}
      />
      <div className="trade-grid">
        <section className="card trade-grid__chart" aria-labelledby="chart-title">
          <h2 id="chart-title" className="card__title">
            {market.symbol} <span className="badge badge--muted">Sample data</span>
          </h2>
          <Suspense fallback={<div className="price-chart price-chart--loading">Loading chart…</div>}>
            <PriceChart data={series} label={`${market.symbol} price`} />
          </Suspense>
        </section>
        <ComingSoon title="Order">
          Choose long or short, collateral and leverage, and see your liquidation price before you submit.
        </ComingSoon>
      </div>
    </>
  );
}
