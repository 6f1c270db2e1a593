import { DepositForm } from "../earn/DepositForm";
import { LpAnalytics } from "../earn/LpAnalytics";
import { PoolSummary } from "../earn/PoolSummary";
import { useEarnData } from "../earn/useEarnData";
import { WithdrawForm } from "../earn/WithdrawForm";
import { useSelectedMarket } from "../markets/SelectedMarketContext";
import { RequestActivity } from "../requests/RequestActivity";
import { QueryError } from "../ui/QueryError";
import { PageHeading } from "./PageHeading";

export function EarnPage() {
  const { market } = useSelectedMarket();
  const data = useEarnData(market);
  return (
    <>
      <PageHeading
        title="Earn"
        lead={`Provide liquidity to the ${market.symbol} pool: you earn fees and take the other side of traders.`}
      />
      <PoolSummary data={data} />
      {data.priceError !== null && data.priceError !== undefined && <QueryError error={data.priceError} />}
      <RequestActivity origin="earn" title="Your liquidity requests" />
      <div className="earn-grid">
        <DepositForm key={`deposit-${market.symbol}`} data={data} />
        <WithdrawForm key={`withdraw-${market.symbol}`} data={data} />
      </div>
      <LpAnalytics market={market} account={data.account} />
    </>
  );
}
