import { useSelectedMarket } from "../markets/SelectedMarketContext";
import { ComingSoon } from "./ComingSoon";
import { PageHeading } from "./PageHeading";

export function PoolHealthPage() {
  const { market } = useSelectedMarket();
  return (
    <>
      <PageHeading
        title="Pool health"
        lead={`Solvency and the bad-debt ledger of the ${market.symbol} pool.`}
      />
      <ComingSoon title="Solvency">
        Pool assets at oracle prices against what it owes: trader PnL, collateral and fees, with the insurance
        fund.
      </ComingSoon>
      <ComingSoon title="Bad-debt ledger">
        Every shortfall recorded on chain: position, amount, and who absorbed it (insurance fund or LPs).
      </ComingSoon>
    </>
  );
}
