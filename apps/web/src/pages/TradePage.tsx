import { useSelectedMarket } from "../markets/SelectedMarketContext";
import { RequestActivity } from "../requests/RequestActivity";
import { MarketStats } from "../trade/MarketStats";
import { OrderForm } from "../trade/OrderForm";
import { PriceChartCard } from "../trade/PriceChartCard";
import { PageHeading } from "./PageHeading";

export function TradePage() {
  const { market } = useSelectedMarket();
  return (
    <>
      <PageHeading
        title="Trade"
        lead={`Open and close leveraged ${market.symbol} positions against the pool.`}
      />
      <MarketStats market={market} />
      <div className="trade-grid">
        <div className="trade-grid__main">
          <PriceChartCard market={market} />
          <RequestActivity origin="trade" title="Your orders" />
        </div>
        <OrderForm key={market.symbol} market={market} />
      </div>
    </>
  );
}
