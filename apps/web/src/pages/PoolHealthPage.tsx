import { toMarketState } from "../chain/marketState";
import { useChainMarket } from "../chain/useChainMarkets";
import { useSelectedMarket } from "../markets/SelectedMarketContext";
import { PoolOverviewCard } from "../pool-health/PoolOverviewCard";
import { RecentLiquidationsCard } from "../pool-health/RecentLiquidationsCard";
import { RiskBuffersCard } from "../pool-health/RiskBuffersCard";
import { SolvencyCard } from "../pool-health/SolvencyCard";
import { useSharePrice, useSolvency } from "../pool-health/usePoolReads";
import { useMarketPrices } from "../prices/useMarketPrices";
import { Notice } from "../ui/Notice";
import { QueryError } from "../ui/QueryError";
import { PageHeading } from "./PageHeading";

export function PoolHealthPage() {
  const { market } = useSelectedMarket();
  const chainMarket = useChainMarket(market.address);
  const { prices, error: priceError } = useMarketPrices(market);
  const solvency = useSolvency(market.address, prices);
  const share = useSharePrice(market.address, prices);
  const info = chainMarket.data;
  const state = info === undefined ? undefined : toMarketState(info);
  return (
    <>
      <PageHeading
        title="Pool health"
        lead={`Solvency and the bad-debt ledger of the ${market.symbol} pool.`}
      />
      {chainMarket.error !== null && info === undefined && (
        <QueryError error={chainMarket.error} onRetry={() => void chainMarket.refetch()} />
      )}
      {priceError !== null && priceError !== undefined && <QueryError error={priceError} />}
      {state === undefined || prices === undefined ? (
        chainMarket.error === null && <Notice>Loading the pool…</Notice>
      ) : (
        <div className="health-grid">
          <PoolOverviewCard
            market={market}
            state={state}
            prices={prices}
            poolValueUsd={share.data?.poolValueUsd}
            sharePriceUsd={share.data?.sharePriceUsd}
          />
          <RiskBuffersCard
            insuranceFundUsd={solvency.data?.insuranceFundUsd}
            insuranceTargetUsd={state.config.safety.insuranceTargetUsd}
            ledger={state.ledger}
          />
          {solvency.data !== undefined && <SolvencyCard solvency={solvency.data} />}
          {solvency.error !== null && solvency.data === undefined && <QueryError error={solvency.error} />}
        </div>
      )}
      <RecentLiquidationsCard market={market} />
    </>
  );
}
