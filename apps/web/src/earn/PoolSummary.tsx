import { useId } from "react";
import { formatTokenAmount } from "../format/formatTokenAmount";
import { formatUsd } from "../format/formatUsd";
import { useSharePrice } from "../pool-health/usePoolReads";
import { type Stat, StatList } from "../ui/StatList";
import { balanceOf, type EarnData } from "./useEarnData";

const ONE_SHARE = 10n ** 18n;

/** The pool at a glance: its tokens, value, share price, and what the wallet holds of it. */
export function PoolSummary({ data }: { data: EarnData }) {
  const { market, info, prices } = data;
  const share = useSharePrice(market.address, prices);
  const titleId = useId();
  const shares = balanceOf(data, market.address);
  const sharePrice = share.data?.sharePriceUsd;
  const stats: Stat[] = [
    {
      label: "Pool tokens",
      value: `${market.longToken.symbol} + ${market.shortToken.symbol}`,
      id: "pool-tokens",
    },
    {
      label: "Pool value",
      value: share.data === undefined ? "—" : formatUsd(share.data.poolValueUsd),
      id: "pool-value",
    },
    {
      label: "Share price",
      value: sharePrice === undefined ? "—" : formatUsd(sharePrice, { maxFractionDigits: 4 }),
      id: "share-price",
    },
    {
      label: "Shares in existence",
      value: info === undefined ? "—" : formatTokenAmount(info.totalSupply, 18, { maxFractionDigits: 2 }),
      id: "total-shares",
    },
    {
      label: "Your shares",
      value: shares === undefined ? "—" : formatTokenAmount(shares, 18, { maxFractionDigits: 4 }),
      id: "your-shares",
    },
    {
      label: "Worth (at withdrawal prices)",
      value:
        shares === undefined || sharePrice === undefined ? "—" : formatUsd((shares * sharePrice) / ONE_SHARE),
      id: "your-shares-value",
    },
  ];
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {market.symbol} pool
      </h2>
      <StatList stats={stats} columns={3} label={`${market.symbol} pool`} />
      {info?.paused === true && (
        <p className="notice" data-tone="warning">
          This pool is paused: deposits are not accepted; withdrawals work.
        </p>
      )}
    </section>
  );
}
